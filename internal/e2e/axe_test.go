//go:build !js

package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/browsertest"
	"sayso/internal/chromium"
	"sayso/internal/format/native"
	"sayso/internal/testenv"
)

// axeTags are the rule sets every screen is audited with: WCAG 2.0, 2.1
// and 2.2 at levels A and AA.
var axeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"}

// viewport is a screen size the app is audited and photographed at.
type viewport struct {
	name          string
	width, height int64
}

// viewports: a laptop, a tablet upright, a phone.
var viewports = []viewport{
	{"1366x768", 1366, 768},
	{"820x1000", 820, 1000},
	{"390x844", 390, 844},
}

// axeSource is axe-core's source, pinned in tools/axe/package-lock.json
// and installed by `make axe-deps` (a prerequisite of `make test`).
func axeSource(t *testing.T) string {
	t.Helper()
	path := filepath.Join(browsertest.ModuleRoot(t), "tools", "axe", "node_modules", "axe-core", "axe.min.js")
	src, err := os.ReadFile(path)
	if err != nil {
		testenv.Missing(t, "axe-core is not installed (%v): `make axe-deps` installs it with npm ci in tools/axe", err)
	}
	return string(src)
}

// axeViolation is the part of an axe result the test reports.
type axeViolation struct {
	ID      string `json:"id"`
	Impact  string `json:"impact"`
	Help    string `json:"help"`
	HelpURL string `json:"helpUrl"`
	Nodes   []struct {
		Target         []any  `json:"target"`
		FailureSummary string `json:"failureSummary"`
		HTML           string `json:"html"`
	} `json:"nodes"`
}

// audit runs axe-core on the page as it is now. axe's source is
// evaluated through the debugging protocol (Runtime.evaluate), which the
// page's Content-Security-Policy does not govern: the CSP stays as it is.
// Each violation is reported with the elements it was found on.
func audit(t *testing.T, p *browsertest.Page, src, screen string) {
	t.Helper()
	if !browsertest.Eval[bool](p, `typeof window.axe === "object"`) {
		if _, err := chromedp.Run(p.Ctx, chromedp.Evaluate[any](src+"\n;true")); err != nil {
			t.Fatalf("inject axe-core: %v", err)
		}
	}
	tags, _ := json.Marshal(axeTags)
	raw := browsertest.EvalAwait[string](p, `axe.run(document, {
		runOnly: {type: "tag", values: `+string(tags)+`},
		rules: {"target-size": {enabled: true}},
		resultTypes: ["violations"],
	}).then(r => JSON.stringify(r.violations))`)
	var vs []axeViolation
	require.NoError(t, json.Unmarshal([]byte(raw), &vs))
	for _, v := range vs {
		var where []string
		for _, n := range v.Nodes {
			where = append(where, fmt.Sprintf("    %v  %s\n      %s", n.Target, strings.ReplaceAll(n.FailureSummary, "\n", " "), trimTo(n.HTML, 160)))
		}
		t.Errorf("%s: axe %s (%s): %s %s\n%s", screen, v.ID, v.Impact, v.Help, v.HelpURL, strings.Join(where, "\n"))
	}
}

func trimTo(s string, n int) string {
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}

// axeTimeout bounds one viewport's walk through every screen: seventeen
// axe runs on a loaded machine outlast browsertest.Timeout.
const axeTimeout = 10 * time.Minute

// openPatient is browsertest.Open with axeTimeout for the browser.
func openPatient(t *testing.T, url string) *browsertest.Page {
	t.Helper()
	path := browsertest.ChromiumPath()
	if path == "" {
		browsertest.Missing(t, "chromium is not installed (make browser-deps installs it)")
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), chromium.Options(path, t.TempDir(), 1366, 900)...)
	ctx, cancelCtx := chromedp.NewContext(alloc)
	ctx, cancelTimeout := context.WithTimeout(ctx, axeTimeout)
	t.Cleanup(func() { cancelTimeout(); cancelCtx(); cancelAlloc() })
	p := &browsertest.Page{T: t, Ctx: ctx, Downloads: t.TempDir()}
	require.NoError(t, browsertest.AllowDownloads(ctx, p.Downloads))
	p.Do(chromedp.Navigate(url))
	p.WaitReady()
	return p
}

// setViewport makes the page's viewport w×h CSS pixels.
func setViewport(p *browsertest.Page, v viewport) {
	p.T.Helper()
	p.Do(chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
			Width: v.width, Height: v.height, DeviceScaleFactor: 1,
		})
		return err
	}))
}

// shoot saves what the viewport shows (not the whole page: what fits
// without scrolling is the point) in build/test-artifacts.
func shoot(t *testing.T, p *browsertest.Page, name string) {
	t.Helper()
	png, err := chromedp.Run(p.Ctx, chromedp.CaptureScreenshot())
	require.NoError(t, err)
	dir := filepath.Join(browsertest.ModuleRoot(t), "build", "test-artifacts", "screens")
	require.NoError(t, os.MkdirAll(dir, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644))
}

// classFiles writes an answer key and two students' exports of the sample
// article (made by the app itself) for Compare.
func classFiles(t *testing.T, dir string) []string {
	t.Helper()
	var files []string
	for i, quotes := range [][]string{
		{"a slow death for small businesses", "Our streets were built for people, not for parking"},
		{"a slow death for small businesses"},
		{"Our streets were built for people, not for parking", "Nobody asked us"},
	} {
		var f map[string]any
		require.NoError(t, json.Unmarshal(sampleExport(t, quotes...), &f))
		f["annotator"] = []string{"Key", "Ana", "Ben"}[i]
		data, err := json.Marshal(f)
		require.NoError(t, err)
		path := filepath.Join(dir, fmt.Sprintf("%d.sayso.json", i))
		require.NoError(t, os.WriteFile(path, data, 0o644))
		files = append(files, path)
	}
	return files
}

// anotherSample is a native project holding the sample article again, so
// that importing it asks what to do with the document it already has.
func anotherSample(t *testing.T, dir string) string {
	t.Helper()
	p, err := native.Decode(sampleExport(t, "a slow death for small businesses"))
	require.NoError(t, err)
	p.Schema = annotation.DefaultSchema()
	data, err := native.Encode(p)
	require.NoError(t, err)
	path := filepath.Join(dir, "again.sayso.json")
	require.NoError(t, os.WriteFile(path, data, 0o644))
	return path
}

// TestEveryScreenPassesAxeAtEverySize walks every screen of the app at
// three sizes, runs axe-core on each (WCAG 2.2 AA, target size included;
// every violation fails the test with its elements) and saves a
// screenshot of each in build/test-artifacts/screens.
func TestEveryScreenPassesAxeAtEverySize(t *testing.T) {
	src := axeSource(t)
	site := serveSite(t)
	dir := t.TempDir()
	class := classFiles(t, dir)
	again := anotherSample(t, dir)
	columns := filepath.Join(dir, "renamed.jsonl")
	require.NoError(t, os.WriteFile(columns, []byte(columnsFile), 0o644))

	for _, v := range viewports {
		t.Run(v.name, func(t *testing.T) {
			p := openPatient(t, site)
			var native atomic.Bool // a native confirm() opened
			go func() {
				for _, err := range chromedp.Events(p.Ctx, page.JavascriptDialogOpening) {
					if err != nil {
						return
					}
					native.Store(true)
					_, _ = chromedp.Call(p.Ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
				}
			}()
			setViewport(p, v)
			check := func(screen string) {
				t.Helper()
				audit(t, p, src, screen)
				shoot(t, p, v.name+"-"+screen)
			}
			esc := func(id string) {
				t.Helper()
				p.Press("\u001b")
				p.WaitFor(`document.getElementById("` + id + `").hidden`)
			}
			check("start")
			p.Do(chromedp.SetUploadFiles("#open-file-start", []string{columns}))
			p.WaitFor(`!document.getElementById("columns").hidden`)
			check("columns-dialog")
			esc("columns")

			p.Click(`[data-action="sample"]`)
			p.WaitFor(`!document.getElementById("workspace").hidden`)
			check("opened")
			claimBy(p, "Tomas Reyes", slowDeath, "2")
			claimBy(p, "Mayor Ines Okafor", ourStreets, "1")
			p.SelectText("said", 0)
			p.Press("q")
			p.WaitFor(sidebarCount + ` === 5`)
			p.Press("\u001b")
			browsertest.Eval[bool](p, `(scrollTo(0, 0), true)`)
			check("workspace")

			p.Click(`#sidebar .item.l-claim`)
			p.WaitFor(`document.querySelector("#inspector .insp-head") !== null`)
			browsertest.Eval[bool](p, `(scrollTo(0, 0), true)`)
			check("inspector")
			browsertest.Eval[bool](p, `(document.getElementById("sidebar").scrollIntoView(), true)`)
			check("annotation-list")

			// Edit text…, the button beside the title.
			browsertest.Eval[bool](p, `(scrollTo(0, 0), true)`)
			p.Click(`[data-action="edit-text"]`)
			p.WaitFor(`!document.getElementById("textedit").hidden`)
			check("edit-text")
			esc("textedit")

			// Suggest (g): dashed suggestions in the text, their group atop the side list.
			browsertest.Eval[bool](p, `(document.activeElement && document.activeElement.blur(), scrollTo(0, 0), true)`)
			p.Press("g")
			p.WaitFor(`document.querySelectorAll("#sidebar .sg").length > 0`)
			check("suggestions")
			browsertest.Eval[bool](p, `(document.getElementById("sidebar").scrollIntoView(), true)`)
			check("suggestions-list")
			browsertest.Eval[bool](p, `(scrollTo(0, 0), true)`)

			// The Set up ▾ menu open.
			clickBar(p, "#setup-button")
			p.WaitFor(`!document.getElementById("setup-menu").hidden`)
			check("setup-menu")
			p.Press("\u001b")
			p.WaitFor(`document.getElementById("setup-menu").hidden`)
			closeBarMenu(p)

			// A narrow screen's toolbar Menu opened.
			if p.Visible("#bar-menu") {
				p.Click("#bar-menu")
				p.WaitFor(`document.getElementById("bar-menu").getAttribute("aria-expanded") === "true"`)
				check("toolbar-menu")
				closeBarMenu(p)
			}

			p.Press("?")
			p.WaitFor(`!document.getElementById("help").hidden`)
			check("help")
			esc("help")

			openExportMenu(p)
			check("export-menu")
			esc("export-menu")

			openDocs(p)
			check("documents")
			esc("docs")
			openSetup(p, "schema")
			p.WaitFor(`!document.getElementById("schema").hidden`)
			check("labels-and-stances")
			esc("schema")

			openSetup(p, "exercise")
			p.WaitFor(`!document.getElementById("exercise").hidden`)
			check("exercise-builder")
			typeInto(p, `#exercise [data-field="exercise-title"]`, "Week 3")
			p.Click(`[data-action="exercise-page"]`)
			studentPage := p.WaitDownload("sayso-Week 3.html")
			esc("exercise")

			openDocs(p)
			p.Do(chromedp.SetUploadFiles("#import-file", []string{again}))
			p.WaitFor(`!document.getElementById("import").hidden`)
			check("import-dialog")
			esc("import")
			if !browsertest.Eval[bool](p, `document.getElementById("docs").hidden`) {
				esc("docs")
			}

			// A confirmation: New with annotations asks first.
			before := browsertest.Eval[string](p, openDialogsJS)
			clickBar(p, "#new")
			deadline := time.Now().Add(30 * time.Second)
			for !native.Load() && browsertest.Eval[string](p, openDialogsJS) == before {
				require.True(t, time.Now().Before(deadline), "New asked nothing")
				time.Sleep(30 * time.Millisecond)
			}
			if native.Load() {
				t.Log("the confirmation is a native confirm(), which axe cannot audit")
			} else {
				check("confirmation")
				p.Press("\u001b")
			}

			clickBar(p, "#compare-button")
			p.WaitFor(`!document.getElementById("compare").hidden`)
			p.Do(chromedp.SetUploadFiles("#compare-files", class))
			p.WaitFor(`document.querySelector('#compare [data-field="compare-key"][data-file="0"]') !== null`)
			p.Click(`#compare [data-field="compare-key"][data-file="0"]`) // Key's file is the answer key
			p.WaitFor(`document.querySelectorAll("#compare table.scores tbody tr").length === 2`)
			browsertest.Eval[bool](p, `(scrollTo(0, 0), true)`)
			check("compare")
			p.Click(`[data-action="close-compare"]`)
			p.WaitFor(`document.getElementById("compare").hidden`)

			// The student's offline page, from file://.
			path := filepath.Join(t.TempDir(), "student.html")
			require.NoError(t, os.WriteFile(path, studentPage, 0o644))
			p.Do(chromedp.Navigate("file://" + filepath.ToSlash(path)))
			p.WaitReady()
			p.WaitFor(`!document.getElementById("name-dialog").hidden`)
			check("student-name")
			p.Click("#student-name")
			p.Type("Ana")
			p.Press("\r")
			p.WaitFor(`document.getElementById("name-dialog").hidden`)
			check("student-page")

			// The inspector's speaker choice: a bare surname two speakers
			// share, in a fresh browser (the sample's speakers stay out).
			p = openPatient(t, site)
			setViewport(p, v)
			pasteArticle(p, "Campus", "Wang Wen, the dean, said yes. Mayor Ines Okafor agreed. "+
				"Later Okafor said more. Wang Li disagreed. In the end Wang left.")
			for i, mention := range []struct {
				text string
				mods []chromedp.Modifier
			}{{"Wang Wen,", []chromedp.Modifier{chromedp.ModifierAlt}}, {"Wang Li", nil}} {
				p.SelectText(mention.text, 0)
				p.Press("s", mention.mods...)
				p.WaitFor(fmt.Sprintf(`document.querySelector("#sidebar .summary").textContent.includes("%d speaker")`, i+1))
			}
			p.SelectText("Wang", 2)
			p.Press("s")
			p.WaitFor(`document.querySelector("#sidebar .summary").textContent.startsWith("3 annotations")`)
			// Where the inspector stays on the earlier mention, the list opens the new one.
			if !browsertest.Eval[bool](p, `document.querySelector("#inspector .undecided") !== null`) {
				id := browsertest.Eval[string](p, `[...document.querySelectorAll("#sidebar [data-id]")].find(e => e.textContent.trim().endsWith("Wang")).dataset.id`)
				p.Click(`#sidebar [data-id="` + id + `"]`)
			}
			p.WaitFor(`document.querySelector("#inspector .undecided") !== null`)
			browsertest.Eval[bool](p, `(document.querySelector("#inspector .undecided").scrollIntoView(), true)`)
			check("speaker-choice")
		})
	}
}

// openDialogsJS lists the ids of the dialogs on show.
const openDialogsJS = `[...document.querySelectorAll('[role="dialog"], [role="alertdialog"], dialog')].filter(d => d.getClientRects().length > 0).map(d => d.id).join(" ")`

// clickBar clicks a toolbar button, opening the toolbar's menu first
// where a narrow screen folds the button into it.
func clickBar(p *browsertest.Page, sel string) {
	p.T.Helper()
	if !p.Visible(sel) && p.Visible("#bar-menu") {
		p.Click("#bar-menu")
		p.WaitFor(`document.getElementById("bar-menu").getAttribute("aria-expanded") === "true"`)
	}
	p.Click(sel)
}

// closeBarMenu closes the toolbar's menu where a narrow screen left it open.
func closeBarMenu(p *browsertest.Page) {
	p.T.Helper()
	if browsertest.Eval[bool](p, `document.getElementById("bar-menu").getAttribute("aria-expanded") === "true"`) {
		p.Click("#bar-menu")
		p.WaitFor(`document.getElementById("bar-menu").getAttribute("aria-expanded") === "false"`)
	}
}

func openDocs(p *browsertest.Page) {
	p.T.Helper()
	clickBar(p, "#docs-button")
	p.WaitFor(`!document.getElementById("docs").hidden`)
}

// openSetup chooses a setup command (schema, exercise): from the
// toolbar's Set up menu where the page has one, else from Documents.
func openSetup(p *browsertest.Page, action string) {
	p.T.Helper()
	if browsertest.Eval[bool](p, `document.getElementById("setup-button") !== null`) {
		clickBar(p, "#setup-button")
		p.WaitFor(`!document.getElementById("setup-menu").hidden`)
		p.Click(`#setup-menu [data-action="` + action + `"]`)
		return
	}
	openDocs(p)
	p.Click(`#docs [data-action="` + action + `"]`)
}

func openExportMenu(p *browsertest.Page) {
	p.T.Helper()
	clickBar(p, "#export-more")
	p.WaitFor(`!document.getElementById("export-menu").hidden`)
}
