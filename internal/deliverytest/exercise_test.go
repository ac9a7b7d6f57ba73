//go:build !js

package deliverytest_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"

	"sayso/internal/browsertest"
	"sayso/internal/deliverytest"
	"sayso/internal/offline"
	"sayso/internal/site"
)

// The exercise files a teacher hands out: the offline file with an
// exercise embedded by internal/offline, opened from file://.

const hostileExercise = "{\"format\":\"sayso-exercise\",\"title\":\"Council vote <!-- \u2028 &amp;\"," +
	`"hostile":"</script><script>window.__pwned=1</script>"}`

// offlinePage reads dist/sayso.html.
func offlinePage(t *testing.T) []byte {
	t.Helper()
	return []byte(readFile(t, strings.TrimPrefix(deliverytest.OfflineFile(t), "file://")))
}

// writeExerciseFile embeds exerciseJSON into page and writes it as a
// sayso-<exercise>.html of its own folder; it returns its file:// URL.
func writeExerciseFile(t *testing.T, page []byte, exerciseJSON, name string) string {
	t.Helper()
	out, err := offline.Embed(page, []byte(exerciseJSON))
	require.NoError(t, err)
	p := filepath.Join(t.TempDir(), "sayso-"+name+".html")
	require.NoError(t, os.WriteFile(p, out, 0o644))
	return "file://" + filepath.ToSlash(p)
}

// openExerciseFile opens an exercise file and checks that the app starts
// from it with its exercise, with no script of the exercise run, no CSP
// violation and no request beyond the file itself.
func openExerciseFile(t *testing.T, url, exerciseJSON string) context.Context {
	t.Helper()
	ctx, reqs := openApp(t, url)
	require.NoError(t, browsertest.WaitReady(ctx))

	got, err := chromedp.Run(ctx, chromedp.Evaluate[string](`window.saysoEmbeddedExercise`))
	require.NoError(t, err)
	assert.Equal(t, jsonValue(t, exerciseJSON), jsonValue(t, got), "the exercise the app is given")
	pwned, err := chromedp.Run(ctx, chromedp.Evaluate[string](`typeof window.__pwned`))
	require.NoError(t, err)
	assert.Equal(t, "undefined", pwned, "nothing in the exercise runs")
	violations, err := deliverytest.CSPViolations(ctx)
	require.NoError(t, err)
	assert.Empty(t, violations, "Content-Security-Policy violations")
	assert.Empty(t, deliverytest.Network(reqs.Since(0)), "requests from opening the file on")
	return ctx
}

func jsonValue(t *testing.T, s string) any {
	t.Helper()
	var v any
	require.NoError(t, json.Unmarshal([]byte(s), &v), "%q", s)
	return v
}

func TestExerciseFileOpensFromFileIntoItsExercise(t *testing.T) {
	page := offlinePage(t)
	ctx := openExerciseFile(t, writeExerciseFile(t, page, hostileExercise, "council-vote"), hostileExercise)

	t.Run("its pristine copy, with another exercise, opens too", func(t *testing.T) {
		copied, err := chromedp.Run(ctx, chromedp.Evaluate[string](`window.saysoOfflinePage()`))
		require.NoError(t, err)
		require.True(t, strings.HasPrefix(copied, "<!doctype html>\n<html"), copied[:min(len(copied), 80)])
		assert.Contains(t, copied, `id="app-wasm"`, "the embedded module is in the copy")
		ex, ok := offline.Extract([]byte(copied))
		require.True(t, ok, "the copy keeps the exercise it was opened with")
		assert.Equal(t, jsonValue(t, hostileExercise), jsonValue(t, string(ex)))
		assert.Equal(t, inlineTexts(t, page), inlineTexts(t, []byte(copied)),
			"every inline script and style is byte for byte the file's, so the CSP hashes still hold")

		const second = `{"format":"sayso-exercise","title":"Second exercise","text":"“We will,” she said. 🚲"}`
		openExerciseFile(t, writeExerciseFile(t, []byte(copied), second, "second"), second)
	})

	t.Run("the app is unchanged by the copy", func(t *testing.T) {
		ready, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.body.dataset.ready === "1" && !document.getElementById("app-wasm")`))
		require.NoError(t, err)
		assert.True(t, ready, "the app runs and the module element is gone from the document")
	})
}

func TestOfflineFileWithoutExerciseHasNone(t *testing.T) {
	ctx, _ := openApp(t, deliverytest.OfflineFile(t))
	require.NoError(t, browsertest.WaitReady(ctx))
	state, err := chromedp.Run(ctx, chromedp.Evaluate[string](
		`typeof window.saysoEmbeddedExercise + " " + typeof window.saysoOfflinePage`))
	require.NoError(t, err)
	assert.Equal(t, "undefined function", state)
}

func TestServedAppFetchesTheOfflineFile(t *testing.T) {
	siteDir := browsertest.SiteDir(t)
	want := readFile(t, filepath.Join(siteDir, site.OfflineName))
	url := browsertest.Serve(t, site.Handler(os.DirFS(siteDir)))
	ctx, _ := openApp(t, url+"/")
	require.NoError(t, browsertest.WaitReady(ctx))

	type answer struct {
		Status      int
		Type        string
		Disposition string
		Body        string
		Exercise    string
		OfflinePage string
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[answer](`(async () => {
		const res = await fetch("`+offline.PageName+`");
		return {
			Status: res.status,
			Type: res.headers.get("Content-Type"),
			Disposition: res.headers.get("Content-Disposition"),
			Body: await res.text(),
			Exercise: typeof window.saysoEmbeddedExercise,
			OfflinePage: typeof window.saysoOfflinePage,
		};
	})()`, chromedp.EvalAwaitPromise))
	require.NoError(t, err)
	assert.Equal(t, http.StatusOK, got.Status)
	assert.Equal(t, "text/html; charset=utf-8", got.Type)
	assert.Equal(t, `attachment; filename="sayso.html"`, got.Disposition)
	assert.Contains(t, got.Body, `id="app-wasm"`)
	assert.True(t, got.Body == want, "the fetched page is build/site/sayso.html (%d bytes, want %d)", len(got.Body), len(want))
	assert.Equal(t, "undefined", got.Exercise, "the served app has no embedded exercise")
	assert.Equal(t, "undefined", got.OfflinePage, "served, the app fetches the template")
	violations, err := deliverytest.CSPViolations(ctx)
	require.NoError(t, err)
	assert.Empty(t, violations, "Content-Security-Policy violations")

	t.Run("and an exercise embedded into it opens from file://", func(t *testing.T) {
		const ex = `{"format":"sayso-exercise","title":"From the server"}`
		openExerciseFile(t, writeExerciseFile(t, []byte(got.Body), ex, "from-the-server"), ex)
	})
}

// inlineTexts returns the text of every inline script and style of page,
// in order, without the embedded exercise, as the HTML tokenizer reads
// them.
func inlineTexts(t *testing.T, page []byte) []string {
	t.Helper()
	z := html.NewTokenizer(bytes.NewReader(page))
	var out []string
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			require.ErrorIs(t, z.Err(), io.EOF)
			return out
		}
		if tt != html.StartTagToken {
			continue
		}
		tok := z.Token()
		if tok.Data != "script" && tok.Data != "style" {
			continue
		}
		exercise := false
		for _, a := range tok.Attr {
			exercise = exercise || (a.Key == "id" && a.Val == offline.ExerciseElementID)
		}
		text := ""
		if z.Next() == html.TextToken {
			text = string(z.Raw())
		}
		if !exercise {
			out = append(out, tok.Data+": "+text)
		}
	}
}
