package offline_test

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"

	"sayso/internal/offline"
)

func templatePage(t testing.TB) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "offline.html"))
	require.NoError(t, err)
	return b
}

// element is a script element as the HTML tokenizer of golang.org/x/net
// (which follows the HTML standard, as browsers do) sees it.
type element struct {
	id, typ, text string
	inBody        bool
}

func scripts(t testing.TB, page []byte) []element {
	t.Helper()
	z := html.NewTokenizer(bytes.NewReader(page))
	var out []element
	inBody := false
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
		if tok.Data == "body" {
			inBody = true
		}
		if tok.Data != "script" {
			continue
		}
		e := element{inBody: inBody}
		for _, a := range tok.Attr {
			switch a.Key {
			case "id":
				e.id = a.Val
			case "type":
				e.typ = a.Val
			}
		}
		if z.Next() == html.TextToken {
			e.text = string(z.Raw())
		}
		out = append(out, e)
	}
}

// exercises returns the page's exercise elements.
func exercises(t testing.TB, page []byte) []element {
	t.Helper()
	var out []element
	for _, e := range scripts(t, page) {
		if e.id == offline.ExerciseElementID {
			out = append(out, e)
		}
	}
	return out
}

func decode(t testing.TB, data []byte) any {
	t.Helper()
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	var v any
	require.NoError(t, d.Decode(&v), "%q", data)
	return v
}

// checkEmbedded checks what Embed(page, j) must be, as a browser reads it:
// one exercise element, right before the body's first script, whose text
// is j's value made HTML-safe; every other script unchanged.
func checkEmbedded(t testing.TB, page, j, out []byte) {
	t.Helper()
	got, ok := offline.Extract(out)
	require.True(t, ok, "Extract finds the exercise")
	assert.Equal(t, decode(t, j), decode(t, got), "the same JSON value")
	assert.NotContains(t, strings.ToLower(string(got)), "</script")
	assert.NotContains(t, string(got), "<")
	assert.NotContains(t, string(got), "\u2028")
	assert.NotContains(t, string(got), "\u2029")

	ex := exercises(t, out)
	require.Len(t, ex, 1, "exactly one exercise element")
	assert.Equal(t, string(got), ex[0].text, "the browser's text of the element is what Extract returns")
	assert.Equal(t, "application/json", ex[0].typ)

	var before, after []element
	for _, e := range scripts(t, page) {
		if e.id != offline.ExerciseElementID {
			before = append(before, e)
		}
	}
	all := scripts(t, out)
	for i, e := range all {
		if e.id == offline.ExerciseElementID {
			require.Less(t, i+1, len(all))
			assert.True(t, e.inBody, "the exercise is in the body")
			assert.True(t, i == 0 || !all[i-1].inBody, "the exercise comes before the body's first script")
			continue
		}
		after = append(after, e)
	}
	assert.Equal(t, before, after, "every other script is unchanged (so are their CSP hashes)")
}

func TestEmbedRoundTripsHostileJSON(t *testing.T) {
	page := templatePage(t)
	tests := []struct {
		name string
		json string
	}{
		{"an exercise", `{"format":"sayso-exercise","title":"Council vote","labels":["claim","speaker"]}`},
		{"a script end tag", `{"hostile":"</script><script>alert(1)</script>"}`},
		{"upper case end tag", `{"hostile":"</SCRIPT ><sCrIpT>alert(1)</ScRiPt>"}`},
		{"an HTML comment opener", `{"a":"<!--","b":"<script>","c":"-->"}`},
		{"line and paragraph separators", "{\"text\":\"one\u2028two\u2029three\"}"},
		{"ampersands and references", `{"t":"&lt;script&gt; &amp; & &#60;"}`},
		{"escapes already there", `{"t":"\u003c/script\u003e \\u003c \" \\ \n"}`},
		{"non-ASCII", `{"t":"“Sayso” 🚲 é"}`},
		{"whitespace between tokens", "{\r\n  \"a\" : [ 1 , 2.5e3 , true , null ]\r\n}\n"},
		{"a bare string", `"</script>"`},
		{"a number", `12345678901234567890`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := offline.Embed(page, []byte(tt.json))
			require.NoError(t, err)
			checkEmbedded(t, page, []byte(tt.json), out)
		})
	}
}

func TestEmbedEscapesExactlyTheUnsafeCharacters(t *testing.T) {
	out, err := offline.Embed(templatePage(t), []byte("{\"t\":\"</script> & \u2028\u2029 \\\"\"}"))
	require.NoError(t, err)
	got, ok := offline.Extract(out)
	require.True(t, ok)
	assert.Equal(t, `{"t":"\u003c/script\u003e \u0026 \u2028\u2029 \""}`, string(got))
	assert.Contains(t, string(out),
		"<script type=\"application/json\" id=\"sayso-exercise\">"+string(got)+"</script>\n<script>globalThis.Go")
}

func TestEmbedReplacesTheExercise(t *testing.T) {
	page := templatePage(t)
	first, err := offline.Embed(page, []byte(`{"n":1}`))
	require.NoError(t, err)
	second, err := offline.Embed(first, []byte(`{"n":2}`))
	require.NoError(t, err)
	require.Len(t, exercises(t, second), 1)
	got, _ := offline.Extract(second)
	assert.JSONEq(t, `{"n":2}`, string(got))

	direct, err := offline.Embed(page, []byte(`{"n":2}`))
	require.NoError(t, err)
	assert.Equal(t, string(direct), string(second), "replacing leaves the page as embedding into the template does")

	t.Run("every exercise element, wherever it is", func(t *testing.T) {
		two := strings.Replace(string(first), "</head>",
			`<script type="application/json" id="sayso-exercise">{"n":0}</script></head>`, 1)
		out, err := offline.Embed([]byte(two), []byte(`{"n":3}`))
		require.NoError(t, err)
		require.Len(t, exercises(t, out), 1)
		got, _ := offline.Extract(out)
		assert.JSONEq(t, `{"n":3}`, string(got))
	})
}

func TestEmbedPutsTheExerciseBeforeTheBodysFirstScript(t *testing.T) {
	tests := []struct {
		name, page, want string
	}{
		{
			"the first script of the body",
			`<html><head><script>a</script></head><body><p>x</p><script>b</script><script id="app-wasm"></script></body></html>`,
			`<html><head><script>a</script></head><body><p>x</p>EXERCISE<script>b</script><script id="app-wasm"></script></body></html>`,
		},
		{
			"before </body> when the body has no script",
			`<html><head><script id=app-wasm>a</script></head><body><p>x</p></BODY></html>`,
			`<html><head><script id=app-wasm>a</script></head><body><p>x</p>EXERCISE</BODY></html>`,
		},
		{
			"at the end when the body does not end",
			`<html><head><script id='app-wasm'>a</script></head><body><p>x</p>`,
			`<html><head><script id='app-wasm'>a</script></head><body><p>x</p>EXERCISE`,
		},
		{
			"not in comments or in the text of other elements",
			`<body><!-- <script>c</script> --><title><script></title><style>/*<script>*/</style><script id="app-wasm">`,
			`<body><!-- <script>c</script> --><title><script></title><style>/*<script>*/</style>EXERCISE<script id="app-wasm">`,
		},
	}
	const block = `<script type="application/json" id="sayso-exercise">{}</script>` + "\n"
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := offline.Embed([]byte(tt.page), []byte(`{}`))
			require.NoError(t, err)
			assert.Equal(t, strings.Replace(tt.want, "EXERCISE", block, 1), string(out))
		})
	}
}

func TestEmbedRefusesWhatItCannotEmbedSafely(t *testing.T) {
	page := string(templatePage(t))
	tests := []struct {
		name, page, json string
		wantErr          string
	}{
		{"a page that is not Sayso's offline file", `<!doctype html><html><body><script src="x.js"></script></body></html>`, `{}`, "not a Sayso offline page"},
		{"the served index.html", strings.Replace(page, `id="app-wasm"`, `data-wasm="app.wasm"`, 1), `{}`, "not a Sayso offline page"},
		{"an app-wasm only in a comment", `<body><!-- <script id="app-wasm"></script> --></body>`, `{}`, "not a Sayso offline page"},
		{"an empty page", ``, `{}`, "not a Sayso offline page"},
		{"a page without a body tag", `<script id="app-wasm"></script>`, `{}`, "no <body>"},
		{"a script with an HTML comment opener", strings.Replace(page, "/* highlight */", "<!--", 1), `{}`, "<!--"},
		{"invalid JSON", page, `{"a":`, "not valid JSON"},
		{"two JSON values", page, `{} {}`, "not valid JSON"},
		{"empty JSON", page, ``, "not valid JSON"},
		{"invalid UTF-8", page, "{\"a\":\"\xff\"}", "UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := offline.Embed([]byte(tt.page), []byte(tt.json))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.wantErr)
			assert.Nil(t, out)
		})
	}
	_, err := offline.Embed([]byte("<body>"), []byte("{}"))
	assert.ErrorIs(t, err, offline.ErrNotOfflinePage)
}

func TestExtract(t *testing.T) {
	_, ok := offline.Extract(templatePage(t))
	assert.False(t, ok, "the template has no exercise")
	_, ok = offline.Extract([]byte(`<script id="sayso-exercise" type="text/plain">{}</script>`))
	assert.False(t, ok, "only a JSON data block")
	got, ok := offline.Extract([]byte(`<SCRIPT TYPE="Application/JSON" ID=sayso-exercise>{"a":1}</script >`))
	assert.True(t, ok)
	assert.Equal(t, `{"a":1}`, string(got))
}

// FuzzEmbed checks, for any valid JSON, that the exercise comes back as
// the same value and that the browser sees one inert exercise element and
// every other script unchanged; anything else is refused.
func FuzzEmbed(f *testing.F) {
	page := templatePage(f)
	f.Add([]byte(`{"format":"sayso-exercise"}`))
	f.Fuzz(func(t *testing.T, j []byte) {
		out, err := offline.Embed(page, j)
		if !json.Valid(j) || !utf8.Valid(j) {
			require.Error(t, err)
			return
		}
		require.NoError(t, err)
		checkEmbedded(t, page, j, out)
		again, err := offline.Embed(out, j)
		require.NoError(t, err)
		assert.Equal(t, string(out), string(again), "embedding again replaces")
	})
}
