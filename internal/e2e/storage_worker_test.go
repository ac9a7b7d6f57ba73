//go:build !js

package e2e

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/browsertest"
	"sayso/internal/deliverytest"
)

// watchSaveWorker runs before the app: it records the workers the page
// makes, the writes it posts to them and their answers (window.__save),
// and the readwrite transactions the page opens itself. While
// window.__hold is set, the writes the page posts are held back, in
// order, until window.__release() posts them: a worker slow to start
// them.
const watchSaveWorker = `(() => {
	const s = window.__save = {workers: 0, ready: false, posted: 0, answered: 0, errors: [], pageWrites: 0, keys: []};
	window.__hold = false;
	const held = [];
	const Real = window.Worker;
	if (Real) {
		window.Worker = class extends Real {
			constructor(...args) {
				super(...args);
				s.workers++;
				this.addEventListener("message", (e) => {
					if (e.data && e.data.ready) s.ready = true;
					if (e.data && typeof e.data.id === "number") {
						s.answered++;
						if (e.data.error) s.errors.push(e.data.error);
					}
				});
			}
			postMessage(m, transfer) {
				if (m && m.ops) {
					s.posted++;
					for (let i = 1; i < m.ops.length; i += 3) s.keys.push(m.ops[i]);
					if (window.__hold) {
						held.push(() => super.postMessage(m, transfer));
						return;
					}
				}
				return super.postMessage(m, transfer);
			}
		};
	}
	window.__release = () => { window.__hold = false; held.splice(0).forEach((post) => post()); };
	const tx = IDBDatabase.prototype.transaction;
	IDBDatabase.prototype.transaction = function (names, mode, ...rest) {
		if (mode === "readwrite") s.pageWrites++;
		return tx.call(this, names, mode, ...rest);
	};
})()`

// storedFence is the fence the page last wrote in autosave's database
// ("" when none).
const storedFence = `new Promise((resolve) => {
	const q = indexedDB.open("sayso");
	q.onsuccess = () => {
		const g = q.result.transaction("kv").objectStore("kv").get("fence");
		g.onsuccess = () => { q.result.close(); resolve(typeof g.result === "string" ? g.result : ""); };
	};
})`

// openWatched opens the app in a fresh browser with watchSaveWorker, the
// origin's storage quota set to quota bytes first when quota > 0.
func openWatched(t *testing.T, url string, quota float64) *browsertest.Page {
	t.Helper()
	p := &browsertest.Page{T: t, Ctx: browsertest.New(t), Downloads: t.TempDir()}
	if quota > 0 {
		p.Do(chromedp.Navigate(strings.TrimSuffix(url, "/") + "/icon.svg"))
		overrideQuota(t, p, url, quota)
	}
	p.Do(chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: watchSaveWorker})
		return err
	}))
	p.Do(chromedp.Navigate(url))
	p.WaitReady()
	return p
}

// claim marks quote as a claim and waits until it is listed.
func claim(p *browsertest.Page, quote string, listed int) {
	p.SelectText(quote, 0)
	p.Press("c")
	p.WaitFor(sidebarCount + ` === ` + string(rune('0'+listed)))
}

func TestAChangeIsSavedByTheSaveWorkerNotOnThePagesThread(t *testing.T) {
	url := serveSite(t)
	p := openWatched(t, url, 0)
	p.Click(`[data-action="sample"]`)
	p.WaitFor(savedStatus)
	p.WaitFor(`window.__save.ready`)
	require.Equal(t, 1, browsertest.Eval[int](p, `window.__save.workers`), "one save worker")

	for i, q := range []string{"Nobody asked us", "Reyes told reporters", "They held one consultation"} {
		posted := browsertest.Eval[int](p, `window.__save.posted`)
		pageWrites := browsertest.Eval[int](p, `window.__save.pageWrites`)
		claim(p, q, i+1)
		p.WaitFor(`window.__save.posted > ` + strconv.Itoa(posted))
		p.WaitFor(savedStatus + ` && window.__save.answered === window.__save.posted`)
		assert.Equal(t, pageWrites, browsertest.Eval[int](p, `window.__save.pageWrites`), "the page opened no transaction of its own for change %d", i+1)
	}
	assert.Empty(t, browsertest.Eval[[]string](p, `window.__save.errors`))

	p.Do(chromedp.Reload())
	p.WaitReady()
	p.WaitFor(sidebarCount + ` === 3`)
	assert.Contains(t, p.Text("#sidebar"), "They held one consultation", "what the worker wrote is restored")
}

func TestAWriteTheWorkerIsRefusedSaysNotSavedAndKeepsTheLastCompleteState(t *testing.T) {
	url := serveSite(t)
	// Room for the sample and its annotations, not for a 3 MB article.
	p := openWatched(t, url, 1<<20)
	p.Click(`[data-action="sample"]`)
	p.WaitFor(`window.__save.ready`)
	claim(p, "Nobody asked us", 1)
	p.WaitFor(savedStatus + ` && window.__save.answered > 0 && window.__save.answered === window.__save.posted`)
	pageWrites := browsertest.Eval[int](p, `window.__save.pageWrites`)

	big := filepath.Join(t.TempDir(), "Harbour minutes.txt")
	require.NoError(t, os.WriteFile(big, []byte("Harbour minutes\n"+incompressible(3<<20)), 0o644))
	p.DropFiles(big)
	p.WaitFor(`document.getElementById("save-status").textContent.startsWith("Not saved")`)
	assert.Contains(t, p.Text("#save-status"), "storage is full")
	errs := browsertest.Eval[[]string](p, `window.__save.errors`)
	require.NotEmpty(t, errs)
	assert.Contains(t, errs[len(errs)-1], "QuotaExceededError", "the worker's transaction was the one refused")
	assert.Equal(t, pageWrites, browsertest.Eval[int](p, `window.__save.pageWrites`), "the page did not write it itself")

	again := p.NewTab(url)
	again.WaitFor(sidebarCount + ` === 1`)
	assert.NotContains(t, browsertest.Eval[string](again, docsButton), "/2", "the refused article is not half saved")
}

// Hidden while the worker has a write it has not started (held back
// here), the page writes that write itself, behind a new fence; the
// worker's copy, started after, reads the fence and writes nothing, so
// that it can never land after a later write.
func TestHidingThePageWhileTheWorkerHasAWriteWritesItInThePageAndTheWorkersCopyStandsDown(t *testing.T) {
	url := serveSite(t)
	p := openWatched(t, url, 0)
	p.Click(`[data-action="sample"]`)
	p.WaitFor(`window.__save.ready`)
	claim(p, "Nobody asked us", 1)
	p.WaitFor(savedStatus + ` && window.__save.answered > 0 && window.__save.answered === window.__save.posted`)

	browsertest.Eval[bool](p, `window.__hold = true`)
	posted := browsertest.Eval[int](p, `window.__save.posted`)
	pageWrites := browsertest.Eval[int](p, `window.__save.pageWrites`)
	claim(p, "Reyes told reporters", 2)
	p.WaitFor(`window.__save.posted > ` + strconv.Itoa(posted))
	assert.False(t, browsertest.Eval[bool](p, savedStatus), "the write is with the worker, not done")

	// The page is hidden: it saves at once, itself.
	browsertest.Eval[bool](p, `window.dispatchEvent(new PageTransitionEvent("pagehide", {persisted: true}))`)
	p.WaitFor(savedStatus)
	assert.Greater(t, browsertest.Eval[int](p, `window.__save.pageWrites`), pageWrites, "the page wrote the held write itself")
	assert.True(t, strings.HasSuffix(browsertest.EvalAwait[string](p, storedFence), ":1"), "behind a new fence")

	answered := browsertest.Eval[int](p, `window.__save.answered`)
	browsertest.Eval[bool](p, `(window.__release(), true)`)
	p.WaitFor(`window.__save.answered > ` + strconv.Itoa(answered))
	errs := browsertest.Eval[[]string](p, `window.__save.errors`)
	require.NotEmpty(t, errs)
	assert.Equal(t, "superseded", errs[len(errs)-1], "the worker's late copy wrote nothing")

	// Saving goes on through the worker.
	posted = browsertest.Eval[int](p, `window.__save.posted`)
	claim(p, "They held one consultation", 3)
	p.WaitFor(`window.__save.posted > ` + strconv.Itoa(posted))
	p.WaitFor(savedStatus + ` && window.__save.answered === window.__save.posted`)
	assert.Len(t, browsertest.Eval[[]string](p, `window.__save.errors`), len(errs), "no error since")

	p.Do(chromedp.Reload())
	p.WaitReady()
	p.WaitFor(sidebarCount + ` === 3`)
	for _, q := range []string{"Nobody asked us", "Reyes told reporters", "They held one consultation"} {
		assert.Contains(t, p.Text("#sidebar"), q)
	}
}

// A tab closed while the worker has a change's write: the save on
// leaving writes it in the page, which the worker does not outlive.
func TestClosingTheTabWhileTheWorkerHasAWriteLosesNothing(t *testing.T) {
	url := serveSite(t)
	home := browsertest.Open(t, url, "")
	home.Do(chromedp.Navigate("about:blank"))
	tab := home.NewTabWithScript(url, watchSaveWorker)
	tab.Click(`[data-action="sample"]`)
	tab.WaitFor(`window.__save.ready`)
	claim(tab, "Nobody asked us", 1)
	tab.WaitFor(savedStatus + ` && window.__save.answered > 0 && window.__save.answered === window.__save.posted`)
	browsertest.Eval[bool](tab, `window.__hold = true`)
	posted := browsertest.Eval[int](tab, `window.__save.posted`)
	claim(tab, "Reyes told reporters", 2)
	tab.WaitFor(`window.__save.posted > ` + strconv.Itoa(posted))
	closeTab(t, tab)

	again := home.NewTab(url)
	again.WaitFor(sidebarCount + ` === 2`)
	assert.Contains(t, again.Text("#sidebar"), "Reyes told reporters", "the save on close wrote the worker's write")
}

// The offline file, from file://, cannot start a worker (nor does it name
// one): it writes in the page as before, and the work comes back.
func TestTheOfflineFileSavesInThePageWithoutAWorkerAndRestores(t *testing.T) {
	url := deliverytest.OfflineFile(t)
	profile := filepath.Join(t.TempDir(), "profile")
	ctx := browsertest.NewWithProfile(t, profile)
	p := &browsertest.Page{T: t, Ctx: ctx, Downloads: t.TempDir()}
	p.Do(chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: watchSaveWorker})
		return err
	}))
	p.Do(chromedp.Navigate(url))
	p.WaitReady()
	p.Click(`[data-action="sample"]`)
	claim(p, "Nobody asked us", 1)
	p.WaitFor(savedStatus)
	claim(p, "Reyes told reporters", 2)
	p.WaitFor(savedStatus)
	// Past the idle time in which a worker would have started.
	time.Sleep(1500 * time.Millisecond)
	assert.Equal(t, 0, browsertest.Eval[int](p, `window.__save.workers`), "no worker made")
	assert.Equal(t, 0, browsertest.Eval[int](p, `window.__save.posted`))
	where := browsertest.EvalAwait[string](p, storageInUse)
	if where == "IndexedDB" {
		assert.Positive(t, browsertest.Eval[int](p, `window.__save.pageWrites`), "the page wrote itself")
	}
	assert.NotEqual(t, "none", where)

	p = reopen(t, p, url, profile)
	p.WaitFor(sidebarCount + ` === 2`)
	assert.Contains(t, p.Text("#sidebar"), "Reyes told reporters")
}

// The page killed while the worker writes: a change's save, then a
// compaction (its records and "applied" posted to the worker). Storage
// holds the last state whose write committed.
func TestAPageKilledWhileTheWorkerWritesLosesAtMostTheChangeInFlight(t *testing.T) {
	url := serveSite(t)
	home := browsertest.Open(t, url, "")
	home.Do(chromedp.Navigate("about:blank"))

	tab := home.NewTabWithScript(url, watchSaveWorker)
	tab.Click(`[data-action="sample"]`)
	tab.WaitFor(`window.__save.ready`)
	quotes := []string{"Nobody asked us", "Reyes told reporters", "They held one consultation"}
	for i, q := range quotes[:2] {
		claim(tab, q, i+1)
	}
	tab.WaitFor(savedStatus + ` && window.__save.answered > 0 && window.__save.answered === window.__save.posted`)
	posted := browsertest.Eval[int](tab, `window.__save.posted`)
	claim(tab, quotes[2], 3)
	tab.WaitFor(`window.__save.posted > ` + strconv.Itoa(posted))
	crash(tab)

	again := home.NewTab(url)
	again.WaitFor(sidebarCount + ` >= 2`)
	n := browsertest.Eval[int](again, sidebarCount)
	assert.Contains(t, []int{2, 3}, n, "everything saved before the change in flight is back")
	for _, q := range quotes[:n] {
		assert.Contains(t, again.Text("#sidebar"), q)
	}
	require.NoError(t, chromedp.Cancel(again.Ctx))

	para := strings.Repeat("The council said the plan was sound and the shops said it was not. ", 20) + "\n"
	body := "Long report\n" + strings.Repeat(para, (3<<19)/len(para))
	file := filepath.Join(t.TempDir(), "long report.txt")
	require.NoError(t, os.WriteFile(file, []byte(body), 0o644))
	tab = home.NewTabWithScript(url, watchSaveWorker)
	tab.AcceptDialogs()
	tab.WaitFor(`window.__save.ready`)
	tab.Click(`[data-action="new"]`)
	tab.WaitFor(`!document.getElementById("start").hidden`)
	tab.Do(chromedp.SetUploadFiles("#open-file-start", []string{file}))
	tab.WaitFor(`!document.getElementById("workspace").hidden`)
	tab.SelectText("The council said the plan was sound", 0)
	tab.Press("c")
	tab.WaitFor(savedStatus)
	tab.WaitFor(`window.__save.keys.some((k) => k === "applied" || k === "base" || k.startsWith("r/"))`)
	crash(tab)

	again = home.NewTab(url)
	again.WaitFor(sidebarCount + ` === 1`)
	assert.Contains(t, again.Text("#sidebar"), "The council said the plan was sound")
	assert.Equal(t, "long report", again.Text("#doc-title"))
}
