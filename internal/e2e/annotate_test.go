//go:build !js

// Package e2e holds Sayso's end-to-end tests: the built site served by the
// real handler, driven in headless Chromium as a person would.
package e2e

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/browsertest"
	"sayso/internal/format/native"
	"sayso/internal/site"
)

// serveSite serves the built site with the production handler.
func serveSite(t *testing.T) string {
	t.Helper()
	return browsertest.Serve(t, site.Handler(os.DirFS(browsertest.SiteDir(t))))
}

// exported is the part of the native format the tests read.
type exported struct {
	Format     string `json:"format"`
	Version    int    `json:"version"`
	OffsetUnit string `json:"offsetUnit"`
	Documents  []struct {
		Title, Text, SHA256 string
	} `json:"documents"`
	Speakers []struct {
		ID, Name string
	} `json:"speakers"`
	Annotations []struct {
		ID        string `json:"id"`
		Label     string `json:"label"`
		Quote     string `json:"quote"`
		Fragments []struct {
			Start int `json:"start"`
			End   int `json:"end"`
		} `json:"fragments"`
		Stance         string `json:"stance"`
		Speaker        string `json:"speaker"`
		SpeakerMention string `json:"speakerMention"`
	} `json:"annotations"`
}

// checkExport validates a downloaded export against the JSON Schema and
// checks Python's text[start:end] == quote for every fragment.
func checkExport(t *testing.T, data []byte) exported {
	t.Helper()
	c := jsonschema.NewCompiler()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(native.Schema))
	require.NoError(t, err)
	require.NoError(t, c.AddResource("sayso.schema.json", doc))
	schema, err := c.Compile("sayso.schema.json")
	require.NoError(t, err)
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	require.NoError(t, err)
	require.NoError(t, schema.Validate(inst), "the export follows the JSON Schema")

	var e exported
	require.NoError(t, json.Unmarshal(data, &e))
	assert.Equal(t, "codepoint", e.OffsetUnit)
	require.Len(t, e.Documents, 1)
	text := []rune(e.Documents[0].Text)
	for _, a := range e.Annotations {
		require.Len(t, a.Fragments, 1)
		f := a.Fragments[0]
		assert.Equal(t, a.Quote, string(text[f.Start:f.End]), "annotation %s: text[start:end] == quote", a.ID)
	}
	return e
}

func byQuote(t *testing.T, e exported, quote string) int {
	t.Helper()
	for i, a := range e.Annotations {
		if a.Quote == quote {
			return i
		}
	}
	t.Fatalf("no annotation quotes %q", quote)
	return -1
}

// pasteArticle fills the start screen, the text typed key by key, and
// starts annotating.
func pasteArticle(p *browsertest.Page, title, body string) {
	p.T.Helper()
	paste(p, title, func() { p.Type(body) })
}

// paste fills the start screen, the title typed and the text by fill once
// the text field has the focus, and starts annotating.
func paste(p *browsertest.Page, title string, fill func()) {
	p.T.Helper()
	require.True(p.T, p.Visible("#start"), "the empty app shows the start screen")
	p.Click("#paste-title")
	p.Type(title)
	p.Click("#paste-text")
	fill()
	p.Click(`[data-action="paste"]`)
	p.WaitFor(`!document.getElementById("workspace").hidden`)
}

func TestAnnotateExportReloadAndImportTheReferenceArticle(t *testing.T) {
	articlePath := browsertest.CorpusFile(t, "articles/xi-trump-summit.txt")
	article, err := os.ReadFile(articlePath)
	require.NoError(t, err)
	url := serveSite(t)
	profile := t.TempDir()
	p := browsertest.Open(t, url, profile)

	// Paste: the text is kept, paragraphs render as paragraphs.
	pasteArticle(p, "Xi–Trump Summit", string(article))
	assert.Equal(t, "Xi–Trump Summit", p.Text("#doc-title"))
	nonBlank := 0
	for _, line := range strings.Split(string(article), "\n") {
		if strings.TrimSpace(line) != "" {
			nonBlank++
		}
	}
	assert.Equal(t, nonBlank, browsertest.Eval[int](p, `document.querySelectorAll("#doc p").length`))

	// Tag a speaker with the mouse and the s key.
	p.SelectText("Wang Wen", 0)
	p.Press("s")
	p.WaitFor(`saysoHighlights.count("speaker") > 0`)
	assert.Equal(t, "Wang Wen", p.Text("#inspector .quote"))
	assert.Equal(t, "Wang Wen", browsertest.Eval[string](p, `document.querySelector('[data-field="speaker-name"]').value`))
	assert.Empty(t, p.Selected(), "tagging clears the text selection")

	// Tag his quote as a claim, with a selection that ends mid-word: it
	// snaps to whole words.
	quote := "“China is very calm in facing all these conflicts and difficulties set up by the United States"
	p.SelectText("“China is very calm in facing all these conflicts and difficulties set up by the United Sta", 0)
	p.Press("c")
	p.WaitFor(`document.querySelector("#inspector .insp-head.l-claim") !== null`)
	assert.Equal(t, quote, p.Text("#inspector .quote"))

	// Stance with a number key, link with l.
	p.Press("2")
	p.WaitFor(`document.querySelector('#inspector [data-value="against"]').getAttribute("aria-pressed") === "true"`)
	p.Press("l")
	linked := `document.querySelector('#inspector [data-field="mention"]').selectedOptions[0].textContent === "Wang Wen"`
	p.WaitFor(linked)
	assert.Contains(t, p.Text("#sidebar"), "Wang Wen")
	assert.Contains(t, p.Text("#sidebar"), "against")

	// Undo the link, then the stance; redo both.
	p.Press("z", chromedp.ModifierCtrl)
	p.WaitFor(`document.querySelector('#inspector [data-field="mention"]').value === ""`)
	p.Press("z", chromedp.ModifierCtrl)
	p.WaitFor(`document.querySelector('#inspector [aria-pressed="true"]') === null`)
	p.Press("Z", chromedp.ModifierCtrl, chromedp.ModifierShift)
	p.Press("y", chromedp.ModifierCtrl)
	p.WaitFor(linked)

	// Nested spans: the speaker inside a claim can be clicked, and so can
	// the claim around it.
	p.SelectText("said Wang Wen, dean of the Chongyang Institute", 0)
	p.Press("q")
	p.WaitFor(`document.querySelector("#inspector .insp-head.l-cue") !== null`)
	p.Press("\u001b") // Esc clears the selection
	p.WaitFor(`document.querySelector("#inspector .insp-head") === null`)
	p.ClickText("Wang Wen", 0)
	p.WaitFor(`document.querySelector("#inspector .insp-head.l-speaker") !== null`)
	p.ClickText("Wang Wen", 0)
	p.WaitFor(`document.querySelector("#inspector .insp-head.l-cue") !== null`)

	// Export.
	p.Click("#export")
	data := p.WaitDownload("Xi–Trump Summit.sayso.json")
	e := checkExport(t, data)
	assert.Equal(t, string(article), e.Documents[0].Text, "the text is kept as pasted")
	require.Len(t, e.Annotations, 3)
	claim := e.Annotations[byQuote(t, e, quote)]
	mention := e.Annotations[byQuote(t, e, "Wang Wen")]
	assert.Equal(t, "against", claim.Stance)
	assert.Equal(t, mention.ID, claim.SpeakerMention)
	assert.Equal(t, mention.Speaker, claim.Speaker)
	require.Len(t, e.Speakers, 1)
	assert.Equal(t, "Wang Wen", e.Speakers[0].Name)
	browsertest.Screenshot(t, p.Ctx, "annotated-reference-article")

	// Reload: nothing is lost, and the export is byte-identical.
	p.WaitFor(`document.getElementById("save-status").textContent.startsWith("Saved")`)
	p.Do(chromedp.Reload())
	p.WaitReady()
	require.False(t, p.Visible("#start"))
	assert.Equal(t, 3, browsertest.Eval[int](p, `document.querySelectorAll("#sidebar [data-id]").length`))
	require.NoError(t, os.Remove(filepath.Join(p.Downloads, "Xi–Trump Summit.sayso.json")))
	p.Click("#export")
	assert.Equal(t, string(data), string(p.WaitDownload("Xi–Trump Summit.sayso.json")), "reload restores exactly")

	// Import into a fresh profile: the same state, exported byte for byte.
	saved := filepath.Join(t.TempDir(), "Xi–Trump Summit.sayso.json")
	require.NoError(t, os.WriteFile(saved, data, 0o644))
	q := browsertest.Open(t, url, "")
	q.Do(chromedp.SetUploadFiles("#open-file-start", []string{saved}))
	q.WaitFor(`!document.getElementById("workspace").hidden`)
	assert.Contains(t, q.Text("#message-text"), "3 annotations")
	assert.Equal(t, 3, browsertest.Eval[int](q, `document.querySelectorAll("#sidebar [data-id]").length`))
	q.Click("#export")
	assert.Equal(t, string(data), string(q.WaitDownload("Xi–Trump Summit.sayso.json")), "export → import → export is byte-identical")
}

func TestOffsetsAfterAnEmojiAreCodePoints(t *testing.T) {
	p := browsertest.Open(t, serveSite(t), "")
	p.Click(`[data-action="sample"]`)
	p.WaitFor(`!document.getElementById("workspace").hidden`)

	// With the mouse, after the emoji.
	p.SelectText("was shared more than two thousand times", 0)
	p.Press("c")
	// With the keyboard: put the caret before "Finally" and extend by words.
	p.ClickText("Finally", 0)
	p.WaitFor(`getSelection().isCollapsed`)
	p.Press("\u0302", chromedp.ModifierCtrl) // Ctrl+ArrowLeft: to the start of the word
	for range 2 {
		p.Press("\u0303", chromedp.ModifierShift) // Shift+ArrowRight
	}
	require.Equal(t, "Fi", p.Selected(), "Shift+ArrowRight extends the selection by keyboard")
	p.Press("q", chromedp.ModifierAlt)
	p.WaitFor(`document.querySelectorAll("#sidebar [data-id]").length === 2`)

	p.Click("#export")
	e := checkExport(t, p.WaitDownload("Harbour town splits over plan for a car-free centre.sayso.json"))
	claim := e.Annotations[byQuote(t, e, "was shared more than two thousand times")]
	text := []rune(e.Documents[0].Text)
	emoji := strings.Index(string(text), "🚲")
	emojiCP := len([]rune(string(text)[:emoji]))
	assert.Greater(t, claim.Fragments[0].Start, emojiCP, "the claim is after the emoji")
	// Its UTF-16 offset would be one larger: the export counts code points.
	assert.Equal(t, "was shared", string(text[claim.Fragments[0].Start:claim.Fragments[0].Start+10]))
	cue := e.Annotations[byQuote(t, e, "Fi")]
	assert.Equal(t, "cue", cue.Label, "Alt keeps the exact keyboard selection")
}

func TestPastedHTMLShowsAsTextAndNeverRuns(t *testing.T) {
	p := browsertest.Open(t, serveSite(t), "")
	payload := `<img src=x onerror="window.__pwned=1"> <script>window.__pwned=2</script> "><svg onload="window.__pwned=3"> said Eve.`
	pasteArticle(p, `<b onmouseover="window.__pwned=4">Title</b>`, payload+"\nSecond <iframe src=javascript:window.__pwned=5></iframe> line")
	p.SelectText("<img src=x", 0)
	p.Press("c")
	p.SelectText("Eve", 0)
	p.Press("s")
	p.WaitFor(`document.querySelectorAll("#sidebar [data-id]").length === 2`)
	p.ClickText("<script>", 0)
	assert.Equal(t, payload, p.Text("#doc p"), "the text shows literally")
	assert.Equal(t, `<b onmouseover="window.__pwned=4">Title</b>`, p.Text("#doc-title"))
	assert.Equal(t, 0, browsertest.Eval[int](p, `document.querySelectorAll("#doc img, #doc script, #doc svg, #doc iframe, h1 b").length`))
	assert.True(t, browsertest.Eval[bool](p, `window.__pwned === undefined`), "no script ran")
}

// setField changes a form control in the inspector as a person would: focus,
// select its content, type, and leave it (Tab), which fires "change".
func setField(p *browsertest.Page, sel, value string) {
	p.T.Helper()
	p.Click(sel)
	p.Press("a", chromedp.ModifierCtrl)
	p.Type(value)
	p.Press("\t")
}

// chooseOption picks an option of a select by its visible text.
func chooseOption(p *browsertest.Page, sel, text string) {
	p.T.Helper()
	ok := browsertest.Eval[bool](p, `(() => {
		const s = document.querySelector(`+jsQuote(sel)+`);
		const o = [...s.options].find(o => o.textContent === `+jsQuote(text)+`);
		if (!o) return false;
		s.focus(); s.value = o.value; s.dispatchEvent(new Event("change", {bubbles: true}));
		return true;
	})()`)
	require.True(p.T, ok, "option %q in %s", text, sel)
}

func jsQuote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func TestInspectorSidebarNavigationAndHelp(t *testing.T) {
	p := browsertest.Open(t, serveSite(t), "")
	p.Click(`[data-action="sample"]`)
	p.WaitFor(`!document.getElementById("workspace").hidden`)

	p.SelectText("Tomas Reyes", 0)
	p.Click(`[data-action="tag"][data-label="speaker"]`)
	p.SelectText("called", 0)
	p.Click(`[data-action="tag"][data-label="cue"]`)
	p.SelectText("“a slow death for small businesses.”", 0)
	p.Click(`[data-action="tag"][data-label="claim"]`)
	p.WaitFor(`document.querySelectorAll("#sidebar [data-id]").length === 3`)

	// The inspector edits the selected claim.
	p.Click(`#inspector [data-value="neutral"]`)
	p.WaitFor(`document.querySelector('#inspector [data-value="neutral"]').getAttribute("aria-pressed") === "true"`)
	setField(p, `#inspector [data-field="target"]`, "the car-free plan")
	p.WaitFor(`document.querySelector('#inspector [data-field="target"]').value === "the car-free plan"`)
	setField(p, `#inspector [data-field="note"]`, "irony? <b>check</b>")
	chooseOption(p, `#inspector [data-field="cue"]`, "called")
	chooseOption(p, `#inspector [data-field="mention"]`, "Tomas Reyes")
	p.WaitFor(`saysoHighlights.count("rel") === 2`) // its speaker and cue are marked
	assert.Equal(t, "irony? <b>check</b>", browsertest.Eval[string](p, `document.querySelector('#inspector [data-field="note"]').value`))

	// Renaming the speaker entity from its mention.
	p.ClickText("Tomas Reyes", 0)
	p.WaitFor(`document.querySelector("#inspector .insp-head.l-speaker") !== null`)
	setField(p, `#inspector [data-field="speaker-name"]`, "Tomas Reyes (hardware shop)")
	p.WaitFor(`document.querySelector("#sidebar .who").textContent === "Tomas Reyes (hardware shop)"`)

	// j / k walk the annotations in reading order.
	p.Press("\u001b")
	p.Press("j")
	p.WaitFor(`document.querySelector("#inspector .quote").textContent === "Tomas Reyes"`)
	p.Press("j")
	p.WaitFor(`document.querySelector("#inspector .quote").textContent === "called"`)
	p.Press("k")
	p.WaitFor(`document.querySelector("#inspector .quote").textContent === "Tomas Reyes"`)

	// Clicking an item of the side list selects it and scrolls to it.
	p.Click(`#sidebar .item.l-claim`)
	p.WaitFor(`document.querySelector("#inspector .insp-head.l-claim") !== null`)

	// Delete removes it, with its links; undo brings both back.
	p.Press("\u007f")
	p.WaitFor(`document.querySelectorAll("#sidebar [data-id]").length === 2`)
	assert.Contains(t, p.Text("#message-text"), "Deleted the claim")
	p.Click("#undo")
	p.WaitFor(`document.querySelectorAll("#sidebar [data-id]").length === 3`)
	p.Click(`#sidebar .item.l-claim`)
	p.WaitFor(`document.querySelector('#inspector [data-field="cue"]').selectedOptions[0].textContent === "called"`)

	// ? shows every shortcut; Esc closes it.
	p.Press("?")
	p.WaitFor(`!document.getElementById("help").hidden`)
	for _, k := range []string{"Ctrl+Z", "j / k", "Delete", "1 – 4"} {
		assert.Contains(t, p.Text("#help"), k)
	}
	p.Press("\u001b")
	p.WaitFor(`document.getElementById("help").hidden`)
	browsertest.Screenshot(t, p.Ctx, "sample-with-inspector")
}

func TestBadFileGivesAMessageAndKeepsTheWork(t *testing.T) {
	p := browsertest.Open(t, serveSite(t), "")
	p.Click(`[data-action="sample"]`)
	p.WaitFor(`!document.getElementById("workspace").hidden`)
	p.SelectText("Nobody asked us", 0)
	p.Press("c")
	p.WaitFor(`document.querySelectorAll("#sidebar [data-id]").length === 1`)
	before := browsertest.Eval[string](p, `document.getElementById("doc").innerHTML + document.getElementById("sidebar").innerHTML`)

	dir := t.TempDir()
	cases := []struct{ name, data, want string }{
		{"notes.sayso.json", "this is not json", "not JSON"},
		{"cut.sayso.json", `{"format": "sayso", "version": 1, "documents": [`, "Could not open"},
		{"w3c.json", `{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation", "target": "x"}`, "carry no text"},
		{"future.sayso.json", `{"format": "sayso", "version": 9}`, "newer"},
	}
	// Opening a file over existing work asks first: accept.
	p.AcceptDialogs()
	for _, c := range cases {
		path := filepath.Join(dir, c.name)
		require.NoError(t, os.WriteFile(path, []byte(c.data), 0o644))
		p.Do(chromedp.SetUploadFiles("#open-file", []string{path}))
		p.WaitFor(`document.getElementById("message").classList.contains("error") && document.getElementById("message-text").textContent.includes(` + jsQuote(c.name) + `)`)
		msg := p.Text("#message-text")
		assert.Contains(t, msg, c.want, c.name)
		assert.Equal(t, before, browsertest.Eval[string](p, `document.getElementById("doc").innerHTML + document.getElementById("sidebar").innerHTML`), "work untouched after %s", c.name)
	}
}

func TestDroppingFilesOpensThem(t *testing.T) {
	p := browsertest.Open(t, serveSite(t), "")
	p.AcceptDialogs()
	dir := t.TempDir()

	// A .txt article dropped on the start screen becomes the document; its
	// invalid UTF-8 is replaced and reported.
	txt := filepath.Join(dir, "council vote.txt")
	require.NoError(t, os.WriteFile(txt, []byte("Caf\xe9 owners said the vote was rushed.\r\nSecond line."), 0o644))
	p.DropFiles(txt)
	p.WaitFor(`!document.getElementById("workspace").hidden`)
	assert.Equal(t, "council vote", p.Text("#doc-title"))
	assert.Equal(t, "Caf\ufffd owners said the vote was rushed.", p.Text("#p0"))
	assert.Contains(t, p.Text("#message-text"), "not valid UTF-8")

	p.SelectText("the vote was rushed", 0)
	p.Press("c")
	p.Click("#export")
	data := p.WaitDownload("council vote.sayso.json")

	// A .sayso.json dropped on a document replaces it (after asking).
	p.Click(`[data-action="new"]`)
	p.WaitFor(`!document.getElementById("start").hidden`)
	p.Click(`[data-action="sample"]`)
	p.WaitFor(`!document.getElementById("workspace").hidden`)
	saved := filepath.Join(dir, "mine.sayso.json")
	require.NoError(t, os.WriteFile(saved, data, 0o644))
	p.DropFiles(saved)
	p.WaitFor(`document.getElementById("doc-title").textContent === "council vote"`)
	assert.Equal(t, 1, browsertest.Eval[int](p, `document.querySelectorAll("#sidebar [data-id]").length`))
}
