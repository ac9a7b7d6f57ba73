package agreement

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"sayso/internal/annotation"
	"sayso/internal/text"
)

func TestRuns(t *testing.T) {
	tests := []struct {
		name  string
		marks [][]text.Span
		want  []Run
	}{
		{"adjacent equal counts merge",
			[][]text.Span{{sp(0, 5)}, {sp(5, 10)}}, []Run{{0, 10, 1}}},
		{"overlap counts two",
			[][]text.Span{{sp(0, 5)}, {sp(3, 8)}}, []Run{{0, 3, 1}, {3, 5, 2}, {5, 8, 1}}},
		{"one annotator counts once where their spans overlap",
			[][]text.Span{{sp(0, 5), sp(3, 8)}}, []Run{{0, 8, 1}}},
		{"unmarked gaps are left out",
			[][]text.Span{{sp(0, 2), sp(6, 8)}, {sp(6, 8)}}, []Run{{0, 2, 1}, {6, 8, 2}}},
		{"runs separated by another count stay apart",
			[][]text.Span{{sp(0, 9)}, {sp(3, 6)}}, []Run{{0, 3, 1}, {3, 6, 2}, {6, 9, 1}}},
		{"nothing marked", [][]text.Span{{}, {sp(4, 4)}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Runs(tt.marks))
		})
	}
}

func TestCoverageCountsFragmentsPerLabelInTheSameDocument(t *testing.T) {
	doc := annotation.Document{ID: "d1", Text: text1}
	key := classKey(t)
	gappy := key
	gappy.Name = "gappy"
	gappy.Project.Annotations = []annotation.Annotation{{ID: "g", Document: "d1", Label: annotation.LabelClaim,
		Fragments: []text.Span{sp(14, 19), sp(25, 29)}}} // "taxes" … "fall"
	student := classStudent(t)

	runs := Coverage([]Annotator{key, student, gappy}, doc, annotation.LabelClaim)
	assert.Equal(t, []Run{
		{14, 19, 3}, {19, 25, 2}, {25, 29, 3}, {29, 30, 1}, // "taxes must fall" (+ "." by the student)
		{44, 55, 2}, // "it reckless"
	}, runs)

	all := CoverageByLabel([]Annotator{key, student}, doc)
	assert.Equal(t, []Run{{0, 8, 2}, {31, 38, 2}}, all[annotation.LabelSpeaker])
}
