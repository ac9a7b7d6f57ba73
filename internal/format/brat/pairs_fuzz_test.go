package brat

import (
	"bytes"
	"path"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// FuzzPairFiles checks that any set of named files pairs without
// panicking, and that every annotation file comes out exactly once, with
// its text or alone. Seeds are in testdata/fuzz/FuzzPairFiles.
func FuzzPairFiles(f *testing.F) {
	f.Add("text/a.txt", "a", "attributions/a_d473.ann", "T1\tCue 0 1\ta", "b.zip", []byte("PK\x03\x04"))
	f.Add(`C:\x\a.TXT`, "", "a_1_2.ann", "", "notes.md", []byte("#"))
	f.Fuzz(func(t *testing.T, n1, d1, n2, d2, n3 string, d3 []byte) {
		files := map[string][]byte{n1: []byte(d1), n2: []byte(d2), n3: d3}
		pairs, err := PairFiles(files)
		if err != nil {
			return
		}
		zips, anns := false, map[string]bool{}
		for n, b := range files {
			zips = zips || strings.EqualFold(path.Ext(cleanPath(n)), ".zip") || bytes.HasPrefix(b, []byte("PK\x03\x04"))
			if strings.EqualFold(path.Ext(cleanPath(n)), ".ann") {
				anns[cleanPath(n)] = true
			}
		}
		paired := 0
		for _, p := range pairs {
			require.NotEmpty(t, p.Name)
			if p.Ann != nil {
				paired++
			}
		}
		if !zips {
			require.Equal(t, len(anns), paired, "every annotation file comes out once: %v", pairs)
		}
		withText, lone := SplitLone(pairs)
		require.Equal(t, len(pairs), len(withText)+len(lone))
		for _, p := range lone {
			require.Nil(t, p.Text)
			_ = FitsText(p.Ann, "any text")
		}
	})
}
