//go:build !js

package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/browsertest"
	"sayso/internal/format/native"
	"sayso/internal/text"
)

// payloads that would run script if any view put data into the page as
// markup or attributes. Each sets window.__pwned.
var payloads = []string{
	`<img src=x onerror="window.__pwned='img'">`,
	`<svg onload="window.__pwned='svg'"></svg>`,
	`"><script>window.__pwned='script'</script>`,
	`' onmouseover='window.__pwned="attr"' x='`,
	`javascript:window.__pwned='url'`,
	`<a href="javascript:window.__pwned='href'">link</a>`,
	`</textarea><img src=x onerror="window.__pwned='textarea'">`,
	`<iframe srcdoc="<script>parent.__pwned='iframe'</script>"></iframe>`,
}

// hostileStore puts a payload into every string a view shows: titles of
// two documents, topic, text, label names, stance values, speaker names,
// targets, notes, the annotator; ex is the exercise it belongs to (zero
// for none).
func hostileStore(t *testing.T, annotator string, ex annotation.ExerciseRef) *annotation.Store {
	t.Helper()
	schema := annotation.DefaultSchema()
	for i := range schema.Labels {
		schema.Labels[i].Name = payloads[i] + " " + schema.Labels[i].Name
	}
	schema.Stances = []string{payloads[3], payloads[1], "neutral", payloads[6]}
	s := annotation.New(schema, annotator, func() time.Time { return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC) })
	s.SetExercise(ex)
	body := "Intro. " + strings.Join(payloads, " said Mallory. ") + " said Mallory."
	doc, err := s.AddDocument(payloads[2]+" ../../etc/passwd\x07", body)
	require.NoError(t, err)
	require.NoError(t, s.SetTopic(doc, payloads[5]))
	// The second article has quotes for Suggest to find, and a surname two
	// speakers share (see below), so its mention is undecided.
	second := "A second article. “" + payloads[0] + ",” said Mayor Ann Mallory.\n\nMallory said that " + payloads[7] + " would close. Then Mallory left."
	doc2, err := s.AddDocument(payloads[7]+" second", second)
	require.NoError(t, err)
	_, x, _ := s.Document(doc)
	at := func(sub string, nth int) []text.Span {
		b := -1
		for range nth + 1 {
			b += 1 + strings.Index(x.Text()[b+1:], sub)
		}
		st := x.CodePointAtByte(b)
		return []text.Span{{Start: st, End: st + len([]rune(sub))}}
	}
	for i, p := range payloads {
		claim, err := s.Add(doc, annotation.LabelClaim, at(p, 0))
		require.NoError(t, err)
		mention, err := s.Add(doc, annotation.LabelSpeaker, at("Mallory", i))
		require.NoError(t, err)
		cue, err := s.Add(doc, annotation.LabelCue, at("said", i))
		require.NoError(t, err)
		require.NoError(t, s.LinkMention(claim, mention))
		require.NoError(t, s.LinkCue(claim, cue))
		require.NoError(t, s.SetStance(claim, schema.Stances[i%len(schema.Stances)]))
		require.NoError(t, s.SetTarget(claim, p))
		require.NoError(t, s.SetNote(claim, p))
		a, _ := s.Annotation(mention)
		require.NoError(t, s.RenameSpeaker(a.Speaker, payloads[(i+1)%len(payloads)]))
	}
	// Two speakers named "… Mallory": the last "Mallory" of the second
	// article could be either, and the inspector asks who it is with
	// their names as buttons.
	for i, sp := range s.Speakers()[:2] {
		require.NoError(t, s.RenameSpeaker(sp.ID, payloads[i+1]+" Mallory"))
	}
	b := strings.LastIndex(second, "Mallory")
	at2 := len([]rune(second[:b]))
	undecided, err := s.Add(doc2, annotation.LabelSpeaker, []text.Span{{Start: at2, End: at2 + len("Mallory")}})
	require.NoError(t, err)
	a, _ := s.Annotation(undecided)
	require.Empty(t, a.Speaker, "the mention is undecided")
	return s
}

// hostileProject is hostileStore's project, outside any exercise, as a
// .sayso.json file.
func hostileProject(t *testing.T) []byte {
	t.Helper()
	data, err := native.Encode(hostileStore(t, payloads[4], annotation.ExerciseRef{}).Project())
	require.NoError(t, err)
	return data
}

// hostileClass writes a class's files to dir: an answer key and three
// students of one exercise and a fourth of another, with payloads as
// student names, exercise titles and instructions, and (from
// hostileStore) speaker names, stances, quotes, labels and titles. The
// students' stances differ, so stance by speaker and the adjudication
// list have rows.
func hostileClass(t *testing.T, dir string) []string {
	t.Helper()
	ex := annotation.ExerciseRef{ID: "hostile-1", Title: payloads[5], Instructions: "Read:\n- " + strings.Join(payloads, "\n- ") + "\n\n**" + payloads[0] + "** _" + payloads[1] + "_"}
	key := ex
	key.Role = annotation.RoleKey
	other := annotation.ExerciseRef{ID: "hostile-2", Title: payloads[7]}
	people := []struct {
		name string
		ex   annotation.ExerciseRef
		drop int // the claim this one left out, -1 for none
	}{
		{payloads[1], key, -1},
		{payloads[0], ex, 0},
		{payloads[2], ex, 3},
		{payloads[6], ex, -1},
		{payloads[3], other, -1},
	}
	var files []string
	for i, who := range people {
		s := hostileStore(t, who.name, who.ex)
		if who.drop >= 0 {
			var claims []string
			for _, a := range s.Project().Annotations {
				if a.Label == annotation.LabelClaim {
					claims = append(claims, a.ID)
				}
			}
			require.NoError(t, s.Delete(claims[who.drop]))
		}
		data, err := native.Encode(s.Project())
		require.NoError(t, err)
		path := filepath.Join(dir, "student-"+strconv.Itoa(i)+".sayso.json")
		require.NoError(t, os.WriteFile(path, data, 0o644))
		files = append(files, path)
	}
	return files
}

// appTags are the elements the app's own markup is made of (web/index.html
// and the views in internal/app). Anything else in the page came from
// data.
func appTags() []string {
	return []string{
		"html", "head", "meta", "title", "link", "body", "script",
		"header", "main", "section", "article", "aside", "div", "span", "p", "h1", "h2", "h3",
		"b", "em", "code", "kbd", "blockquote", "mark", "meter",
		"button", "label", "input", "textarea", "select", "option", "fieldset", "legend",
		"table", "thead", "tbody", "tr", "th", "td", "dl", "dt", "dd", "ul", "ol", "li",
	}
}

// scanJS inspects the whole document, head to foot, and lists what data
// could have put there: an element the app does not make, a script with
// inline code or no src, head-only elements outside the head, any on*
// event-handler attribute, srcdoc, a javascript:/vbscript:/data: URL in
// an attribute that loads or navigates, and elements outside the HTML
// namespace (svg, math).
const scanJS = `((allowed) => {
	const ok = new Set(allowed);
	const urlAttrs = new Set(["href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "srcset", "ping", "cite", "codebase", "manifest", "lowsrc", "dynsrc"]);
	const problems = [];
	const name = el => {
		const home = el.parentElement && el.parentElement.closest("[id]");
		return "<" + el.localName + (el.id ? "#" + el.id : "") + ">" + (home ? " in #" + home.id : "");
	};
	for (const el of document.getElementsByTagName("*")) {
		if (el.namespaceURI !== "http://www.w3.org/1999/xhtml") problems.push("foreign element " + name(el));
		if (!ok.has(el.localName)) problems.push("element " + name(el));
		if (el.localName === "script" && (!el.getAttribute("src") || el.textContent.trim() !== "")) problems.push("inline script " + name(el) + ": " + el.outerHTML.slice(0, 60));
		if (["meta", "link", "title"].includes(el.localName) && !el.closest("head")) problems.push("element " + name(el) + " outside the head");
		for (const a of el.attributes) {
			const n = a.name.toLowerCase();
			const v = a.value.replace(/[\u0000-\u0020]/g, "").toLowerCase();
			if (n.startsWith("on")) problems.push("attribute " + n + " on " + name(el));
			if (n === "srcdoc") problems.push("srcdoc on " + name(el));
			if (urlAttrs.has(n) && /^(javascript|vbscript|data):/.test(v)) problems.push(n + "=" + a.value.slice(0, 40) + " on " + name(el));
		}
	}
	return problems;
})`

// checkScreen fails when the page holds anything scanJS reports or a
// payload has run, naming the screen.
func checkScreen(t *testing.T, p *browsertest.Page, screen string) {
	t.Helper()
	tags, _ := json.Marshal(appTags())
	problems := browsertest.Eval[[]string](p, scanJS+"("+string(tags)+")")
	assert.Empty(t, problems, "%s: the page holds markup made from data", screen)
	assert.Equal(t, "undefined", browsertest.Eval[string](p, `typeof window.__pwned === "undefined" ? "undefined" : String(window.__pwned)`), "%s: a payload ran", screen)
}

// showsPayload fails unless the element sel shows at least one payload as
// text: proof that the screen was drawn from the hostile data.
// checkDialog waits for the dialog id to open, checks that it shows the
// payloads as text and that nothing in the page is markup made from data,
// then closes it with Esc.
func checkDialog(t *testing.T, p *browsertest.Page, id, name string) {
	t.Helper()
	p.WaitFor(`!document.getElementById("` + id + `").hidden`)
	showsPayload(t, p, "#"+id, name)
	checkScreen(t, p, name)
	p.Press("\u001b")
	p.WaitFor(`document.getElementById("` + id + `").hidden`)
}

func showsPayload(t *testing.T, p *browsertest.Page, sel, screen string) {
	t.Helper()
	text := p.Text(sel) + browsertest.Eval[string](p, `[...document.querySelectorAll(`+jsQuote(sel+" input, "+sel+" textarea, "+sel+" option")+`)].map(e => e.value + " " + e.textContent).join(" ")`)
	for _, pl := range payloads {
		if strings.Contains(text, pl) || strings.Contains(text, pl[:min(len(pl), 20)]) {
			return
		}
	}
	t.Errorf("%s: %s shows no payload as text; was it drawn? It shows %.300q", screen, sel, text)
}

func TestHostileDataNeverRunsOrBecomesMarkupOnAnyScreen(t *testing.T) {
	for _, tc := range []struct {
		name  string
		noCSP bool
	}{
		{"with the CSP", false},
		// The escaping alone: inline handlers and scripts would run.
		{"with the CSP switched off", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var p *browsertest.Page
			if tc.noCSP {
				p = browsertest.OpenWithoutCSP(t, serveSite(t))
				ran := browsertest.Eval[bool](p, `(() => {
					const s = document.createElement("script");
					s.textContent = "window.__cspOff = true";
					document.body.appendChild(s);
					s.remove();
					return window.__cspOff === true;
				})()`)
				require.True(t, ran, "with the CSP off an inline script runs, so a payload that got through would run too")
			} else {
				p = browsertest.Open(t, serveSite(t), "")
			}
			p.AcceptDialogs()
			hostileScreens(t, p)
		})
	}
}

// hostileScreens opens every screen of the app with hostile data and
// checks the whole page after each.
func hostileScreens(t *testing.T, p *browsertest.Page) {
	dir := t.TempDir()
	file := filepath.Join(dir, "hostile.sayso.json")
	require.NoError(t, os.WriteFile(file, hostileProject(t), 0o644))
	p.Do(chromedp.SetUploadFiles("#open-file-start", []string{file}))
	p.WaitFor(`!document.getElementById("workspace").hidden`)
	checkScreen(t, p, "the article")
	docText := p.Text("#doc")
	for _, pl := range payloads {
		assert.Contains(t, docText, pl, "the article shows the payload as text")
	}
	assert.Equal(t, payloads[2]+" ../../etc/passwd\x07", p.Text("#doc-title"))
	assert.Equal(t, payloads[5], browsertest.Eval[string](p, `document.getElementById("topic").value`))
	showsPayload(t, p, "#doc-title", "the title")
	showsPayload(t, p, "#tools", "the toolbar's labels")

	// The inspector for every annotation (claims show stance, target,
	// speaker, cue and note; mentions their speaker), and the side list.
	n := 3 * len(payloads)
	require.Contains(t, p.Text("#sidebar .summary"), strconv.Itoa(n)+" annotations")
	showsPayload(t, p, "#sidebar", "the side list")
	for i := range n {
		p.Press("j")
		p.WaitFor(`document.querySelector("#inspector .insp-head") !== null`)
		checkScreen(t, p, "the inspector, annotation "+strconv.Itoa(i+1))
	}
	p.Click(`#sidebar .item.l-claim`)
	showsPayload(t, p, "#inspector", "the inspector")
	checkScreen(t, p, "the inspector of a claim")

	// Help lists the label names.
	p.Press("?")
	checkDialog(t, p, "help", "help")

	// The export menu, and the download named after the annotator (a
	// project of two documents), made safe.
	p.Click("#export-more")
	p.WaitFor(`!document.getElementById("export-menu").hidden`)
	checkScreen(t, p, "the export menu")
	p.Press("\u001b")
	p.WaitFor(`document.getElementById("export-menu").hidden`)
	p.Click("#export")
	assert.NotEmpty(t, p.WaitDownload(`javascript window.__pwned='url' – 2 documents.sayso.json`), "the download's name is the annotator's, made safe")

	// The documents list, the schema editor, the exercise builder.
	for _, panel := range []struct{ name, open, id string }{
		{"the documents list", "#docs-button", "docs"},
		{"the schema editor", `#setup-menu [data-action="schema"]`, "schema"},
		{"the exercise builder", `#setup-menu [data-action="exercise"]`, "exercise"},
	} {
		if panel.id != "docs" {
			p.Click("#setup-button")
			p.WaitFor(`!document.getElementById("setup-menu").hidden`)
		}
		p.Click(panel.open)
		checkDialog(t, p, panel.id, panel.name)
	}

	// The app's own question, naming a stance value that claims use.
	p.Click("#setup-button")
	p.WaitFor(`!document.getElementById("setup-menu").hidden`)
	p.Click(`#setup-menu [data-action="schema"]`)
	p.WaitFor(`!document.getElementById("schema").hidden`)
	// AcceptDialogs would answer it at once: its OK click is held back
	// (before the app's listener on the body sees it) while it is checked.
	browsertest.Eval[bool](p, `(window.__holdYes = e => {
		if (e.target.closest && e.target.closest('#confirm [data-action="confirm-yes"]')) e.stopImmediatePropagation();
	}, addEventListener("click", window.__holdYes, true), true)`)
	// The second value is payloads[1], markup (the first, payloads[3],
	// is an attribute breakout that shows as plain text in a paragraph).
	p.Click(`#schema ol.stances > li:nth-child(2) [data-action="stance-remove"]`)
	p.WaitFor(`!document.getElementById("confirm").hidden`)
	showsPayload(t, p, "#confirm", "the question")
	checkScreen(t, p, "the question")
	p.Press("\u001b") // answers no
	p.WaitFor(`document.getElementById("confirm").hidden`)
	browsertest.Eval[bool](p, `(removeEventListener("click", window.__holdYes, true), true)`)
	p.Press("\u001b")
	p.WaitFor(`document.getElementById("schema").hidden`)

	// The text editor holds the article's text, payloads and all.
	p.Click(`[data-action="edit-text"]`)
	checkDialog(t, p, "textedit", "the text editor")

	// The second article: the speaker choice of its undecided mention,
	// then Suggest's suggestions, quotes and speakers from hostile text.
	p.Click("#docs-button")
	p.WaitFor(`!document.getElementById("docs").hidden`)
	p.Click(`#docs li:nth-child(2) [data-action="show-doc"]`)
	p.WaitFor(`document.getElementById("doc").textContent.includes("A second article")`)
	p.Press("\u001b")
	p.WaitFor(`document.getElementById("docs").hidden`)
	p.Click(`#sidebar .item.l-speaker`)
	p.WaitFor(`document.querySelector("#inspector fieldset.undecided") !== null`)
	showsPayload(t, p, "#inspector fieldset.undecided", "the speaker choice")
	checkScreen(t, p, "the speaker choice")
	browsertest.Eval[bool](p, `(document.activeElement && document.activeElement.blur(), true)`)
	p.Press("g")
	p.WaitFor(`document.querySelectorAll("#sidebar .sg").length > 0`)
	showsPayload(t, p, "#sidebar .sg-list", "the suggestions")
	checkScreen(t, p, "the suggestions")

	// The columns dialog: a file whose column names are payloads.
	columns, err := json.Marshal(map[string]any{
		payloads[0]: "Ann said it rains.", payloads[1]: "Bob wrote.",
		payloads[2]: [][]any{{0, 3, "speaker"}}, payloads[3]: [][]any{{4, 8, "cue"}},
	})
	require.NoError(t, err)
	columnsFile := filepath.Join(dir, "columns.json")
	require.NoError(t, os.WriteFile(columnsFile, columns, 0o644))
	p.Click("#docs-button")
	p.WaitFor(`!document.getElementById("docs").hidden`)
	p.Do(chromedp.SetUploadFiles("#import-file", []string{columnsFile}))
	p.WaitFor(`!document.getElementById("columns").hidden`)
	showsPayload(t, p, "#columns", "the columns dialog")
	checkScreen(t, p, "the columns dialog")
	p.Press("\u001b")
	p.WaitFor(`document.getElementById("columns").hidden`)
	p.Press("\u001b")
	p.WaitFor(`document.getElementById("docs").hidden`)

	// The import dialog: the same documents again, so it asks about each.
	p.Click("#docs-button")
	p.WaitFor(`!document.getElementById("docs").hidden`)
	p.Do(chromedp.SetUploadFiles("#import-file", []string{file}))
	p.WaitFor(`!document.getElementById("import").hidden`)
	showsPayload(t, p, "#import", "the import dialog")
	checkScreen(t, p, "the import dialog")
	p.Press("\u001b") // cancels the import
	p.WaitFor(`document.getElementById("import").hidden`)
	p.Press("\u001b")
	p.WaitFor(`document.getElementById("docs").hidden`)

	// Compare with a hostile class: the files, scores, agreement, heat
	// map, stance by speaker and adjudication.
	class := hostileClass(t, dir)
	p.Click("#compare-button")
	p.WaitFor(`!document.getElementById("compare").hidden`)
	p.Do(chromedp.SetUploadFiles("#compare-files", class))
	p.WaitFor(`document.querySelectorAll("#compare table.scores tbody tr").length === 3`)
	for _, part := range []string{"#compare table.files", "#compare table.scores", "#compare #heat", "#compare table.chart", "#compare table.cands", `#compare [data-field="compare-label"]`, `#compare [data-field="compare-doc"]`} {
		showsPayload(t, p, part, "compare: "+part)
	}
	assert.Contains(t, p.Text("#compare table.files"), "made for another exercise ("+payloads[7]+")", "the flag names the other exercise as text")
	checkScreen(t, p, "compare")
	p.Click(`[data-action="close-compare"]`)
	p.WaitFor(`document.getElementById("compare").hidden`)

	// A student's work: the exercise's title and instructions above the text.
	p.Do(chromedp.SetUploadFiles("#open-file", []string{class[1]}))
	p.WaitFor(`!document.getElementById("instructions").hidden`)
	showsPayload(t, p, "#instructions", "the exercise instructions")
	checkScreen(t, p, "the exercise instructions")
	browsertest.Screenshot(t, p.Ctx, "hostile-data-"+strings.ReplaceAll(t.Name()[strings.LastIndex(t.Name(), "/")+1:], " ", "-"))
}

func TestContentSecurityPolicyBlocksInjectedInlineScript(t *testing.T) {
	p := browsertest.Open(t, serveSite(t), "")
	p.Click(`[data-action="sample"]`)
	blocked := browsertest.EvalAwait[bool](p, `new Promise(resolve => {
		document.addEventListener("securitypolicyviolation", () => resolve(window.__csp === undefined), {once: true});
		const s = document.createElement("script");
		s.textContent = "window.__csp = 1";
		document.body.appendChild(s);
		setTimeout(() => resolve(false), 3000);
	})`)
	assert.True(t, blocked, "the inline script was blocked and reported as a CSP violation")
	assert.True(t, browsertest.Eval[bool](p, `window.__csp === undefined`))
}
