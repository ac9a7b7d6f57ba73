package brat

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/format"
	"sayso/internal/text"
)

// sample is a text written for these tests. Ana 0–3, said 4–8,
// "the plan works" 10–24, Bo 26–28, said 29–33, "it fails" 34–42, the
// second Ana 48–51, agreed 52–58.
const sample = "Ana said: the plan works. Bo said it fails, and Ana agreed."

func importSample(t *testing.T, ann string) (annotation.Project, format.Report) {
	t.Helper()
	p, rep, err := Import([]Pair{{Name: "doc", Text: []byte(sample), Ann: []byte(ann)}})
	require.NoError(t, err)
	requireLoads(t, p)
	return p, rep
}

// byQuote finds an imported annotation by its quote.
func byQuote(t *testing.T, p annotation.Project, quote string) annotation.Annotation {
	t.Helper()
	for _, a := range p.Annotations {
		if a.Quote == quote {
			return a
		}
	}
	require.Failf(t, "no annotation", "quote %q", quote)
	return annotation.Annotation{}
}

func speakerName(p annotation.Project, id string) string {
	for _, s := range p.Speakers {
		if s.ID == id {
			return s.Name
		}
	}
	return ""
}

func TestImportMapsPolNeARLines(t *testing.T) {
	p, rep := importSample(t, strings.Join([]string{
		"T1\tSource 0 3\tAna",
		"T2\tCue 4 8\tsaid",
		"T3\tContent 10 24\tthe plan works",
		"T4\tAttribution 4 8\tsaid",
		"E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3",
		"A1\tStance E1 favor",
		"#1\tAnnotatorNotes E1\tchecked",
		"T5\tCue 29 33\tsaid",
		"T6\tContent 34 42\tit fails",
		"T7\tAttribution-no-source 29 33\tsaid",
		"E2\tAttribution-no-source:T7 Cue:T5 Content:T6",
		"T8\tSource 48 51\tAna",
	}, "\n"))
	assert.Empty(t, rep.Skipped)
	assert.Equal(t, format.Report{Documents: 1, Annotations: 6, Links: 3}, rep)

	claim := byQuote(t, p, "the plan works")
	assert.Equal(t, annotation.LabelClaim, claim.Label)
	assert.Equal(t, "favor", claim.Stance, "a stance on the event is the claim's")
	assert.Equal(t, "checked", claim.Note, "a note on the event is the claim's")
	assert.Equal(t, byQuote(t, p, "Ana").ID, claim.SpeakerMention)
	assert.Equal(t, "Ana", speakerName(p, claim.Speaker))
	other := byQuote(t, p, "it fails")
	assert.Empty(t, other.SpeakerMention)
	assert.NotEmpty(t, other.Cue)
	require.Len(t, p.Speakers, 1, "both mentions of Ana are one speaker")
}

func TestImportReportsWhatItCannotMap(t *testing.T) {
	tests := []struct {
		name   string
		ann    string
		report string // a part of the one report line
	}{
		{"relation", "T1\tSource 0 3\tAna\nT2\tSource 26 28\tBo\nR1\tKnows Arg1:T1 Arg2:T2", "R1: the Knows relation"},
		{"other event", "T1\tVerb 4 8\tsaid\nE1\tSay:T1", "E1: the Say event"},
		{"other attribute", "T1\tSource 0 3\tAna\nA1\tNegated T1", "attribute Negated on T1"},
		{"stance on a speaker", "T1\tSource 0 3\tAna\nA1\tStance T1 favor", "not an imported claim"},
		{"normalization of a cue", "T1\tCue 4 8\tsaid\nN1\tReference T1 Wiki:1\tsay", "normalization of T1"},
		{"equivalence of cues", "T1\tCue 4 8\tsaid\nT2\tCue 29 33\tsaid\n*\tAlias T1 T2", "Alias equivalence"},
		{"note on nothing", "#1\tAnnotatorNotes T9\thello", "#1: the note “hello” on T9"},
		{"unreadable line", "T1 Source 0 3 Ana", "could not be read"},
		{"quote mismatch", "T1\tContent 10 24;26 28\tthe plan fails Bo", "does not match"},
		{"past the end", "T1\tSource 50 70;71 72\tx y", "goes past the end"},
		{"backwards span", "T1\tSource 5 2\tx", "ends before it starts"},
		{"empty span", "T1\tSource 5 5\t", "covers no text"},
		{"orphan trigger", "T1\tAttribution 4 8\tsaid", "belongs to no event"},
		{"attribution without content", "T1\tCue 4 8\tsaid\nT2\tAttribution 4 8\tsaid\nE1\tAttribution:T2 Cue:T1", "has no Content"},
		{"second attribution", "T1\tContent 10 24\tthe plan works\nT2\tCue 4 8\tsaid\nT3\tAttribution 4 8\tsaid\n" +
			"E1\tAttribution:T3 Content:T1 Cue:T2\nT4\tAttribution 4 8\tsaid\nE2\tAttribution:T4 Content:T1 Cue:T2",
			"already attributed by E1"},
		{"unknown role", "T1\tContent 10 24\tthe plan works\nT2\tCue 4 8\tsaid\nT3\tAttribution 4 8\tsaid\n" +
			"E1\tAttribution:T3 Content:T1 Cue:T2 Time:T2", "argument Time:T2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, rep := importSample(t, tt.ann)
			require.Len(t, rep.Skipped, 1, "%v", rep.Skipped)
			assert.Contains(t, rep.Skipped[0], tt.report)
			assert.True(t, strings.HasPrefix(rep.Skipped[0], "doc: "), "the line names the document")
		})
	}
}

func TestImportReanchorsAQuoteThatMovedAndSaysSo(t *testing.T) {
	p, rep := importSample(t, "T1\tContent 11 25\tthe plan works")
	assert.Equal(t, []text.Span{{Start: 10, End: 24}}, byQuote(t, p, "the plan works").Fragments)
	require.Len(t, rep.Skipped, 1)
	assert.Contains(t, rep.Skipped[0], "placed at 10–24 instead")
}

func TestImportSortsAndMergesFragments(t *testing.T) {
	tests := []struct {
		name  string
		spans string
		quote string
		want  []text.Span
	}{
		{"out of order", "26 28;10 14", "Bo the ", []text.Span{{Start: 10, End: 14}, {Start: 26, End: 28}}},
		{"touching", "10 14;14 18", "the  plan", []text.Span{{Start: 10, End: 18}}},
		{"overlapping", "10 18;14 24", "the plan plan works", []text.Span{{Start: 10, End: 24}}},
		{"with an empty one", "10 14;20 20;26 28", "the   Bo", []text.Span{{Start: 10, End: 14}, {Start: 26, End: 28}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, rep := importSample(t, "T1\tContent "+tt.spans+"\t"+tt.quote)
			assert.Empty(t, rep.Skipped)
			require.Len(t, p.Annotations, 1)
			assert.Equal(t, tt.want, p.Annotations[0].Fragments)
		})
	}
}

func TestImportGroupsSpeakers(t *testing.T) {
	tests := []struct {
		name  string
		ann   string
		names []string // speaker names, in order
	}{
		{"one per distinct text", "T1\tSource 0 3\tAna\nT2\tSource 26 28\tBo\nT3\tSource 48 51\tAna", []string{"Ana", "Bo"}},
		{"a name note joins and names", "T1\tSource 0 3\tAna\nT2\tSource 26 28\tBo\n" +
			"#1\tAnnotatorNotes T2\tSpeaker: Ana Ruiz\n#2\tAnnotatorNotes T1\tSpeaker: ana  ruiz", []string{"ana  ruiz"}},
		{"an equivalence joins", "T1\tSource 0 3\tAna\nT2\tSource 26 28\tBo\n*\tAlias T1 T2", []string{"Ana"}},
		{"a normalization joins and names", "T1\tSource 0 3\tAna\nT2\tSource 26 28\tBo\n" +
			"N1\tReference T1 Wiki:7\tAna B.\nN2\tReference T2 Wiki:7\tA. B.", []string{"Ana B."}},
		{"a claim named without a mention", "T1\tContent 10 24\tthe plan works\n#1\tAnnotatorNotes T1\tSpeaker: Cy", []string{"Cy"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, rep := importSample(t, tt.ann)
			assert.Empty(t, rep.Skipped)
			var names []string
			for _, s := range p.Speakers {
				names = append(names, s.Name)
			}
			assert.Equal(t, tt.names, names)
		})
	}
}

func TestImportReportsMissingAndBrokenFiles(t *testing.T) {
	p, rep, err := Import([]Pair{
		{Name: "lost", Ann: []byte("T1\tSource 0 3\tAna")},
		{Name: "plain", Text: []byte("no annotations here")},
		{Name: "broken", Text: []byte("Ana\xffsaid"), Ann: []byte("T1\tSource 0 3\tAna\nT2\tCue 4 8\tsaid")},
		{Name: "windows", Text: []byte("one\r\ntwo"), Ann: []byte("T1\tCue 4 7\ttwo")},
	})
	require.NoError(t, err)
	requireLoads(t, p)
	require.Len(t, p.Documents, 3, "a pair without its text makes no document")
	assert.Equal(t, []string{"plain", "broken", "windows"}, []string{p.Documents[0].Title, p.Documents[1].Title, p.Documents[2].Title})
	assert.Equal(t, "Ana\uFFFDsaid", p.Documents[1].Text, "each invalid byte becomes one U+FFFD, so offsets stay")
	assert.Equal(t, "one\ntwo", p.Documents[2].Text)
	assert.Equal(t, 3, rep.Annotations)
	require.Len(t, rep.Skipped, 2)
	assert.Contains(t, rep.Skipped[0], "lost: there is no text file")
	assert.Contains(t, rep.Skipped[1], "broken: the text is not valid UTF-8; each invalid byte (1 in all)")

	_, _, err = Import(nil)
	assert.ErrorContains(t, err, "no brat")
}
