package citron_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/format/citron"
	"sayso/internal/format/formattest"
)

func TestInZipTellsCitronArchivesFromOthers(t *testing.T) {
	doc := `{"text": "Ann said it rains.", "quotes": []}`
	tests := []struct {
		name  string
		files map[string]string
		want  bool
	}{
		{"citron documents", map[string]string{"1-d1.json": doc, "2-d2.json": doc}, true},
		{"coreference groups first", map[string]string{"a.json": `{"coreference_groups": [], "text": "x"}`}, true},
		{"a list of documents", map[string]string{"all.json": "[" + doc + "]"}, true},
		{"text and quotes after a long key", map[string]string{"a.json": `{"title": "` + strings.Repeat("t", 5000) + `", "quotes": []}`}, true},
		{"readme beside the documents", map[string]string{"README.txt": "hello", "d.json": doc}, true},
		{"label studio tasks", map[string]string{"tasks.json": `[{"data": {"text": "x"}, "annotations": []}]`}, false},
		{"brat", map[string]string{"a.txt": "x", "a.ann": "T1\tCue 0 1\tx\n"}, false},
		{"a json file not citron", map[string]string{"a.json": `{"text": "x"}`}, false},
		{"broken json", map[string]string{"a.json": `{"text": `}, false},
		{"empty archive", map[string]string{}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, citron.InZip(zipOf(t, tc.files)))
		})
	}
	assert.False(t, citron.InZip([]byte(doc)), "not a zip")
}

func TestExportsAreNamedSoTheyOpenAgain(t *testing.T) {
	p := formattest.Fixture(t)
	one := quotesOnly(p)
	one.Documents = one.Documents[:1]
	res, err := citron.Export(one)
	require.NoError(t, err)
	assert.Equal(t, ".citron.json", res.NameEnding())
	assert.False(t, citron.InZip(res.Data))

	two := p
	two.Documents = append(append([]annotation.Document{}, p.Documents...), p.Documents[0])
	two.Documents[len(two.Documents)-1].ID = "copy"
	res, err = citron.Export(two)
	require.NoError(t, err)
	require.Equal(t, ".zip", res.Extension)
	assert.Equal(t, ".citron.zip", res.NameEnding())
	assert.True(t, citron.InZip(res.Data), "a multi-document export is recognised inside its zip")
	back, _, err := citron.Import(res.Data)
	require.NoError(t, err)
	assert.Len(t, back.Documents, len(two.Documents))
}
