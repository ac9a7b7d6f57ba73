package brat

import (
	"io/fs"
	"path"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/format"
)

// readAll reads every file of fsys into a map by path under prefix, as the
// app receives a dropped folder.
func readAll(t *testing.T, fsys fs.FS, prefix string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(fsys, p)
		files[path.Join(prefix, p)] = b
		return err
	})
	require.NoError(t, err)
	return files
}

type pairShort struct {
	Name, Text, Ann string
	HasText         bool
}

func shorten(pairs []Pair) []pairShort {
	var out []pairShort
	for _, p := range pairs {
		out = append(out, pairShort{p.Name, string(p.Text), string(p.Ann), p.Text != nil})
	}
	return out
}

func TestPairFilesPairsPolNeARsOwnLayout(t *testing.T) {
	fsys := polnearTrain(t)
	files := readAll(t, fsys, "polnear-train")
	texts, anns := 0, 0
	annotated := map[string]int{} // text name → annotation files
	for n := range files {
		switch path.Ext(n) {
		case ".txt":
			texts++
		case ".ann":
			anns++
			stem := strings.TrimSuffix(path.Base(n), ".ann")
			annotated[stem[:strings.LastIndexByte(stem, '_')]]++
		}
	}
	require.Equal(t, 840, texts)
	require.Equal(t, 919, anns)

	check := func(t *testing.T, pairs []Pair, imports bool) {
		withText, lone := SplitLone(pairs)
		assert.Empty(t, lone, "every .ann finds its text")
		withAnn, twice := 0, 0
		names := map[string]bool{}
		for _, p := range withText {
			assert.False(t, names[p.Name], "one document per name: %s", p.Name)
			names[p.Name] = true
			if p.Ann != nil {
				withAnn++
			}
		}
		for text, n := range annotated {
			if n > 1 {
				twice++
				assert.False(t, names[text], "%s, annotated %d times, is named by annotator", text, n)
			}
		}
		assert.Equal(t, anns, withAnn, "every .ann is paired")
		assert.Equal(t, anns+texts-len(annotated), len(withText), "one document per annotation file, and each text without one")
		assert.Positive(t, twice, "some texts were annotated twice")
		if !imports {
			return
		}
		proj, rep, err := Import(withText)
		require.NoError(t, err)
		assert.Equal(t, len(withText), rep.Documents)
		assert.Greater(t, rep.Annotations, 60000)
		assert.Greater(t, rep.Links, 30000)
		for _, s := range rep.Skipped {
			assert.NotContains(t, s, "no text file")
		}
		t.Logf("%d documents (%d texts annotated twice), %d annotations, %d links, %d lines in the report",
			len(proj.Documents), twice, rep.Annotations, rep.Links, len(rep.Skipped))
		for _, s := range rep.Skipped[:min(len(rep.Skipped), 8)] {
			t.Log(s)
		}
	}
	t.Run("a dropped folder", func(t *testing.T) {
		pairs, err := PairFiles(files)
		require.NoError(t, err)
		check(t, pairs, true)
	})
	t.Run("a zip of the folder", func(t *testing.T) {
		var zfiles []format.File
		for n, b := range files {
			zfiles = append(zfiles, format.File{Name: n, Data: b})
		}
		z, err := format.Zip(zfiles)
		require.NoError(t, err)
		pairs, err := PairFiles(map[string][]byte{"polnear-train.zip": z})
		require.NoError(t, err)
		check(t, pairs, false)
		fromZip, err := FromZip(z)
		require.NoError(t, err)
		assert.Equal(t, shorten(pairs), shorten(fromZip), "FromZip pairs the same way")
	})
}

func TestPairFilesPairsTheFlatBratCorpus(t *testing.T) {
	fsys := corpus(t, "polnear")
	files := readAll(t, fsys, "")
	pairs, err := PairFiles(files)
	require.NoError(t, err)
	fromDir, err := FromDir(fsys)
	require.NoError(t, err)
	assert.Equal(t, fromDir, pairs)
	anns, _ := fs.Glob(fsys, "*.ann")
	withText, lone := SplitLone(pairs)
	assert.Empty(t, lone)
	assert.Len(t, withText, len(anns))
	_, rep, err := Import(withText)
	require.NoError(t, err)
	assert.Positive(t, rep.Annotations)
}

func TestPairFilesPairsByNameAcrossFolders(t *testing.T) {
	files := map[string][]byte{
		"set/text/story.txt":              []byte("story"),
		"set/attributions/story_d473.ann": []byte("T1\tCue 0 5\tstory"),
		"set/attributions/story_4e07.ann": []byte("T1\tCue 0 1\ts"),
		"other/text/story.txt":            []byte("other story"),
		"other/ann/story_d473.ann":        []byte("T1\tCue 0 5\tother"),
		"loose.txt":                       []byte("loose"),
		"loose.ann":                       []byte("T1\tCue 0 5\tloose"),
		`C:\Users\me\win.txt`:             []byte("win"),
		"lone_x.ann":                      []byte("T1\tCue 0 1\tx"),
		"annotation.conf":                 []byte("[entities]"),
		"README.md":                       []byte("#"),
	}
	pairs, err := PairFiles(files)
	require.NoError(t, err)
	assert.Equal(t, []pairShort{
		{"win", "win", "", true},
		{"loose", "loose", "T1\tCue 0 5\tloose", true},
		{"story", "other story", "T1\tCue 0 5\tother", true},
		{"story_4e07", "story", "T1\tCue 0 1\ts", true},
		{"story_d473", "story", "T1\tCue 0 5\tstory", true},
		{"lone_x", "", "T1\tCue 0 1\tx", false},
	}, shorten(pairs))
}

func TestPairFilesOpensZipsAmongLooseFiles(t *testing.T) {
	z, err := format.Zip([]format.File{{Name: "attributions/a_d473.ann", Data: []byte("T1\tCue 0 1\ta")}})
	require.NoError(t, err)
	pairs, err := PairFiles(map[string][]byte{"anns.zip": z, "text/a.txt": []byte("a")})
	require.NoError(t, err)
	assert.Equal(t, []pairShort{{"a", "a", "T1\tCue 0 1\ta", true}}, shorten(pairs))

	_, err = PairFiles(map[string][]byte{"broken.zip": []byte("PK\x03\x04 nothing more")})
	assert.ErrorContains(t, err, "broken.zip is not a zip archive that can be read")
}

func TestFitsTextTellsWhetherALoneAnnBelongsOnTheOpenText(t *testing.T) {
	tests := []struct{ name, ann, err string }{
		{"every span reads its text", "T1\tSource 0 3\tAna\nT2\tContent 10 24;26 28\tthe plan works Bo\nE1\tX:T1", ""},
		{"crlf and a note", "T1\tSource 0 3\tAna\r\n#1\tAnnotatorNotes T1\thi\r\n", ""},
		{"a span past the end", "T1\tSource 0 3\tAna\nT2\tCue 50 70\tx",
			"1 of its 2 spans do not fit the text open now; the first, T2 (Cue “x”): the span 50–70 goes past the end of the 59-character text"},
		{"another text", "T1\tSource 0 3\tBob\nT2\tCue 4 8\tsaid",
			`1 of its 2 spans do not fit the text open now; the first, T1 (Source “Bob”): its text does not match the document, which reads "Ana" there`},
		{"no spans", "#1\tAnnotatorNotes T1\thi", "the annotation file has no text-bound spans to place on the text"},
		{"empty", "", "the annotation file has no text-bound spans to place on the text"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := FitsText([]byte(tc.ann), sample)
			if tc.err == "" {
				assert.NoError(t, err)
				return
			}
			assert.EqualError(t, err, tc.err)
		})
	}
}

func TestFitsTextOnPolNeAR(t *testing.T) {
	fsys := corpus(t, "polnear")
	pairs, err := FromDir(fsys)
	require.NoError(t, err)
	require.Greater(t, len(pairs), 1)
	for i, p := range pairs {
		assert.NoError(t, FitsText(p.Ann, string(p.Text)), "%s fits its own text", p.Name)
		other := pairs[(i+1)%len(pairs)]
		assert.Error(t, FitsText(p.Ann, string(other.Text)), "%s does not fit %s", p.Name, other.Name)
	}
}
