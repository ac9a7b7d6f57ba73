package brat

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/text"
)

func TestImportSaysWhenItSortsOrMergesFragments(t *testing.T) {
	tests := []struct{ name, line, want string }{
		{"out of order", "T1\tContent 26 28;10 14\tBo the ",
			"doc: T1 (Content “Bo the ”): its spans 26 28;10 14 were put in reading order, 10 14;26 28"},
		{"touching", "T1\tContent 10 14;14 18\tthe  plan",
			"doc: T1 (Content “the  plan”): its spans 10 14;14 18 overlap or touch, so they were merged into 10 18"},
		{"overlapping and out of order", "T1\tContent 14 24;10 18\tplan works the plan",
			"doc: T1 (Content “plan works the plan”): its spans 14 24;10 18 overlap or touch, so they were merged into 10 24"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, rep := importSample(t, tc.line)
			assert.Empty(t, rep.Skipped, "nothing is lost")
			assert.Equal(t, []string{tc.want}, rep.Adjusted)
		})
	}
	_, rep := importSample(t, "T1\tContent 10 14;26 28\tthe Bo")
	assert.Empty(t, rep.Adjusted, "fragments in order are not mentioned")
}

func TestExportSaysWhenItSplitsASpanAtALineBreak(t *testing.T) {
	body := "one\u2028two\u2029three\nfour\u2028\u2029"
	p := oneDoc(t, body,
		annotation.Annotation{Label: annotation.LabelClaim, Fragments: []text.Span{{Start: 0, End: 13}}},
		annotation.Annotation{Label: annotation.LabelCue, Fragments: []text.Span{{Start: 14, End: 19}}},
		annotation.Annotation{Label: annotation.LabelSpeaker, Fragments: []text.Span{{Start: 18, End: 20}}},
	)
	files, rep, err := ExportReport(p)
	require.NoError(t, err)
	assert.Equal(t, "T1\tContent 0 3;4 7;8 13\tone two three\nT2\tCue 14 18\tfour\n", string(fileMap(files)["Doc.ann"]))
	assert.Equal(t, []string{
		"Doc: the claim “one\u2028two\u2029three” was split at U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR into 3 spans, as a brat span cannot hold a line break; it comes back as 3 fragments",
		"Doc: the cue “four\u2028” was written without U+2028 LINE SEPARATOR at its ends, which a brat span cannot hold",
	}, rep.Adjusted)
	assert.Equal(t, []string{"Doc: the speaker “\u2028\u2029” is only line breaks, which a brat span cannot hold, so it was left out"}, rep.Skipped)
	assert.Equal(t, 1, rep.Documents)
	assert.Equal(t, 2, rep.Annotations)

	plain, err := Export(p)
	require.NoError(t, err)
	assert.Equal(t, files, plain, "Export writes the same files")
}
