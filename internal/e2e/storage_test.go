//go:build !js

package e2e

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/browsertest"
)

const sidebarCount = `document.querySelectorAll("#sidebar [data-id]").length`

func TestInterruptedSaveLeavesThePreviousCompleteState(t *testing.T) {
	tests := []struct {
		name   string
		breaks string // the storage key whose write throws
	}{
		{"the snapshot write fails", "sayso:project:"},
		{"the pointer switch fails after the snapshot was written", "sayso:current"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := browsertest.Open(t, serveSite(t), "")
			p.Click(`[data-action="sample"]`)
			p.SelectText("Nobody asked us", 0)
			p.Press("c")
			p.WaitFor(`document.getElementById("save-status").textContent.startsWith("Saved")`)

			// From now on, that write throws, as a crash or a full disk would
			// stop it halfway.
			browsertest.Eval[bool](p, `(() => {
				const set = Storage.prototype.setItem;
				Storage.prototype.setItem = function (k, v) {
					if (k.startsWith(`+jsQuote(tc.breaks)+`)) throw new DOMException("interrupted", "QuotaExceededError");
					return set.call(this, k, v);
				};
				return true;
			})()`)
			p.SelectText("Reyes told reporters", 0)
			p.Press("s")
			p.WaitFor(`document.getElementById("save-status").textContent.startsWith("Not saved")`)
			assert.Contains(t, p.Text("#save-status"), "storage is full")
			assert.Equal(t, 2, browsertest.Eval[int](p, sidebarCount), "the work in the page is intact")
			p.Click("#export")
			assert.Contains(t, string(p.WaitDownload("Harbour town splits over plan for a car-free centre.sayso.json")), "Reyes told reporters", "export still works")

			p.Do(chromedp.Reload())
			p.WaitReady()
			p.WaitFor(sidebarCount + ` === 1`)
			assert.Contains(t, p.Text("#sidebar"), "Nobody asked us", "the previous complete snapshot is back")
		})
	}
}

func TestADocumentLargerThanStorageWarnsAndExportStillWorks(t *testing.T) {
	p := browsertest.Open(t, serveSite(t), "")
	// About 6 MB of text: under the 10 MB paste limit, over what local
	// storage holds for one site (5 MB).
	para := strings.Repeat("The council said the plan was sound and the shops said it was not. ", 40) + "\n"
	body := "Long report\n" + strings.Repeat(para, 6<<20/len(para))
	file := filepath.Join(t.TempDir(), "long report.txt")
	require.NoError(t, os.WriteFile(file, []byte(body), 0o644))
	p.Do(chromedp.SetUploadFiles("#open-file-start", []string{file}))
	p.WaitFor(`!document.getElementById("workspace").hidden`)
	p.SelectText("The council said the plan was sound", 0)
	p.Press("c")
	p.WaitFor(sidebarCount + ` === 1`)
	p.WaitFor(`document.getElementById("save-status").textContent.startsWith("Not saved")`)
	assert.Contains(t, p.Text("#save-status"), "storage is full")
	assert.Contains(t, p.Text("#save-status"), "Export")
	assert.Contains(t, p.Text("#sidebar"), "The council said the plan was sound", "the work in the page is intact")
	p.Click("#export")
	f := decodeProject(t, p.WaitDownload("long report.sayso.json"))
	require.Len(t, f.Annotations, 1, "the export holds the claim")
	assert.Equal(t, "The council said the plan was sound", f.Annotations[0].Quote)
}

// blockSavesUntilHidden runs in the page before the app: every write of
// an autosave snapshot or of its pointer throws, as a full storage would,
// until the page is being hidden or closed (pagehide, or visibilitychange
// to hidden). So the normal autosave cannot save anything, and what is in
// storage after the tab closed was saved by the save-on-close path alone.
// Its listeners are added before the app's, and in the capture phase, so
// the block is lifted before the app's own handlers run.
const blockSavesUntilHidden = `(() => {
	let hidden = false;
	window.__saysoBlockedWrites = 0;
	const snapshot = k => String(k).startsWith("sayso:project:") || String(k) === "sayso:current";
	for (const name of ["setItem", "removeItem"]) {
		const real = Storage.prototype[name];
		Storage.prototype[name] = function (k, ...rest) {
			if (!hidden && snapshot(k)) {
				window.__saysoBlockedWrites++;
				throw new DOMException("blocked until the page is hidden", "QuotaExceededError");
			}
			return real.call(this, k, ...rest);
		};
	}
	addEventListener("pagehide", () => { hidden = true; }, {capture: true});
	document.addEventListener("visibilitychange", () => {
		if (document.visibilityState === "hidden") hidden = true;
	}, {capture: true});
})()`

func TestClosingTheTabRightAfterAChangeLosesNothing(t *testing.T) {
	url := serveSite(t)
	first := browsertest.Open(t, url, "")
	first.Click(`[data-action="sample"]`)
	first.WaitFor(`document.getElementById("save-status").textContent.startsWith("Saved")`)

	tab := first.NewTabWithScript(url, blockSavesUntilHidden)
	tab.WaitFor(sidebarCount + ` === 0`)
	tab.SelectText("Nobody asked us", 0)
	tab.Press("c")
	// The autosave tried and was refused: nothing of the change is stored.
	tab.WaitFor(`document.getElementById("save-status").textContent.startsWith("Not saved")`)
	require.Positive(t, browsertest.Eval[int](tab, `window.__saysoBlockedWrites`), "the autosave's writes were refused")
	_, err := chromedp.Run(tab.Ctx, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, page.Close, cdp.Empty{})
		return err
	}))
	require.NoError(t, err)

	again := first.NewTab(url)
	again.WaitFor(sidebarCount + ` === 1`)
	assert.Contains(t, again.Text("#sidebar"), "Nobody asked us", "the save on close stored the change")
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
