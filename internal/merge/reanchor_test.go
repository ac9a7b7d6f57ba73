package merge_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/merge"
	"sayso/internal/text"
)

// The open project's text has a sentence added before and one claim
// edited; the import was annotated on the old text. Every annotation moves:
// four by their unique quote, the edited claim between its old context.
func TestApplyMergeMarksEachReanchoredAnnotationWithHowAndHowSure(t *testing.T) {
	imp := bridge(t, "Ben")
	edited := "Update at noon. " + strings.Replace(bridgeText, "in May", "in early May", 1)
	cb := newBuilder(t, "Ana")
	cb.document("Bridge", edited)
	cur := cb.project()

	out, rep := apply(t, cur, imp, map[string]merge.Choice{"d1": merge.Merge})

	require.Len(t, out.Annotations, 5)
	type mark struct {
		Label, Quote, Anchored string
		Confidence             int
		Span                   text.Span
	}
	var got []mark
	for _, a := range out.Annotations {
		got = append(got, mark{a.Label, a.Quote, a.Anchored, a.AnchorConfidence, a.Hull()})
	}
	assert.Equal(t, []mark{
		{"speaker", "Lena Ortiz", "quote", 95, text.Span{Start: 22, End: 32}},
		{"cue", "said", "quote", 95, text.Span{Start: 33, End: 37}},
		// 6 edits in 35 code points: 0.5 + 0.4 × (1 − 6/35) = 0.8314…
		{"claim", "the bridge will reopen in early May", "context", 83, text.Span{Start: 38, End: 73}},
		{"speaker", "Tom Reyes", "quote", 95, text.Span{Start: 127, End: 136}},
		{"claim", "the steel has not even arrived", "quote", 95, text.Span{Start: 148, End: 178}},
	}, got)

	claim := annByQuote(t, out, annotation.LabelClaim, "the bridge will reopen in early May")
	assert.Equal(t, " at noon. Mayor Lena Ortiz said ", claim.Prefix, "32 code points")
	assert.Equal(t, ". \"The repairs are on schedule,\"", claim.Suffix)
	assert.Equal(t, annByQuote(t, out, annotation.LabelSpeaker, "Lena Ortiz").ID, claim.SpeakerMention)
	assert.Equal(t, annByQuote(t, out, annotation.LabelCue, "said").ID, claim.Cue)
	assert.Equal(t, "Lena Ortiz", speakerName(out, claim.Speaker))

	require.Len(t, rep.Anchored, 5)
	assert.Equal(t, merge.Anchoring{Method: "context", Confidence: 0.5 + 0.4*(1-6.0/35), Quote: "the bridge will reopen in early May"}, rep.Anchored[claim.ID])
	assert.Equal(t, 5, rep.Added)
	assert.Zero(t, rep.Folded)
	assert.Equal(t, []merge.DocumentOutcome{{Imported: "d1", Result: "d1", Title: "Bridge", Action: merge.Merged}}, rep.Documents)
	assert.Equal(t, []string{
		"Read 1 document, 5 annotations, 3 links and 2 speakers.",
		"Merged the imported annotations into “Bridge”, whose text differs: they were found again by their quote and context.",
		"Added 5 annotations.",
		"4 annotations were re-anchored by their quote (confidence 95%).",
		"1 annotation was re-anchored by its context (confidence 83%).",
		"Added 2 speakers.",
	}, rep.Lines())
}

// Re-anchored annotations that land on one already there are folded into
// it, and nothing is marked.
func TestApplyMergeFoldsAReanchoredDuplicate(t *testing.T) {
	imp := bridge(t, "Ben")
	edited := "Update at noon. " + bridgeText
	cb := newBuilder(t, "Ana")
	cb.document("Bridge", edited)
	said := cb.ann(annotation.LabelCue, "said")
	cur := cb.project()

	out, rep := apply(t, cur, imp, map[string]merge.Choice{"d1": merge.Merge})

	assert.Equal(t, 1, rep.Folded)
	assert.Equal(t, 4, rep.Added)
	assert.Len(t, out.Annotations, 5)
	assert.Len(t, rep.Anchored, 4, "the folded cue is not listed")
	cue := annByID(t, out, said)
	assert.Empty(t, cue.Anchored)
	assert.Zero(t, cue.AnchorConfidence)
	claim := annByQuote(t, out, annotation.LabelClaim, "the bridge will reopen in May")
	assert.Equal(t, said, claim.Cue, "the claim's cue is the one already there")
}

func TestApplyReplaceKeepsTheExistingTitleWhenTheImportedOneIsBlank(t *testing.T) {
	cur := bridge(t, "Ana")
	imp := bridge(t, "Ben")
	imp.Documents[0].Title = "  "
	out, rep := apply(t, cur, imp, map[string]merge.Choice{"d1": merge.Replace})
	assert.Equal(t, "Bridge", out.Documents[0].Title)
	assert.Equal(t, []merge.DocumentOutcome{{Imported: "d1", Result: "d1", Title: "Bridge", Action: merge.Replaced}}, rep.Documents)
}

func TestApplyKeepBothOfAnUntitledDocument(t *testing.T) {
	cur := bridge(t, "Ana")
	imp := bridge(t, "Ben")
	imp.Documents[0].Title = ""
	out, _ := apply(t, cur, imp, map[string]merge.Choice{"d1": merge.KeepBoth})
	require.Len(t, out.Documents, 2)
	assert.Equal(t, "(imported)", out.Documents[1].Title)
}

func TestApplyMergeFillsOrKeepsTheDocumentsTitleAndTopic(t *testing.T) {
	tests := []struct {
		name                 string
		curTitle, curTopic   string
		impTitle, impTopic   string
		wantTitle, wantTopic string
		filled               int
		conflicts            []string // fields
	}{
		{"the same", "Bridge", "works", "Bridge", "works", "Bridge", "works", 0, nil},
		{"titles differing in case and space only", "Bridge", "works", " bridge ", "works", "Bridge", "works", 0, nil},
		{"empty imported values change nothing", "Bridge", "works", "", "", "Bridge", "works", 0, nil},
		{"empty existing values are filled", "", "", "Bridge", "works", "Bridge", "works", 2, nil},
		{"a blank existing title is filled", " ", "works", "Bridge", "works", "Bridge", "works", 1, nil},
		{"differing values are kept and reported", "Bridge", "works", "Span", "roads", "Bridge", "works", 0, []string{"title", "topic"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cur, imp := bridge(t, "Ana"), bridge(t, "Ben")
			cur.Documents[0].Title, cur.Documents[0].Topic = tc.curTitle, tc.curTopic
			imp.Documents[0].Title, imp.Documents[0].Topic = tc.impTitle, tc.impTopic
			out, rep := apply(t, cur, imp, map[string]merge.Choice{"d1": merge.Merge})
			assert.Equal(t, tc.wantTitle, out.Documents[0].Title)
			assert.Equal(t, tc.wantTopic, out.Documents[0].Topic)
			assert.Equal(t, tc.filled, rep.Filled)
			var fields []string
			for _, c := range rep.FieldConflicts {
				if c.Label == "document" {
					fields = append(fields, c.Field)
				}
			}
			assert.Equal(t, tc.conflicts, fields)
		})
	}
}
