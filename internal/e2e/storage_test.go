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
	p.WaitFor(`document.getElementById("save-status").textContent.startsWith("Not saved")`)
	assert.Contains(t, p.Text("#save-status"), "storage is full")
	assert.Contains(t, p.Text("#save-status"), "Export")
	assert.Equal(t, 1, browsertest.Eval[int](p, sidebarCount), "the work in the page is intact")
	p.Click("#export")
	data := p.WaitDownload("long report.sayso.json")
	assert.Contains(t, string(data), `"quote": "The council said the plan was sound"`)
}

func TestClosingTheTabRightAfterAChangeLosesNothing(t *testing.T) {
	url := serveSite(t)
	first := browsertest.Open(t, url, "")
	first.Click(`[data-action="sample"]`)
	first.WaitFor(`document.getElementById("save-status").textContent.startsWith("Saved")`)

	tab := first.NewTab(url)
	tab.SelectText("Nobody asked us", 0)
	tab.Press("c")
	// Close at once: well before the autosave delay; pagehide must flush.
	_, err := chromedp.Run(tab.Ctx, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, page.Close, cdp.Empty{})
		return err
	}))
	require.NoError(t, err)

	again := first.NewTab(url)
	again.WaitFor(sidebarCount + ` === 1`)
	assert.Contains(t, again.Text("#sidebar"), "Nobody asked us")
}
