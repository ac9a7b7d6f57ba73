//go:build !js

package e2e

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/storage"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/browsertest"
)

const sidebarCount = `document.querySelectorAll("#sidebar [data-id]").length`

const savedStatus = `document.getElementById("save-status").textContent.startsWith("Saved")`

// overrideQuota sets the storage quota of url's origin to bytes through
// the debugging protocol, or back to the browser's own with bytes < 0.
func overrideQuota(t *testing.T, p *browsertest.Page, url string, bytes float64) {
	t.Helper()
	params := storage.OverrideQuotaForOriginParams{Origin: strings.TrimSuffix(url, "/")}
	if bytes >= 0 {
		params.QuotaSize = &bytes
	}
	p.Do(chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, storage.OverrideQuotaForOrigin, params)
		return err
	}))
}

// openWithQuota starts a fresh browser, gives url's origin a quota of
// bytes through the debugging protocol, and only then opens the app.
// Chromium reads an origin's quota when its IndexedDB is first used and
// keeps the room left in mind for a while (a database closed just now is
// kept open a moment longer), so a quota lowered under a page that
// already saved may not apply yet; set before the first open, it does.
func openWithQuota(t *testing.T, url string, bytes float64) *browsertest.Page {
	t.Helper()
	p := &browsertest.Page{T: t, Ctx: browsertest.New(t), Downloads: t.TempDir()}
	require.NoError(t, browsertest.AllowDownloads(p.Ctx, p.Downloads))
	// A file of the site that uses no storage: the origin exists, the
	// app's database is not opened yet.
	p.Do(chromedp.Navigate(strings.TrimSuffix(url, "/") + "/icon.svg"))
	overrideQuota(t, p, url, bytes)
	p.Do(chromedp.Navigate(url))
	p.WaitReady()
	return p
}

// docsButton is the Documents button's text: "Documents 1/2" when the project holds two.
const docsButton = `document.getElementById("docs-button").textContent`

// incompressible is n bytes of words of random letters. Chromium
// compresses large IndexedDB values before it counts them against the
// quota, so a repeated paragraph of megabytes takes a few kilobytes.
func incompressible(n int) string {
	r := rand.New(rand.NewPCG(14, 5))
	var b strings.Builder
	for b.Len() < n {
		for range 2 + r.IntN(9) {
			b.WriteByte(byte('a' + r.IntN(26)))
		}
		if r.IntN(12) == 0 {
			b.WriteString(".\n")
		} else {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

func TestARefusedWriteSaysSoAndLeavesTheLastCompleteState(t *testing.T) {
	url := serveSite(t)
	// Room for the sample and its annotations, not for a 3 MB article.
	p := openWithQuota(t, url, 1<<20)
	p.Click(`[data-action="sample"]`)
	p.SelectText("Nobody asked us", 0)
	p.Press("c")
	p.WaitFor(savedStatus)

	// The large change: an article too big for the room left.
	big := filepath.Join(t.TempDir(), "Harbour minutes.txt")
	require.NoError(t, os.WriteFile(big, []byte("Harbour minutes\n"+incompressible(3<<20)), 0o644))
	p.DropFiles(big)
	p.WaitFor(`document.getElementById("save-status").textContent.startsWith("Not saved")`)
	assert.Contains(t, p.Text("#save-status"), "storage is full")
	assert.Contains(t, p.Text("#save-status"), "Export")
	assert.Contains(t, browsertest.Eval[string](p, docsButton), "/2", "the work in the page is intact")
	p.Click("#export")
	assert.Contains(t, string(p.WaitDownload("Harbour town splits over plan for a car-free centre and 1 more document.sayso.json")), "Harbour minutes", "export still works")

	again := p.NewTab(url)
	again.WaitFor(sidebarCount + ` === 1`)
	assert.Contains(t, again.Text("#sidebar"), "Nobody asked us", "the last complete state is what storage holds")
	assert.NotContains(t, browsertest.Eval[string](again, docsButton), "/2", "the refused article is not half saved")
	require.NoError(t, chromedp.Cancel(again.Ctx))

	// Space again: the next change saves the refused one with it.
	overrideQuota(t, p, url, -1)
	p.SelectText("They held one consultation", 0)
	p.Press("c")
	p.WaitFor(savedStatus)
	p.Do(chromedp.Reload())
	p.WaitReady()
	p.WaitFor(docsButton + `.endsWith("/2")`)
	p.WaitFor(sidebarCount + ` === 2`)
}

func TestALargePasteIsSavedAndRestoredExactly(t *testing.T) {
	p := browsertest.Open(t, serveSite(t), "")
	// 9.75 MiB: just under the 10 MB paste limit, twice what localStorage
	// holds for one site.
	body := openLongReportAndClaim(t, p, 39<<18)

	p.Do(chromedp.Reload())
	p.WaitReady()
	p.WaitFor(sidebarCount + ` === 1`)
	p.Click("#export")
	data := p.WaitDownload("long report.sayso.json")
	f := decodeProject(t, data)
	require.Len(t, f.Annotations, 1)
	assert.Equal(t, "Zoë said the plan was sound", f.Annotations[0].Quote)
	var ex exported
	require.NoError(t, json.Unmarshal(data, &ex))
	require.Len(t, ex.Documents, 1)
	want := body
	got := sha256.Sum256([]byte(ex.Documents[0].Text))
	wantSum := sha256.Sum256([]byte(want))
	assert.Equal(t, hex.EncodeToString(wantSum[:]), hex.EncodeToString(got[:]), "the text comes back exactly")
	assert.Equal(t, len(want), len(ex.Documents[0].Text))
}

func TestUndoAndRedoSurviveAReload(t *testing.T) {
	p := browsertest.Open(t, serveSite(t), "")
	p.Click(`[data-action="sample"]`)
	for i, quote := range []string{"Nobody asked us", "Reyes told reporters", "They held one consultation"} {
		p.SelectText(quote, 0)
		p.Press("c")
		p.WaitFor(sidebarCount + ` === ` + string(rune('1'+i)))
	}
	p.Press("z", chromedp.ModifierCtrl)
	p.WaitFor(sidebarCount + ` === 2`)
	p.WaitFor(savedStatus)

	p.Do(chromedp.Reload())
	p.WaitReady()
	p.WaitFor(sidebarCount + ` === 2`)
	p.Click("#doc")
	p.Press("z", chromedp.ModifierCtrl|chromedp.ModifierShift)
	p.WaitFor(sidebarCount + ` === 3`)
	assert.Contains(t, p.Text("#sidebar"), "They held one consultation", "redo after a reload")
	for n := 2; n >= 0; n-- {
		p.Press("z", chromedp.ModifierCtrl)
		p.WaitFor(sidebarCount + ` === ` + string(rune('0'+n)))
	}
	assert.True(t, browsertest.Eval[bool](p, `document.getElementById("undo").disabled`), "every step undone")
}

// legacySlots runs before the app: it puts a project where versions
// before IndexedDB kept it (two localStorage slots and a pointer), once.
func legacySlots(project string) string {
	return `(() => {
	if (localStorage.getItem("test:seeded")) return;
	localStorage.setItem("test:seeded", "1");
	localStorage.setItem("sayso:project:b", ` + jsQuote(project) + `);
	localStorage.setItem("sayso:current", "sayso:project:b");
})()`
}

func TestWorkSavedByAnOlderVersionMovesToIndexedDBOnce(t *testing.T) {
	url := serveSite(t)
	first := browsertest.Open(t, url, "")
	first.Click(`[data-action="sample"]`)
	first.SelectText("Nobody asked us", 0)
	first.Press("c")
	first.WaitFor(sidebarCount + ` === 1`)
	first.Click("#export")
	project := string(first.WaitDownload("Harbour town splits over plan for a car-free centre.sayso.json"))
	// Start again from nothing, as a browser that only ever ran the
	// older version.
	first.AcceptDialogs()
	first.Click(`[data-action="new"]`)
	first.WaitFor(`!document.getElementById("start").hidden`)
	// Only the older version's page is open: this one goes, with its
	// hold on the writer's lock.
	first.Do(chromedp.Navigate("about:blank"))

	tab := first.NewTabWithScript(url, legacySlots(project))
	tab.WaitFor(sidebarCount + ` === 1`)
	tab.WaitFor(savedStatus)
	tab.WaitFor(`localStorage.getItem("sayso:project:b") === null`)
	assert.Equal(t, 0, browsertest.EvalAwait[int](tab, `new Promise(r => { const q = indexedDB.open("sayso"); q.onsuccess = () => { const c = q.result.transaction("kv").objectStore("kv").count(); c.onsuccess = () => r(c.result > 0 ? 0 : 1); }; })`), "the work is in IndexedDB")

	tab.Do(chromedp.Reload())
	tab.WaitReady()
	tab.WaitFor(sidebarCount + ` === 1`)
	assert.Contains(t, tab.Text("#sidebar"), "Nobody asked us")
}

// blockSavesUntilHidden runs in the page before the app: every write to
// IndexedDB is refused, as a full storage would refuse it, until the page
// is being hidden or closed (pagehide, or visibilitychange to hidden). So
// the normal autosave cannot save anything, and what is in storage after
// the tab closed was saved by the save-on-close path alone. Its listeners
// are added before the app's, and in the capture phase, so the block is
// lifted before the app's own handlers run.
const blockSavesUntilHidden = `(() => {
	// No save worker: every write is the page's own, refused here.
	window.Worker = undefined;
	let hidden = false;
	window.__saysoBlockedWrites = 0;
	for (const name of ["put", "delete"]) {
		const real = IDBObjectStore.prototype[name];
		IDBObjectStore.prototype[name] = function (...args) {
			if (!hidden) {
				window.__saysoBlockedWrites++;
				throw new DOMException("blocked until the page is hidden", "QuotaExceededError");
			}
			return real.apply(this, args);
		};
	}
	addEventListener("pagehide", () => { hidden = true; }, {capture: true});
	document.addEventListener("visibilitychange", () => {
		if (document.visibilityState === "hidden") hidden = true;
	}, {capture: true});
})()`

func closeTab(t *testing.T, p *browsertest.Page) {
	t.Helper()
	_, err := chromedp.Run(p.Ctx, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, page.Close, cdp.Empty{})
		return err
	}))
	require.NoError(t, err)
}

func TestClosingTheTabRightAfterAChangeLosesNothing(t *testing.T) {
	url := serveSite(t)
	first := browsertest.Open(t, url, "")
	first.Click(`[data-action="sample"]`)
	first.WaitFor(savedStatus)
	// One tab saves at a time: the first leaves the app.
	first.Do(chromedp.Navigate("about:blank"))

	tab := first.NewTabWithScript(url, blockSavesUntilHidden)
	tab.WaitFor(sidebarCount + ` === 0`)
	tab.SelectText("Nobody asked us", 0)
	tab.Press("c")
	// The autosave tried and was refused: nothing of the change is stored.
	tab.WaitFor(`document.getElementById("save-status").textContent.startsWith("Not saved")`)
	require.Positive(t, browsertest.Eval[int](tab, `window.__saysoBlockedWrites`), "the autosave's writes were refused")
	closeTab(t, tab)

	again := first.NewTab(url)
	again.WaitFor(sidebarCount + ` === 1`)
	assert.Contains(t, again.Text("#sidebar"), "Nobody asked us", "the save on close stored the change")
}

// watchWrites runs before the app: it counts IndexedDB readwrite
// transactions begun and completed, and notes when one writes the base,
// a record or "applied" (a compaction).
const watchWrites = `(() => {
	window.__writes = {begun: 0, done: 0, compacting: false};
	const tx = IDBDatabase.prototype.transaction;
	IDBDatabase.prototype.transaction = function (names, mode, ...rest) {
		const t = tx.call(this, names, mode, ...rest);
		if (mode === "readwrite") {
			window.__writes.begun++;
			t.addEventListener("complete", () => { window.__writes.done++; });
		}
		return t;
	};
	const put = IDBObjectStore.prototype.put;
	IDBObjectStore.prototype.put = function (v, k) {
		// A compaction writes the base, records, or moves "applied".
		if (k === "applied" || k === "base" || String(k).startsWith("r/")) window.__writes.compacting = true;
		return put.call(this, v, k);
	};
	// The same for the writes the page posts to its save worker.
	const W = window.Worker;
	if (W) window.Worker = class extends W {
		constructor(...args) {
			super(...args);
			this.addEventListener("message", (e) => {
				if (e.data && typeof e.data.id === "number" && !e.data.error) window.__writes.done++;
			});
		}
		postMessage(m, transfer) {
			if (m && m.ops) {
				window.__writes.begun++;
				for (let i = 1; i < m.ops.length; i += 3) {
					const k = String(m.ops[i]);
					if (k === "applied" || k === "base" || k.startsWith("r/")) window.__writes.compacting = true;
				}
			}
			return super.postMessage(m, transfer);
		}
	};
})()`

// crash crashes the tab's renderer, as a power cut or a killed browser
// would stop it.
func crash(p *browsertest.Page) {
	// The renderer dies before it answers: do not wait for the answer.
	ctx, cancel := context.WithTimeout(p.Ctx, 2*time.Second)
	defer cancel()
	_, _ = chromedp.Run(ctx, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, page.Crash, cdp.Empty{})
		return err
	}))
}

func TestAPageKilledDuringASaveOrACompactionLosesAtMostTheChangeInFlight(t *testing.T) {
	url := serveSite(t)
	home := browsertest.Open(t, url, "")
	// Tabs of one site may share a renderer: home, which opens the others,
	// stays out of the crashes on another page.
	home.Do(chromedp.Navigate("about:blank"))

	// A save in flight: the third claim's write has begun.
	tab := home.NewTabWithScript(url, watchWrites)
	tab.Click(`[data-action="sample"]`)
	quotes := []string{"Nobody asked us", "Reyes told reporters", "They held one consultation"}
	for i, q := range quotes[:2] {
		tab.SelectText(q, 0)
		tab.Press("c")
		tab.WaitFor(sidebarCount + ` === ` + string(rune('1'+i)))
	}
	tab.WaitFor(savedStatus)
	begun := browsertest.Eval[int](tab, `window.__writes.begun`)
	tab.SelectText(quotes[2], 0)
	tab.Press("c")
	tab.WaitFor(`window.__writes.begun > ` + fmt.Sprint(begun))
	crash(tab)

	again := home.NewTab(url)
	again.WaitFor(`document.querySelectorAll("#sidebar [data-id]").length >= 2`)
	n := browsertest.Eval[int](again, sidebarCount)
	assert.Contains(t, []int{2, 3}, n, "everything saved before the change in flight is back")
	for _, q := range quotes[:n] {
		assert.Contains(t, again.Text("#sidebar"), q)
	}
	require.NoError(t, chromedp.Cancel(again.Ctx))

	// A compaction in flight: a large article's save fills the log past
	// what is folded at once, and the page is killed as the fold writes.
	para := strings.Repeat("The council said the plan was sound and the shops said it was not. ", 20) + "\n"
	body := "Long report\n" + strings.Repeat(para, (3<<19)/len(para))
	file := filepath.Join(t.TempDir(), "long report.txt")
	require.NoError(t, os.WriteFile(file, []byte(body), 0o644))
	tab = home.NewTabWithScript(url, watchWrites)
	tab.AcceptDialogs()
	tab.Click(`[data-action="new"]`)
	tab.WaitFor(`!document.getElementById("start").hidden`)
	tab.Do(chromedp.SetUploadFiles("#open-file-start", []string{file}))
	tab.WaitFor(`!document.getElementById("workspace").hidden`)
	tab.SelectText("The council said the plan was sound", 0)
	tab.Press("c")
	tab.WaitFor(savedStatus)
	tab.WaitFor(`window.__writes.compacting`)
	crash(tab)

	again = home.NewTab(url)
	again.WaitFor(sidebarCount + ` === 1`)
	assert.Contains(t, again.Text("#sidebar"), "The council said the plan was sound")
	assert.Equal(t, "long report", again.Text("#doc-title"))
}

func TestBadPastesGiveAMessageAndKeepTheWork(t *testing.T) {
	p := browsertest.Open(t, serveSite(t), "")
	p.AcceptDialogs()

	// On the start screen: nothing to paste.
	for _, body := range []string{"", "   \n\t  "} {
		p.Click("#paste-text")
		p.Press("a", chromedp.ModifierCtrl)
		if body != "" {
			p.Type(body)
		} else {
			p.Press("\u007f")
		}
		p.Click(`[data-action="paste"]`)
		p.WaitFor(`document.getElementById("message").classList.contains("error")`)
		assert.Contains(t, p.Text("#message-text"), "There is no text to annotate")
		assert.True(t, p.Visible("#start"))
		p.Click(`[data-action="dismiss"]`)
	}

	// NUL and other control characters are removed, and said so.
	p.Click("#paste-text")
	p.Press("a", chromedp.ModifierCtrl)
	p.Type("Ana\x00 said\x1b it works.\rSecond line")
	p.Click(`[data-action="paste"]`)
	p.WaitFor(`!document.getElementById("workspace").hidden`)
	assert.Contains(t, p.Text("#message-text"), "Removed 2 control characters")
	assert.Equal(t, "Ana said it works.", p.Text("#p0"))
	assert.Equal(t, "Second line", p.Text("#p1"), "a lone CR ends a line")

	// With work open, an article over the limit is refused and the work stays.
	p.SelectText("it works", 0)
	p.Press("c")
	p.WaitFor(sidebarCount + ` === 1`)
	before := browsertest.Eval[string](p, `document.getElementById("doc").innerHTML + document.getElementById("sidebar").innerHTML`)
	big := filepath.Join(t.TempDir(), "huge.txt")
	require.NoError(t, os.WriteFile(big, []byte(strings.Repeat("word ", (11<<20)/5)), 0o644))
	p.Do(chromedp.SetUploadFiles("#open-file", []string{big}))
	p.WaitFor(`document.getElementById("message").classList.contains("error")`)
	assert.Contains(t, p.Text("#message-text"), "up to 10 MB")
	assert.Equal(t, before, browsertest.Eval[string](p, `document.getElementById("doc").innerHTML + document.getElementById("sidebar").innerHTML`))

	// A binary file renamed .json is not JSON.
	bin := filepath.Join(t.TempDir(), "photo.sayso.json")
	require.NoError(t, os.WriteFile(bin, []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe"), 0o644))
	p.Do(chromedp.SetUploadFiles("#open-file", []string{bin}))
	p.WaitFor(`document.getElementById("message-text").textContent.includes("photo.sayso.json")`)
	assert.Contains(t, p.Text("#message-text"), "not JSON")
	assert.Equal(t, before, browsertest.Eval[string](p, `document.getElementById("doc").innerHTML + document.getElementById("sidebar").innerHTML`))
}

// openLongReportAndClaim opens a plain-text report of about size bytes
// (a title, then one paragraph repeated: an emoji, a dash, a name with a
// diaeresis), tags its first sentence as a claim and waits until it is
// saved. It returns the report's text.
func openLongReportAndClaim(t *testing.T, p *browsertest.Page, size int) string {
	t.Helper()
	para := "Zoë said the plan was sound — the shops said it was not 🙂. " + strings.Repeat("The council met again. ", 30) + "\n"
	body := "Long report\n" + strings.Repeat(para, size/len(para))
	file := filepath.Join(t.TempDir(), "long report.txt")
	require.NoError(t, os.WriteFile(file, []byte(body), 0o644))
	p.Do(chromedp.SetUploadFiles("#open-file-start", []string{file}))
	p.WaitFor(`!document.getElementById("workspace").hidden`)
	p.SelectText("Zoë said the plan was sound", 0)
	p.Press("c")
	p.WaitFor(sidebarCount + ` === 1`)
	p.WaitFor(savedStatus)
	return body
}

// TestWithoutIndexedDBTheWorkIsKeptInLocalStorageAndSaysSo runs the app
// where IndexedDB is missing or refuses to open (some private modes and
// file:// pages): the page opens the storage while the program loads
// (web/boot.js), and the program must say why it keeps the work in
// localStorage, keep it there, and bring it back after a reload.
func TestWithoutIndexedDBTheWorkIsKeptInLocalStorageAndSaysSo(t *testing.T) {
	for _, c := range []struct {
		name, script, why string
	}{
		{
			name:   "IndexedDB missing",
			script: `Object.defineProperty(window, "indexedDB", {value: undefined, configurable: true})`,
			why:    "(IndexedDB is missing)",
		},
		{
			name:   "IndexedDB refusing to open",
			script: `IDBFactory.prototype.open = function () { throw new DOMException("The user denied permission.", "SecurityError"); }`,
			why:    "(open IndexedDB: SecurityError: The user denied permission.)",
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			q := browsertest.OpenWithScript(t, serveSite(t), c.script)
			assert.Contains(t, q.Text("#message-text"), "does not let Sayso use IndexedDB here "+c.why)
			q.Click(`[data-action="sample"]`)
			q.SelectText("Nobody asked us", 0)
			q.Press("c")
			q.WaitFor(sidebarCount + ` === 1`)
			q.WaitFor(savedStatus)
			assert.True(t, browsertest.Eval[bool](q, `Object.keys(localStorage).some(k => k.startsWith("sayso:") && localStorage.getItem(k).includes("Nobody asked us"))`),
				"the work is in localStorage")

			q.Do(chromedp.Reload())
			q.WaitReady()
			q.WaitFor(sidebarCount + ` === 1`)
			assert.Contains(t, q.Text("#sidebar"), "Nobody asked us", "the claim comes back after a reload")
		})
	}
}
