package agreement

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"sayso/internal/annotation"
	"sayso/internal/text"
)

func TestCandidatesSummariseUnitsOfEveryLabel(t *testing.T) {
	const txt = "Ann Lee said rain is good. Bo said no."
	doc := annotation.Document{ID: "d", Text: txt}
	a := newBuilder(t, doc).speaker("a1", "Ann Lee").
		mention("m", "d", "Ann Lee", "a1").
		claim("c", "d", "rain is good", "favor", "a1", "m").
		claim("c2", "d", "no", "against", "", "").
		annotator("A")
	b := newBuilder(t, doc).speaker("b1", "ann  lee").
		mention("m", "d", "Ann Lee", "b1").
		claim("c", "d", "rain is good", "favor", "b1", "m").
		annotator("B")
	c := newBuilder(t, doc).speaker("c1", "Lee").
		claim("c", "d", "rain is good.", "against", "c1", "").
		annotator("C")

	got := Candidates([]Annotator{a, b, c})
	want := []Candidate{
		{Document: "d", Label: annotation.LabelSpeaker, Span: sp(0, 7), Fragments: []text.Span{sp(0, 7)},
			Quote: "Ann Lee", Markers: []string{"A", "B"}, Count: 2, Speaker: "Ann Lee", Accept: true},
		{Document: "d", Label: annotation.LabelClaim, Span: sp(13, 25), Fragments: []text.Span{sp(13, 25)},
			Quote: "rain is good", Markers: []string{"A", "B", "C"}, Count: 3, Stance: "favor", Speaker: "Ann Lee", Accept: true},
		{Document: "d", Label: annotation.LabelClaim, Span: sp(35, 37), Fragments: []text.Span{sp(35, 37)},
			Quote: "no", Markers: []string{"A"}, Count: 1, Stance: "against", Accept: false},
	}
	assert.Equal(t, want, got)
}

func TestPluralityLeavesTiesUndecided(t *testing.T) {
	tests := []struct {
		name   string
		values []string
		want   string
	}{
		{"majority", []string{"a", "b", "a"}, "a"},
		{"empty values ignored", []string{"", "", "b"}, "b"},
		{"tie", []string{"a", "b"}, ""},
		{"none", []string{"", ""}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, plurality(tt.values))
		})
	}
}
