//go:build !js

package browsertest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// Page drives the Sayso app as a person would: typing, selecting text with
// the mouse or the keyboard, pressing keys, clicking buttons, downloading.
// Every method fails the test on error.
type Page struct {
	T         testing.TB
	Ctx       context.Context
	Downloads string // folder downloads land in
}

// Open starts a browser (a fresh profile unless profile is given),
// navigates to url and waits for the app to be ready.
func Open(t testing.TB, url, profile string) *Page {
	t.Helper()
	var ctx context.Context
	if profile == "" {
		ctx = New(t)
	} else {
		ctx = NewWithProfile(t, profile)
	}
	p := &Page{T: t, Ctx: ctx, Downloads: t.TempDir()}
	if err := AllowDownloads(ctx, p.Downloads); err != nil {
		t.Fatal(err)
	}
	p.Do(chromedp.Navigate(url))
	p.WaitReady()
	return p
}

// OpenWithoutCSP is Open (fresh profile) with the page's
// Content-Security-Policy switched off (Page.setBypassCSP) before it
// loads: inline scripts and event-handler attributes run, so a test sees
// what the page's own escaping lets through, not what the CSP blocks.
func OpenWithoutCSP(t testing.TB, url string) *Page {
	t.Helper()
	ctx := New(t)
	p := &Page{T: t, Ctx: ctx, Downloads: t.TempDir()}
	if err := AllowDownloads(ctx, p.Downloads); err != nil {
		t.Fatal(err)
	}
	p.Do(chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, page.SetBypassCSP, page.SetBypassCSPParams{Enabled: true})
		return err
	}))
	p.Do(chromedp.Navigate(url))
	p.WaitReady()
	return p
}

// Do runs chromedp actions.
func (p *Page) Do(actions ...chromedp.Action[chromedp.Void]) {
	p.T.Helper()
	if err := chromedp.Do(p.Ctx, actions...); err != nil {
		p.T.Fatalf("browser: %v", err)
	}
}

// WaitReady waits for the app to boot.
func (p *Page) WaitReady() {
	p.T.Helper()
	if err := WaitReady(p.Ctx); err != nil {
		p.T.Fatal(err)
	}
}

// Eval evaluates a JavaScript expression and decodes its value into T.
func Eval[T any](p *Page, expr string) T {
	p.T.Helper()
	v, err := chromedp.Run(p.Ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		p.T.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// Text returns the text content of the first element matching a selector
// ("" when there is none).
func (p *Page) Text(sel string) string {
	p.T.Helper()
	return Eval[string](p, fmt.Sprintf(`(document.querySelector(%s) || {textContent: ""}).textContent`, jsString(sel)))
}

// Visible reports whether the element matching sel is displayed.
func (p *Page) Visible(sel string) bool {
	p.T.Helper()
	return Eval[bool](p, fmt.Sprintf(`(() => { const e = document.querySelector(%s); return !!e && e.getClientRects().length > 0; })()`, jsString(sel)))
}

// Click clicks the centre of the first visible element matching sel with
// the mouse, once it holds still where a person would click it (see
// steadyJS).
func (p *Page) Click(sel string) {
	p.T.Helper()
	r := p.rect(fmt.Sprintf(`document.querySelector(%s)`, jsString(sel)))
	p.Do(chromedp.MouseClickXY(r.X+r.W/2, r.Y+r.H/2))
}

type rect struct {
	X, Y, W, H float64
	// Covered names what a click at the centre reaches instead of the
	// element, when the element never came out from under it.
	Covered string
}

// steadyJS waits, as a person's eye does, until something to click holds
// still: measure() gives its viewport rectangle (null when it is gone),
// reveal() scrolls it into view, hits(el) says whether the element a
// pointer at the centre reaches is the target. It resolves to the
// rectangle once two animation frames in a row show the same box with
// its centre in view and reached, so that what the app left to the next
// frame (a list scrolled to its selection, a redraw) has happened; or,
// after about 100 frames, to the last box and what covers it. The page
// is scrolled only when the target is out of view or under something
// else (a sticky panel), as a person scrolls.
const steadyJS = `async function sayso_steady(measure, reveal, hits) {
	// One frame: resolved in a task after the frame's animation frame
	// callbacks, so that the app's own (a list scrolled to its
	// selection), requested before or after this one, have run.
	const frame = () => new Promise(done => {
		const t = setTimeout(done, 100); // a hidden tab has no frames
		requestAnimationFrame(() => { clearTimeout(t); setTimeout(done, 0); });
	});
	const describe = el => el ? el.outerHTML.slice(0, 120) : "nothing";
	let last = "", r = null, hit = null, revealed = false;
	for (let i = 0; i < 100; i++) {
		r = measure();
		if (!r || r.width === 0) return null;
		const x = r.left + r.width / 2, y = r.top + r.height / 2;
		if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) {
			reveal(); last = ""; await frame(); continue;
		}
		hit = document.elementFromPoint(x, y);
		const key = [r.left, r.top, r.width, r.height].join();
		if (key === last) {
			if (hits(hit)) return {X: r.left, Y: r.top, W: r.width, H: r.height, Covered: ""};
			if (!revealed) { // in view but under something (a sticky panel): scroll to it
				revealed = true; reveal(); last = ""; await frame(); continue;
			}
		}
		last = key;
		await frame();
	}
	return {X: r.left, Y: r.top, W: r.width, H: r.height, Covered: hits(hit) ? "" : describe(hit)};
}`

// rect waits until an element holds still in view (steadyJS), scrolling
// it into view if it is not, and returns its viewport rectangle.
func (p *Page) rect(elemExpr string) rect {
	p.T.Helper()
	r := EvalAwait[*rect](p, fmt.Sprintf(`(async () => { %s
		const e = %s;
		if (!e) return null;
		if (!e.getClientRects().length) return null;
		e.scrollIntoViewIfNeeded(true);
		return sayso_steady(() => e.isConnected ? e.getBoundingClientRect() : null,
			() => e.scrollIntoView({block: "center"}),
			h => !!h && (h === e || e.contains(h)));
	})()`, steadyJS, elemExpr))
	if r == nil {
		p.T.Fatalf("no visible element for %s", elemExpr)
	}
	if r.Covered != "" {
		p.T.Fatalf("%s is covered by %s", elemExpr, r.Covered)
	}
	return *r
}

// Type types text into the focused element as keyboard input would insert
// it (one insertText, as a paste or an input method does).
func (p *Page) Type(text string) {
	p.T.Helper()
	p.Do(chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := chromedp.Call(ctx, input.InsertText, input.InsertTextParams{Text: text})
		return err
	}))
}

// Press presses keys (see chromedp.KeyEvent) with optional modifiers.
func (p *Page) Press(keys string, mods ...chromedp.Modifier) {
	p.T.Helper()
	p.Do(chromedp.KeyEvent(keys, chromedp.KeyModifiers(mods...)))
}

// textRangeJS finds the nth occurrence of a string in the article's
// rendered text and returns a DOM Range over it.
const textRangeJS = `function sayso_range(needle, nth) {
	const root = document.getElementById("doc");
	const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
	const nodes = []; let text = "";
	for (let n = walker.nextNode(); n; n = walker.nextNode()) { nodes.push([n, text.length]); text += n.data; }
	let at = -1;
	for (let i = 0; i <= nth; i++) { at = text.indexOf(needle, at + 1); if (at < 0) return null; }
	const locate = (pos, end) => {
		for (let i = nodes.length - 1; i >= 0; i--) {
			const [n, o] = nodes[i];
			if (o < pos || (o === pos && !end) || (o === pos && i === 0)) return [n, pos - o];
		}
		return [nodes[0][0], 0];
	};
	const r = document.createRange();
	const s = locate(at, false), e = locate(at + needle.length, true);
	r.setStart(s[0], s[1]); r.setEnd(e[0], e[1]);
	return r;
}
function sayso_show(r) {
	const first = r.getClientRects()[0];
	const seen = first.top >= 0 && first.bottom <= innerHeight &&
		document.getElementById("doc").contains(document.elementFromPoint(first.left + first.width / 2, first.top + first.height / 2));
	if (seen) return; // in view, not under the toolbar: a person does not scroll
	window.scrollBy(0, first.top - innerHeight / 3);
}`

// steadyTextJS defines sayso_steady_text(needle, nth): it waits until the
// nth occurrence of needle in the article holds still in view
// (steadyJS), scrolling to it if it is not, and resolves to its client
// rectangles (those with a width; a line's end can give an empty one),
// and what covers its first if something does; null when the text is
// not there.
const steadyTextJS = textRangeJS + steadyJS + `
async function sayso_steady_text(needle, nth) {
	const find = () => sayso_range(needle, nth);
	const boxes = r => [...r.getClientRects()].filter(b => b.width > 0);
	const first = find();
	if (!first) return null;
	sayso_show(first);
	const doc = document.getElementById("doc");
	const at = await sayso_steady(() => { const r = find(); return r && boxes(r)[0]; },
		() => { const r = find(); if (r) sayso_show(r); },
		h => !!h && doc.contains(h));
	const r = find();
	if (!r || !at || boxes(r).length === 0) return null;
	return {boxes: boxes(r), covered: at.Covered};
}`

// steadyText finds the nth occurrence of needle (sayso_steady_text) and
// gives the chosen points of its boxes (pick, in JavaScript, from boxes),
// failing the test when the text is not in the article or stays covered.
func (p *Page) steadyText(needle string, nth int, pick string) []float64 {
	p.T.Helper()
	p.waitForText(needle, nth)
	type found struct {
		Points  []float64
		Covered string
	}
	f := EvalAwait[*found](p, fmt.Sprintf(`(async () => { %s
		const t = await sayso_steady_text(%s, %d);
		if (!t) return null;
		const boxes = t.boxes;
		return {Points: %s, Covered: t.covered};
	})()`, steadyTextJS, jsString(needle), nth, pick))
	if f == nil {
		p.T.Fatalf("text %q (occurrence %d) is not in the article", needle, nth)
	}
	if f.Covered != "" {
		p.T.Fatalf("text %q (occurrence %d) is covered by %s", needle, nth, f.Covered)
	}
	return f.Points
}

// SelectText selects the nth (from 0) occurrence of needle in the article
// by dragging the mouse from its first character to its last, once the
// text holds still in view (steadyJS).
func (p *Page) SelectText(needle string, nth int) {
	p.T.Helper()
	pt := p.steadyText(needle, nth, `(() => {
			const a = boxes[0], b = boxes[boxes.length - 1];
			return [a.left + 1, a.top + a.height / 2, b.right - 1, b.top + b.height / 2];
		})()`)
	x1, y1, x2, y2 := pt[0], pt[1], pt[2], pt[3]
	p.Do(
		chromedp.MouseEvent(chromedp.MouseMoved, x1, y1),
		chromedp.MouseEvent(chromedp.MousePressed, x1, y1, chromedp.ButtonLeft, chromedp.ClickCount(1)),
		chromedp.MouseEvent(chromedp.MouseMoved, (x1+x2)/2, (y1+y2)/2, chromedp.ButtonLeft),
		chromedp.MouseEvent(chromedp.MouseMoved, x2, y2, chromedp.ButtonLeft),
		chromedp.MouseEvent(chromedp.MouseReleased, x2, y2, chromedp.ButtonLeft, chromedp.ClickCount(1)),
	)
	if got := p.Selected(); strings.TrimSpace(got) == "" {
		p.T.Fatalf("dragging over %q selected nothing", needle)
	}
}

// waitForText waits until the nth occurrence of needle is in the article,
// as a person waits for the page to show it (an action just taken may
// draw it in a later frame on a loaded machine); when it never comes,
// SelectText and ClickText say so.
func (p *Page) waitForText(needle string, nth int) {
	p.T.Helper()
	cond := fmt.Sprintf(`(() => { %s return sayso_range(%s, %d) !== null; })()`, textRangeJS, jsString(needle), nth)
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) && !Eval[bool](p, cond) {
		time.Sleep(30 * time.Millisecond)
	}
}

// ClickText clicks the middle of the nth occurrence of needle in the
// article, once it holds still in view (steadyJS), with modifiers held if
// given (Shift+click extends a selection).
func (p *Page) ClickText(needle string, nth int, mods ...chromedp.Modifier) {
	p.T.Helper()
	pt := p.steadyText(needle, nth, `[boxes[0].left + boxes[0].width / 2, boxes[0].top + boxes[0].height / 2]`)
	p.Do(chromedp.MouseClickXY(pt[0], pt[1], chromedp.ButtonModifiers(mods...)))
}

// Selected is the page's current text selection.
func (p *Page) Selected() string {
	p.T.Helper()
	return Eval[string](p, `String(getSelection())`)
}

// WaitFor polls a JavaScript condition until it is true or 30 s pass (a
// bound for what never happens, generous for a loaded machine).
func (p *Page) WaitFor(cond string) {
	p.T.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if Eval[bool](p, cond) {
			return
		}
		time.Sleep(30 * time.Millisecond)
	}
	p.T.Fatalf("timed out waiting for %s", cond)
}

// WaitDownload waits for a finished download named name and returns its
// bytes: the file is there, not empty, Chromium has no partial download
// (.crdownload) left in the folder, and two reads in a row agree, so a
// large file still being written is not taken half way.
func (p *Page) WaitDownload(name string) []byte {
	p.T.Helper()
	path := filepath.Join(p.Downloads, name)
	deadline := time.Now().Add(60 * time.Second)
	var last []byte
	for time.Now().Before(deadline) {
		partial, _ := filepath.Glob(filepath.Join(p.Downloads, "*.crdownload"))
		if b, err := os.ReadFile(path); err == nil && len(b) > 0 && len(partial) == 0 {
			if last != nil && bytes.Equal(last, b) {
				return b
			}
			last = b
		} else {
			last = nil
		}
		time.Sleep(50 * time.Millisecond)
	}
	entries, _ := os.ReadDir(p.Downloads)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	p.T.Fatalf("download %q did not arrive; the folder has %v", name, names)
	return nil
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// NewTab opens url in another tab of the same browser (same profile and
// storage) and waits for the app there.
func (p *Page) NewTab(url string) *Page {
	p.T.Helper()
	ctx, cancel := chromedp.NewContext(p.Ctx)
	p.T.Cleanup(cancel)
	q := &Page{T: p.T, Ctx: ctx, Downloads: p.Downloads}
	q.Do(chromedp.Navigate(url))
	q.WaitReady()
	return q
}

// NewTabWithScript is NewTab with script run in the page before any of
// its own scripts, on every document the tab loads
// (Page.addScriptToEvaluateOnNewDocument).
func (p *Page) NewTabWithScript(url, script string) *Page {
	p.T.Helper()
	ctx, cancel := chromedp.NewContext(p.Ctx)
	p.T.Cleanup(cancel)
	q := &Page{T: p.T, Ctx: ctx, Downloads: p.Downloads}
	q.openWithScript(url, script)
	return q
}

// OpenWithScript is Open (fresh profile) with script run in the page
// before any of its own scripts, on every document the tab loads.
func OpenWithScript(t testing.TB, url, script string) *Page {
	t.Helper()
	p := &Page{T: t, Ctx: New(t), Downloads: t.TempDir()}
	if err := AllowDownloads(p.Ctx, p.Downloads); err != nil {
		t.Fatal(err)
	}
	p.openWithScript(url, script)
	return p
}

// openWithScript adds script to every document of p's tab
// (Page.addScriptToEvaluateOnNewDocument), then loads url and waits for
// the app to be ready.
func (p *Page) openWithScript(url, script string) {
	p.T.Helper()
	p.Do(chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: script})
		return err
	}))
	p.Do(chromedp.Navigate(url))
	p.WaitReady()
}

// EvalAwait evaluates an expression that yields a Promise and decodes what
// it resolves to.
func EvalAwait[T any](p *Page, expr string) T {
	p.T.Helper()
	v, err := chromedp.Run(p.Ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		p.T.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// acceptQuestionsJS answers OK to every question the app asks in its own
// confirmation dialog (#confirm), as soon as it shows.
const acceptQuestionsJS = `(() => {
	const answer = () => {
		const d = document.getElementById("confirm");
		const ok = d && !d.hidden && d.querySelector('[data-action="confirm-yes"]');
		if (ok) ok.click();
	};
	const watch = () => new MutationObserver(answer).observe(document.body, {subtree: true, attributes: true, attributeFilter: ["hidden"], childList: true});
	if (document.body) watch(); else addEventListener("DOMContentLoaded", watch);
})()`

// AcceptDialogs answers OK to every question the page asks for the rest of
// the test: those of the app's own confirmation dialog (pressing its OK
// button as soon as it shows, on this page and after a reload) and any
// native confirm().
func (p *Page) AcceptDialogs() {
	p.T.Helper()
	events := chromedp.Events(p.Ctx, page.JavascriptDialogOpening)
	go func() {
		for _, err := range events {
			if err != nil {
				return
			}
			_, _ = chromedp.Call(p.Ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: true})
		}
	}()
	p.Do(chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: acceptQuestionsJS})
		return err
	}))
	Eval[bool](p, acceptQuestionsJS+", true")
}

// DropFiles drags files from the desktop onto the middle of the page and
// drops them.
func (p *Page) DropFiles(files ...string) {
	p.T.Helper()
	x := Eval[float64](p, `innerWidth / 2`)
	y := Eval[float64](p, `innerHeight / 2`)
	data := &input.DragData{Items: []*input.DragDataItem{}, Files: files, DragOperationsMask: 1}
	for _, typ := range []input.DispatchDragEventType{
		input.DispatchDragEventTypeDragEnter, input.DispatchDragEventTypeDragOver, input.DispatchDragEventTypeDrop,
	} {
		p.Do(chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Call(ctx, input.DispatchDragEvent, input.DispatchDragEventParams{Type: typ, X: x, Y: y, Data: data})
			return err
		}))
	}
}
