//go:build !js

package e2e

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/app"
	"sayso/internal/browsertest"
	"sayso/internal/exchange"
)

func TestExportMenuOffersEveryFormatAndOpenReadsThemBack(t *testing.T) {
	p := browsertest.Open(t, serveSite(t), "")
	p.AcceptDialogs()
	p.Click(`[data-action="sample"]`)
	p.SelectText("Tomas Reyes", 0)
	p.Press("s")
	p.SelectText("called", 0)
	p.Press("q")
	p.SelectText("“a slow death for small businesses.”", 0)
	p.Press("c")
	p.Press("2")
	p.Press("l")
	chooseOption(p, `#inspector [data-field="cue"]`, "called") // Citron keeps only quotes with a cue
	p.WaitFor(sidebarCount + ` === 3`)

	base := app.FileName(app.SampleTitle)
	downloads := map[string][]byte{}
	for _, f := range exchange.Formats() {
		p.Click("#export-more")
		p.WaitFor(`!document.getElementById("export-menu").hidden`)
		item := `#export-menu [data-format="` + f.ID + `"]`
		if f.Loses != "" {
			assert.Contains(t, p.Text(item), f.Loses, "the menu says what %s cannot hold", f.Name)
		}
		p.Click(item)
		p.WaitFor(`document.getElementById("export-menu").hidden`)
		data := p.WaitDownload(base + f.Extension)
		assert.NotEmpty(t, data, f.Name)
		downloads[f.ID] = data
	}
	browsertest.Screenshot(t, p.Ctx, "export-menu")

	// Each download holds the claim, its speaker, cue and stance in the
	// format's own terms.
	quote := "“a slow death for small businesses.”"
	for id, check := range map[string]func(t *testing.T, data []byte){
		exchange.Native: func(t *testing.T, data []byte) {
			f := decodeProject(t, data)
			assert.Len(t, f.Annotations, 3)
		},
		exchange.JSONL: func(t *testing.T, data []byte) {
			lines := strings.Split(strings.TrimSpace(string(data)), "\n")
			require.Len(t, lines, 1, "one claim, one line")
			var row map[string]any
			require.NoError(t, json.Unmarshal([]byte(lines[0]), &row))
			assert.Equal(t, quote, row["quote"])
			assert.Equal(t, "Tomas Reyes", row["speaker"])
			assert.Equal(t, "against", row["stance"])
			assert.Equal(t, "called", row["cue"])
		},
		exchange.CSV: func(t *testing.T, data []byte) {
			rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
			require.NoError(t, err)
			require.Len(t, rows, 2, "a header and one claim")
			assert.Contains(t, rows[1], "Tomas Reyes")
			assert.Contains(t, rows[1], "against")
		},
		exchange.CSVBOM: func(t *testing.T, data []byte) {
			assert.True(t, bytes.HasPrefix(data, []byte("\uFEFF")), "starts with a byte order mark")
			assert.Contains(t, string(data), "\r\n")
		},
		exchange.Brat: func(t *testing.T, data []byte) {
			files := unzip(t, data)
			var ann string
			for name, body := range files {
				if strings.HasSuffix(name, ".ann") {
					ann = body
				}
			}
			assert.Contains(t, files, "annotation.conf")
			assert.Regexp(t, `(?m)^T\d+\tSource \d+ \d+\tTomas Reyes$`, ann)
			assert.Regexp(t, `(?m)^T\d+\tCue \d+ \d+\tcalled$`, ann)
			assert.Regexp(t, `(?m)^E\d+\tAttribution:T\d+`, ann)
		},
		exchange.W3C: func(t *testing.T, data []byte) {
			assert.Contains(t, string(data), `"TextQuoteSelector"`)
			assert.Contains(t, string(data), `"TextPositionSelector"`)
			assert.Contains(t, string(data), `"exact": "Tomas Reyes"`)
		},
		exchange.LabelStudio: func(t *testing.T, data []byte) {
			files := unzip(t, data)
			var names []string
			for name := range files {
				names = append(names, name)
			}
			joined := strings.Join(names, " ")
			assert.Contains(t, joined, ".xml", "the labelling config goes with the tasks")
			for _, body := range files {
				if strings.Contains(body, `"annotations"`) {
					assert.Contains(t, body, `"result"`)
					assert.Contains(t, body, "against")
				}
			}
		},
		exchange.Doccano: func(t *testing.T, data []byte) {
			assert.Contains(t, string(data), `"entities"`)
			assert.Contains(t, string(data), `"relations"`)
		},
		exchange.Citron: func(t *testing.T, data []byte) {
			var f struct {
				Quotes []struct {
					Cue struct{ Text string } `json:"cue"`
				} `json:"quotes"`
			}
			require.NoError(t, json.Unmarshal(data, &f))
			require.Len(t, f.Quotes, 1)
			assert.Equal(t, "called", f.Quotes[0].Cue.Text)
		},
		exchange.CoNLL: func(t *testing.T, data []byte) {
			assert.Regexp(t, `(?m)^Tomas\t\d+\t\d+\tB-speaker\t`, string(data))
			assert.Regexp(t, `(?m)^Reyes\t\d+\t\d+\tI-speaker\t`, string(data))
		},
	} {
		t.Run("download "+id, func(t *testing.T) {
			require.Contains(t, downloads, id)
			check(t, downloads[id])
		})
	}

	// Every format Sayso reads opens back into the same annotations.
	for _, f := range exchange.Formats() {
		if !f.Opens || f.ID == exchange.W3C {
			continue // W3C files carry no text: tested with the article open below
		}
		t.Run(f.ID, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), base+f.Extension)
			require.NoError(t, os.WriteFile(file, downloads[f.ID], 0o644))
			p.Do(chromedp.SetUploadFiles("#open-file", []string{file}))
			p.WaitFor(`document.getElementById("message-text").textContent.includes(` + jsQuote(filepath.Base(file)) + `)`)
			assert.NotContains(t, p.Text("#message-text"), "Could not", f.Name)
			assert.Contains(t, p.Text("#sidebar"), "a slow death for small businesses.")
			if f.ID != exchange.CoNLL && f.ID != exchange.Doccano {
				assert.Contains(t, p.Text("#sidebar .ghead"), "Tomas Reyes", "%s keeps who said it", f.Name)
			}
		})
	}
	// A W3C file finds its text in the article open now.
	var file string
	for _, f := range exchange.Formats() {
		if f.ID == exchange.W3C {
			file = filepath.Join(t.TempDir(), base+f.Extension)
			require.NoError(t, os.WriteFile(file, downloads[f.ID], 0o644))
		}
	}
	require.NotEmpty(t, file, "W3C is in the menu")
	p.Do(chromedp.SetUploadFiles("#open-file", []string{file}))
	p.WaitFor(`document.getElementById("message-text").textContent.includes(` + jsQuote(filepath.Base(file)) + `)`)
	assert.NotContains(t, p.Text("#message-text"), "Could not")
	assert.Equal(t, 3, browsertest.Eval[int](p, sidebarCount))
}

// unzip returns the files of a zip archive by name.
func unzip(t *testing.T, data []byte) map[string]string {
	t.Helper()
	r, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	require.NoError(t, err)
	out := map[string]string{}
	for _, f := range r.File {
		rc, err := f.Open()
		require.NoError(t, err)
		b, err := io.ReadAll(rc)
		require.NoError(t, err)
		rc.Close()
		out[f.Name] = string(b)
	}
	return out
}
