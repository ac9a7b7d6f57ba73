package brat

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseLineReadsEveryKind(t *testing.T) {
	tests := []struct {
		name string
		line string
		want record
	}{
		{"text-bound", "T1\tContent 0 5\tHello",
			record{ID: "T1", Kind: 'T', Type: "Content", Spans: []rawSpan{{0, 5}}, Text: "Hello"}},
		{"discontinuous text-bound", "T94\tContent 6 9;12 15\tabc def",
			record{ID: "T94", Kind: 'T', Type: "Content", Spans: []rawSpan{{6, 9}, {12, 15}}, Text: "abc def"}},
		{"text-bound without text", "T2\tCue 3 4",
			record{ID: "T2", Kind: 'T', Type: "Cue", Spans: []rawSpan{{3, 4}}}},
		{"text with a tab", "T3\tSource 0 3\ta\tb",
			record{ID: "T3", Kind: 'T', Type: "Source", Spans: []rawSpan{{0, 3}}, Text: "a\tb"}},
		{"event", "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
			record{ID: "E1", Kind: 'E', Type: "Attribution", Trigger: "T4",
				Args: []arg{{"Content", "T3"}, {"Cue", "T2"}, {"Source", "T1"}}}},
		{"relation", "R1\tFamily Arg1:T4 Arg2:T5\t",
			record{ID: "R1", Kind: 'R', Type: "Family", Args: []arg{{"Arg1", "T4"}, {"Arg2", "T5"}}}},
		{"attribute with value", "A1\tStance E1 favor",
			record{ID: "A1", Kind: 'A', Type: "Stance", Target: "E1", Value: "favor"}},
		{"binary attribute", "A2\tIndividual T4",
			record{ID: "A2", Kind: 'A', Type: "Individual", Target: "T4"}},
		{"old modifier", "M1\tNegation E2",
			record{ID: "M1", Kind: 'M', Type: "Negation", Target: "E2"}},
		{"normalization", "N1\tReference T5 Wikipedia:64488\tSome Name",
			record{ID: "N1", Kind: 'N', Type: "Reference", Target: "T5", Value: "Wikipedia:64488", Text: "Some Name"}},
		{"equivalence", "*\tAlias T3 T4 T5",
			record{ID: "*", Kind: '*', Type: "Alias", Args: []arg{{ID: "T3"}, {ID: "T4"}, {ID: "T5"}}}},
		{"note", "#1\tAnnotatorNotes T2\tcheck\tthis",
			record{ID: "#1", Kind: '#', Type: "AnnotatorNotes", Target: "T2", Text: "check\tthis"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseLine(tt.line)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
			again, err := parseLine(got.String())
			require.NoError(t, err, "the formatted line %q parses", got.String())
			assert.Equal(t, got, again)
		})
	}
}

func TestParseLineRejectsMalformedLines(t *testing.T) {
	tests := []struct {
		name, line, reason string
	}{
		{"no tab", "T1 Content 0 5 Hello", "no tab after the id"},
		{"unknown kind", "X1\tFoo T1", "no annotation kind"},
		{"offsets missing", "T1\tContent\tHello", "needs a label and offsets"},
		{"offsets not numbers", "T1\tContent a b\tab", "not whole numbers"},
		{"negative offset", "T1\tContent -1 4\tabcde", "not whole numbers"},
		{"three numbers", "T1\tContent 0 1 2\tx", "not a start and an end"},
		{"event without trigger", "E1\tAttribution Content:T1", "Type:Trigger"},
		{"event argument without role", "E1\tAttribution:T2 T1", "not Role:ID"},
		{"relation with one argument", "R1\tFamily Arg1:T1", "exactly two arguments"},
		{"attribute without target", "A1\tStance", "needs a name"},
		{"modifier with value", "M1\tNegation E1 yes", "only a name"},
		{"normalization without reference", "N1\tReference T1\tx", "DB:ID reference"},
		{"equivalence without ids", "*\tAlias", "ids it joins"},
		{"note without target", "#1\tAnnotatorNotes\tx", "type and the id"},
		{"star with a number", "*1\tAlias T1 T2", "not a brat id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseLine(tt.line)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.reason)
		})
	}
}

func TestParseAnnKeepsLineNumbersAndReportsDuplicates(t *testing.T) {
	recs, bad := parseAnn("T1\tCue 0 1\ta\r\n\n   \nT1\tCue 1 2\tb\nnonsense\n")
	require.Len(t, recs, 1)
	assert.Equal(t, 1, recs[0].Line)
	assert.Equal(t, "a", recs[0].Text, "a Windows line end is removed")
	require.Len(t, bad, 2)
	assert.Equal(t, 4, bad[0].Line)
	assert.Contains(t, bad[0].Reason, "used by an earlier line")
	assert.Equal(t, 5, bad[1].Line)
}
