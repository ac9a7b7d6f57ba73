package formattest

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/testenv"
	"sayso/internal/text"
)

const polnearDir = "../../../../shared/corpus/brat/polnear"

// PolNeAR reads every PolNeAR pair of the corpus into one project: Source,
// Cue and Content spans become speakers, cues and claims, and each
// Attribution event links its content to its source and cue. It reads
// only the brat lines it needs (T and E); package brat reads them all.
func PolNeAR(t *testing.T) annotation.Project {
	t.Helper()
	entries, err := os.ReadDir(polnearDir)
	if errors.Is(err, fs.ErrNotExist) {
		testenv.Missing(t, "the corpus folder %s is not on this machine", polnearDir)
	}
	require.NoError(t, err)
	s := annotation.New(annotation.DefaultSchema(), "PolNeAR", Clock)
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".txt") {
			continue
		}
		anns, err := filepath.Glob(filepath.Join(polnearDir, strings.TrimSuffix(name, ".txt")+"_*.ann"))
		require.NoError(t, err)
		require.Len(t, anns, 1, "one .ann file for %s", name)
		body, err := os.ReadFile(filepath.Join(polnearDir, name))
		require.NoError(t, err)
		ann, err := os.ReadFile(anns[0])
		require.NoError(t, err)
		doc, err := s.AddDocument(name, string(body))
		require.NoError(t, err)
		addBrat(t, s, doc, string(ann))
	}
	return s.Project()
}

var polnearLabels = map[string]string{"Source": annotation.LabelSpeaker, "Cue": annotation.LabelCue, "Content": annotation.LabelClaim}

func addBrat(t *testing.T, s *annotation.Store, doc, ann string) {
	ids := map[string]string{}
	for _, line := range strings.Split(ann, "\n") {
		f := strings.Split(line, "\t")
		if len(f) < 2 || !strings.HasPrefix(f[0], "T") {
			continue
		}
		label, ranges, _ := strings.Cut(f[1], " ")
		id, ok := polnearLabels[label]
		if !ok {
			continue
		}
		var frags []text.Span
		for _, r := range strings.Split(ranges, ";") {
			se := strings.Fields(r)
			require.Len(t, se, 2, "line %q", line)
			a, err1 := strconv.Atoi(se[0])
			b, err2 := strconv.Atoi(se[1])
			require.NoError(t, errors.Join(err1, err2))
			frags = append(frags, text.Span{Start: a, End: b})
		}
		sort.Slice(frags, func(i, j int) bool { return frags[i].Start < frags[j].Start })
		a, err := s.Add(doc, id, frags)
		require.NoError(t, err, "line %q", line)
		ids[f[0]] = a
	}
	for _, line := range strings.Split(ann, "\n") {
		f := strings.Split(line, "\t")
		if len(f) < 2 || !strings.HasPrefix(f[0], "E") {
			continue
		}
		roles := map[string]string{}
		for _, arg := range strings.Fields(f[1]) {
			role, ref, _ := strings.Cut(arg, ":")
			roles[role] = ids[ref]
		}
		claim := roles["Content"]
		if claim == "" {
			continue
		}
		if m := roles["Source"]; m != "" {
			require.NoError(t, s.LinkMention(claim, m))
		}
		if c := roles["Cue"]; c != "" {
			require.NoError(t, s.LinkCue(claim, c))
		}
	}
}
