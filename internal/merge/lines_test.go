package merge_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"sayso/internal/merge"
)

func TestReportLinesSaySingularsPluralsAndLeaveOutWhatIsZero(t *testing.T) {
	tests := []struct {
		name string
		rep  merge.Report
		want []string
	}{
		{
			name: "nothing read: only the first sentence",
			rep:  merge.Report{},
			want: []string{"Read 0 documents, 0 annotations, 0 links and 0 speakers."},
		},
		{
			name: "one of each",
			rep: merge.Report{
				Read:           merge.Counts{Documents: 1, Annotations: 1, Links: 1, Speakers: 1, Orphans: 1},
				Removed:        1,
				Added:          1,
				Folded:         1,
				Filled:         1,
				SpeakersAdded:  1,
				OrphansCarried: 1,
			},
			want: []string{
				"Read 1 document, 1 annotation, 1 link and 1 speaker, with 1 annotation not placed in its text.",
				"Removed 1 annotation of the replaced documents.",
				"Added 1 annotation.",
				"1 annotation was already there and was not added twice.",
				"Filled 1 empty field from the import.",
				"Added 1 speaker.",
				"Kept 1 annotation the import had not placed.",
			},
		},
		{
			name: "two of each",
			rep: merge.Report{
				Read:           merge.Counts{Documents: 2, Annotations: 2, Links: 2, Speakers: 2, Orphans: 2},
				Removed:        2,
				Added:          2,
				Folded:         2,
				Filled:         2,
				SpeakersAdded:  2,
				OrphansCarried: 2,
			},
			want: []string{
				"Read 2 documents, 2 annotations, 2 links and 2 speakers, with 2 annotations not placed in its text.",
				"Removed 2 annotations of the replaced documents.",
				"Added 2 annotations.",
				"2 annotations were already there and were not added twice.",
				"Filled 2 empty fields from the import.",
				"Added 2 speakers.",
				"Kept 2 annotations the import had not placed.",
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, tc.rep.Lines())
		})
	}
}

func TestReportLinesSayWhatBecameOfEachDocument(t *testing.T) {
	rep := merge.Report{
		Read: merge.Counts{Documents: 5},
		Documents: []merge.DocumentOutcome{
			{Title: "New one", Action: merge.Added},
			{Title: "Copy (imported)", Action: merge.KeptBoth},
			{Title: "Swapped", Action: merge.Replaced},
			{Title: "Same", Action: merge.Merged, SameText: true},
			{Title: "Edited", Action: merge.Merged},
		},
	}
	assert.Equal(t, []string{
		"Read 5 documents, 0 annotations, 0 links and 0 speakers.",
		"Added the document “New one”.",
		"Kept both versions of a document; the imported one is “Copy (imported)”.",
		"Replaced “Swapped” with the imported version.",
		"Merged the imported annotations into “Same”, whose text is the same.",
		"Merged the imported annotations into “Edited”, whose text differs: they were found again by their quote and context.",
	}, rep.Lines())
}

func TestReportLinesGroupReanchoringByMethodInOrderOfTrust(t *testing.T) {
	rep := merge.Report{
		Anchored: map[string]merge.Anchoring{
			"f1": {Method: "fuzzy", Confidence: 0.8},
			"f2": {Method: "fuzzy", Confidence: 0.85},
			"c1": {Method: "context", Confidence: 0.9},
			"q1": {Method: "quote", Confidence: 0.95},
			"q2": {Method: "quote", Confidence: 0.95},
			"z1": {Method: "zzz", Confidence: 0.5},
			"y1": {Method: "yyy", Confidence: 0.61},
			"y2": {Method: "yyy", Confidence: 0.6},
		},
	}
	assert.Equal(t, []string{
		"Read 0 documents, 0 annotations, 0 links and 0 speakers.",
		// Unknown methods first, by name: they have no rank.
		"2 annotations were re-anchored by yyy (confidence 60–61%).",
		"1 annotation was re-anchored by zzz (confidence 50%).",
		"2 annotations were re-anchored by their quote (confidence 95%).",
		"1 annotation was re-anchored by its context (confidence 90%).",
		"2 annotations were re-anchored by a close match of their quote (confidence 80–85%). Check them.",
	}, rep.Lines())
}

func TestReportLinesCallEqualRoundedConfidencesOneFigure(t *testing.T) {
	rep := merge.Report{Anchored: map[string]merge.Anchoring{
		"a": {Method: "fuzzy", Confidence: 0.801},
		"b": {Method: "fuzzy", Confidence: 0.804},
		"c": {Method: "fuzzy", Confidence: 0.802},
	}}
	assert.Equal(t, "3 annotations were re-anchored by a close match of their quote (confidence 80%). Check them.", rep.Lines()[1])
	one := merge.Report{Anchored: map[string]merge.Anchoring{"a": {Method: "context", Confidence: 0.7}}}
	assert.Equal(t, "1 annotation was re-anchored by its context (confidence 70%).", one.Lines()[1])
	fz := merge.Report{Anchored: map[string]merge.Anchoring{"a": {Method: "fuzzy", Confidence: 0.7}}}
	assert.Equal(t, "1 annotation was re-anchored by a close match of its quote (confidence 70%). Check it.", fz.Lines()[1])
}

func TestReportLinesListWhatNeedsALook(t *testing.T) {
	rep := merge.Report{
		Repairs:  []string{"annotation a3 had no label.", "speaker s9 removed"},
		Unplaced: []merge.Unplaced{{Label: "claim", Quote: "the  bridge\nreopens", Reason: "its quote is not in the text any more"}},
		LinksCut: []merge.LinkCut{{FromLabel: "claim", FromQuote: "it reopens", Link: "speaker mention", ToQuote: "she"}},
		FieldConflicts: []merge.FieldConflict{
			{Label: "document", Quote: "Bridge", Field: "title", Kept: "Bridge", Imported: "The bridge"},
			{Label: "claim", Quote: "it reopens", Field: "note", Kept: "a", Imported: "b"},
		},
		SpeakersMerged:  []merge.SpeakerMerge{{Name: "Lena Ortiz"}, {Name: "Tom\tReyes"}},
		SpeakersDropped: []string{"Ana", "Ben"},
		SchemaAdded:     []string{"the label “Evidence”", "the stance value “mixed”"},
	}
	assert.Equal(t, []string{
		"Read 0 documents, 0 annotations, 0 links and 0 speakers.",
		"Repaired in the import: annotation a3 had no label.",
		"Repaired in the import: speaker s9 removed.",
		"Could not place the claim “the bridge reopens”: its quote is not in the text any more. It is kept under “Not placed” for you to place or drop.",
		"Removed the link from the claim “it reopens” to its speaker mention “she”, which could not be placed.",
		"Kept the title “Bridge” of the document “Bridge”; the import says “The bridge”.",
		"Kept the note “a” of the claim “it reopens”; the import says “b”.",
		"2 imported speakers are the same as one already there: “Lena Ortiz”, “Tom Reyes”.",
		"Removed 2 speakers only the replaced annotations mentioned: “Ana”, “Ben”.",
		"Added to the schema the label “Evidence” and the stance value “mixed”.",
	}, rep.Lines())
}

func TestReportLinesForSingleSpeakersAndSchemaItems(t *testing.T) {
	rep := merge.Report{
		SpeakersMerged:  []merge.SpeakerMerge{{Name: "Lena Ortiz"}},
		SpeakersDropped: []string{"Ana"},
		SchemaAdded:     []string{"the label “Evidence”"},
	}
	assert.Equal(t, []string{
		"Read 0 documents, 0 annotations, 0 links and 0 speakers.",
		"1 imported speaker is the same as one already there: “Lena Ortiz”.",
		"Removed 1 speaker only the replaced annotations mentioned: “Ana”.",
		"Added to the schema the label “Evidence”.",
	}, rep.Lines())
	three := merge.Report{SchemaAdded: []string{"a", "b", "c"}}
	assert.Equal(t, "Added to the schema a, b and c.", three.Lines()[1])
}

func TestReportLinesShowFiveRenamesAndCountTheRest(t *testing.T) {
	renames := func(n int) []merge.Rename {
		var out []merge.Rename
		for i := range n {
			id := string(rune('a' + i))
			out = append(out, merge.Rename{Kind: "annotation", From: id, To: id + "2"})
		}
		return out
	}
	tests := []struct {
		n    int
		want string
	}{
		{1, "Gave new ids to 1 imported item this project already used (a → a2)."},
		{5, "Gave new ids to 5 imported items this project already used (a → a2, b → b2, c → c2, d → d2, e → e2)."},
		{6, "Gave new ids to 6 imported items this project already used (a → a2, b → b2, c → c2, d → d2, e → e2, and 1 more)."},
		{8, "Gave new ids to 8 imported items this project already used (a → a2, b → b2, c → c2, d → d2, e → e2, and 3 more)."},
	}
	for _, tc := range tests {
		rep := merge.Report{Renamed: renames(tc.n)}
		assert.Equal(t, []string{"Read 0 documents, 0 annotations, 0 links and 0 speakers.", tc.want}, rep.Lines(), "%d renames", tc.n)
	}
}

func TestReportLinesClipLongQuotesAt60CodePoints(t *testing.T) {
	sixty := strings.Repeat("é", 60)
	sixtyOne := strings.Repeat("é", 61)
	tests := []struct {
		name, title, want string
	}{
		{"60 code points are kept whole", sixty, sixty},
		{"61 become 57 and an ellipsis", sixtyOne, strings.Repeat("é", 57) + "…"},
		{"runs of white space become one space", "  A\n\tbridge  ", "A bridge"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rep := merge.Report{Documents: []merge.DocumentOutcome{{Title: tc.title, Action: merge.Added}}}
			assert.Equal(t, "Added the document “"+tc.want+"”.", rep.Lines()[1])
		})
	}
}
