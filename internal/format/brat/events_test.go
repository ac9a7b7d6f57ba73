package brat

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/testenv"
)

// trainDir is PolNeAR's training split as it is distributed: text/NAME.txt
// and attributions/NAME_ANNOTATOR.ann, outside the repository.
const trainDir = "../../../../shared/corpus/polnear-train"

// polnearTrain returns the training split as a file system, failing under
// CI and skipping elsewhere when it is missing.
func polnearTrain(t *testing.T) fs.FS {
	t.Helper()
	if _, err := os.Stat(trainDir); errors.Is(err, fs.ErrNotExist) {
		testenv.Missing(t, "the PolNeAR training split %s is not on this machine", trainDir)
	}
	return os.DirFS(trainDir)
}

// trainPair reads one annotation file of the training split with its text.
func trainPair(t *testing.T, fsys fs.FS, annName string) Pair {
	t.Helper()
	ann, err := fs.ReadFile(fsys, "attributions/"+annName)
	require.NoError(t, err)
	stem := strings.TrimSuffix(annName, ".ann")
	txt, err := fs.ReadFile(fsys, "text/"+stem[:strings.LastIndexByte(stem, '_')]+".txt")
	require.NoError(t, err)
	return Pair{Name: stem, Text: txt, Ann: ann}
}

// annsWith lists the training split's annotation files that contain s.
func annsWith(t *testing.T, fsys fs.FS, s string) []string {
	t.Helper()
	names, err := fs.Glob(fsys, "attributions/*.ann")
	require.NoError(t, err)
	var out []string
	for _, n := range names {
		b, err := fs.ReadFile(fsys, n)
		require.NoError(t, err)
		if strings.Contains(string(b), s) {
			out = append(out, path.Base(n))
		}
	}
	return out
}

// spanKey names an annotation's fragments ("12-20;25-30") or a brat line's
// spans, sorted and merged as the import does.
func spanKey(frags ...[2]int) string {
	parts := make([]string, len(frags))
	for i, f := range frags {
		parts[i] = fmt.Sprintf("%d-%d", f[0], f[1])
	}
	return strings.Join(parts, ";")
}

func annKey(a annotation.Annotation) string {
	var fs [][2]int
	for _, f := range a.Fragments {
		fs = append(fs, [2]int{f.Start, f.End})
	}
	return spanKey(fs...)
}

func recKey(r record) string {
	var fs [][2]int
	for _, s := range textSpans(r.Spans) {
		fs = append(fs, [2]int{s.Start, s.End})
	}
	return spanKey(fs...)
}

// wantedLinks reads a .ann file's attribution events as "claim → source,
// cue" by spans, for every content of every event. A content that two
// events attribute (PolNeAR nests attributions) keeps the first: a Sayso
// claim has one speaker and one cue, and the import reports the second.
func wantedLinks(t *testing.T, src string) map[string]string {
	t.Helper()
	recs, bad := parseAnn(src)
	require.Empty(t, bad)
	byID := map[string]record{}
	for _, r := range recs {
		byID[r.ID] = r
	}
	want := map[string]string{}
	for _, r := range recs {
		if r.Kind != 'E' {
			continue
		}
		var contents []string
		source, cue := "-", "-"
		for _, a := range r.Args {
			switch strings.TrimRight(a.Role, "0123456789") {
			case "Content":
				contents = append(contents, recKey(byID[a.ID]))
			case "Source":
				source = recKey(byID[a.ID])
			case "Cue":
				cue = recKey(byID[a.ID])
			}
		}
		for _, c := range contents {
			if _, done := want[c]; !done {
				want[c] = source + " " + cue
			}
		}
	}
	return want
}

// gotLinks lists a project's claims as "claim → source, cue" by spans.
func gotLinks(p annotation.Project) map[string]string {
	byID := map[string]annotation.Annotation{}
	for _, a := range p.Annotations {
		byID[a.ID] = a
	}
	key := func(id string) string {
		if a, ok := byID[id]; ok {
			return annKey(a)
		}
		return "-"
	}
	got := map[string]string{}
	for _, a := range p.Annotations {
		if a.Label == annotation.LabelClaim && (a.SpeakerMention != "" || a.Cue != "") {
			got[annKey(a)] = key(a.SpeakerMention) + " " + key(a.Cue)
		}
	}
	return got
}

func TestEveryContentOfAnAttributionGetsItsSourceAndCue(t *testing.T) {
	p, rep := importSample(t, strings.Join([]string{
		"T1\tSource 0 3\tAna",
		"T2\tCue 4 8\tsaid",
		"T3\tContent 10 24\tthe plan works",
		"T4\tContent 34 42\tit fails",
		"T5\tAttribution 4 8\tsaid",
		"E1\tAttribution:T5 Source:T1 Cue:T2 Content:T3 Content2:T4",
		"A1\tStance E1 against",
		"#1\tAnnotatorNotes E1\tboth",
	}, "\n"))
	assert.Empty(t, rep.Skipped)
	assert.Equal(t, 4, rep.Links, "two claims, each with a source and a cue")
	ana, said := byQuote(t, p, "Ana"), byQuote(t, p, "said")
	for _, q := range []string{"the plan works", "it fails"} {
		c := byQuote(t, p, q)
		assert.Equal(t, ana.ID, c.SpeakerMention, q)
		assert.Equal(t, said.ID, c.Cue, q)
		assert.Equal(t, ana.Speaker, c.Speaker, q)
		assert.Equal(t, "against", c.Stance, "the event's stance is every claim's: %s", q)
		assert.Equal(t, "both", c.Note, "the event's note is every claim's: %s", q)
	}
}

func TestPolNeARSecondContentsGetTheirAttribution(t *testing.T) {
	fsys := polnearTrain(t)
	names := annsWith(t, fsys, "Content2:")
	require.NotEmpty(t, names, "the training split has events with a second content")
	seconds := 0
	for _, n := range names {
		pair := trainPair(t, fsys, n)
		seconds += strings.Count(string(pair.Ann), "Content2:")
		p, rep, err := Import([]Pair{pair})
		require.NoError(t, err, n)
		requireLoads(t, p)
		for _, s := range rep.Skipped {
			assert.NotContains(t, s, "Content2", n)
			assert.NotContains(t, s, "second Content", n)
		}
		got := gotLinks(p)
		for claim, links := range wantedLinks(t, string(pair.Ann)) {
			assert.Equal(t, links, got[claim], "%s: the claim at %s", n, claim)
		}
	}
	t.Logf("%d files, %d second contents", len(names), seconds)
	assert.Equal(t, 64, seconds)
}

func TestATriggerThatDiffersFromTheCueKeepsItsSpan(t *testing.T) {
	ann := strings.Join([]string{
		"T1\tSource 0 3\tAna",
		"T2\tCue 4 8\tsaid",
		"T3\tContent 10 24\tthe plan works",
		"T4\tAttribution 4 9\tsaid:",
		"E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3",
	}, "\n")
	p, rep := importSample(t, ann)
	assert.Empty(t, rep.Skipped, "nothing is lost")
	require.Len(t, rep.Adjusted, 1)
	assert.Contains(t, rep.Adjusted[0], "E1: the trigger T4 “said:” differs from the cue; it is kept as a span of its own, labelled trigger")
	kept := byQuote(t, p, "said:")
	assert.Equal(t, labelTrigger, kept.Label)
	assert.Equal(t, byQuote(t, p, "said").ID, kept.Cue, "the kept trigger is tied to its cue")

	files, err := Export(p)
	require.NoError(t, err)
	out := string(fileMap(files)["doc.ann"])
	assert.Contains(t, out, "\tAttribution 4 9\tsaid:\n", "written back as the trigger, with its own span")
	assert.NotContains(t, out, "\tAttribution 4 8\t", "not a copy of the cue")
	assert.NotContains(t, out, "\ttrigger ", "not a span of another label")

	again, rep2, err := Import([]Pair{{Name: "doc", Text: []byte(sample), Ann: []byte(out)}})
	require.NoError(t, err)
	assert.Equal(t, rep.Adjusted, rep2.Adjusted, "the same trigger comes back")
	assert.Equal(t, gotLinks(p), gotLinks(again))
}

func TestATriggerApartFromTheCueIsKeptAndSaidSo(t *testing.T) {
	// The row "trigger apart from the cue" of TestImportReportsWhatItCannotMap
	// moved here: such a trigger is no longer lost, so the report says so
	// among what it adjusted, not among what it could not map.
	p, rep := importSample(t, "T1\tContent 10 24\tthe plan works\nT2\tCue 4 8\tsaid\nT3\tAttribution 0 3\tAna\n"+
		"E1\tAttribution:T3 Content:T1 Cue:T2")
	assert.Empty(t, rep.Skipped)
	require.Len(t, rep.Adjusted, 1)
	assert.Contains(t, rep.Adjusted[0], "differs from the cue")
	assert.Equal(t, labelTrigger, byQuote(t, p, "Ana").Label)
}

func TestATriggerWithoutACueBecomesTheCue(t *testing.T) {
	p, rep := importSample(t, strings.Join([]string{
		"T1\tSource 0 3\tAna",
		"T3\tContent 10 24\tthe plan works",
		"T4\tAttribution 4 8\tsaid",
		"E1\tAttribution:T4 Source:T1 Content:T3",
	}, "\n"))
	assert.Empty(t, rep.Skipped, "nothing is lost")
	assert.Equal(t, []string{"doc: E1: the attribution names no cue, so its trigger T4 “said” became the cue of its claim"}, rep.Adjusted)
	said := byQuote(t, p, "said")
	assert.Equal(t, annotation.LabelCue, said.Label)
	assert.Equal(t, said.ID, byQuote(t, p, "the plan works").Cue)
	assert.Equal(t, 2, rep.Links)
}

func TestPolNeARTriggersThatDifferFromTheCueComeBackOnExport(t *testing.T) {
	fsys := polnearTrain(t)
	names, err := fs.Glob(fsys, "attributions/*.ann")
	require.NoError(t, err)
	differing := 0
	for _, n := range names {
		pair := trainPair(t, fsys, path.Base(n))
		want := triggersApart(t, string(pair.Ann))
		if len(want) == 0 {
			continue
		}
		differing += len(want)
		p, _, err := Import([]Pair{pair})
		require.NoError(t, err, n)
		files, err := Export(p)
		require.NoError(t, err)
		got := triggersApart(t, string(fileMap(files)[pair.Name+".ann"]))
		for content, trig := range want {
			assert.Equal(t, trig, got[content], "%s: the trigger of the claim at %s", n, content)
		}
	}
	t.Logf("%d triggers apart from their cue", differing)
	assert.Positive(t, differing)
}

// triggersApart maps the first content of each event whose trigger is not
// a copy of its cue (and that has a cue) to the trigger's spans.
func triggersApart(t *testing.T, src string) map[string]string {
	t.Helper()
	recs, _ := parseAnn(src)
	byID := map[string]record{}
	for _, r := range recs {
		byID[r.ID] = r
	}
	out := map[string]string{}
	for _, r := range recs {
		if r.Kind != 'E' {
			continue
		}
		var content, cue string
		for _, a := range r.Args {
			switch a.Role {
			case "Content":
				content = recKey(byID[a.ID])
			case "Cue":
				cue = recKey(byID[a.ID])
			}
		}
		if trig := recKey(byID[r.Trigger]); cue != "" && trig != cue {
			out[content] = trig
		}
	}
	return out
}
