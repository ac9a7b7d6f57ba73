//go:build !js

package e2e

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/cdproto/debugger"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/bench/corpus"
	"sayso/internal/browsertest"
)

// writeGenerated writes the project corpus.Generate makes of spec as a
// .sayso.json file in a temporary folder and returns its path and the
// generated corpus.
func writeGenerated(t *testing.T, spec corpus.Spec) (string, *corpus.Corpus) {
	t.Helper()
	c, err := corpus.Generate(spec)
	require.NoError(t, err)
	file := filepath.Join(t.TempDir(), spec.Name+".sayso.json")
	require.NoError(t, os.WriteFile(file, c.Native, 0o644))
	return file, c
}

// generatedProjectFile writes a generated article of 3 KB with 20
// annotations as a .sayso.json file and returns its path.
func generatedProjectFile(t *testing.T) string {
	t.Helper()
	file, _ := writeGenerated(t, corpus.Spec{Name: "open", Bytes: 3 << 10, Annotations: 20, Seed: 6})
	return file
}

const shownAnnotations = `(document.getElementById("workspace").hidden ? 0 : document.querySelectorAll("#sidebar [data-id]").length)`

// The first save of an opened project waits until the page has painted
// it; it still comes by itself, without another action.
func TestAnOpenedProjectIsSavedOnceShownAndComesBackAfterAReload(t *testing.T) {
	p := browsertest.Open(t, serveSite(t), "")
	p.Do(chromedp.SetUploadFiles("#open-file-start", []string{generatedProjectFile(t)}))
	p.WaitFor(shownAnnotations + ` > 0`)
	// The list's counts, not its rows: the rows drawn depend on the list's
	// height, measured a frame after the first drawing.
	counts := p.Text("#sidebar .summary")
	require.Contains(t, counts, "20 annotations")
	p.WaitFor(savedStatus)

	p.Do(chromedp.Reload())
	p.WaitReady()
	p.WaitFor(shownAnnotations + ` > 0`)
	assert.Equal(t, counts, p.Text("#sidebar .summary"), "the opened project is restored")
}

// openWithSavesBlockedUntilHidden opens a browser on about:blank (home:
// tabs of one site may share a renderer, and home stays out of what is
// done to the other), then a tab of the site whose writes are refused
// until it is hidden (blockSavesUntilHidden), and opens the generated
// project there. It returns both tabs and the list's counts shown.
func openWithSavesBlockedUntilHidden(t *testing.T, url string) (home, tab *browsertest.Page, counts string) {
	t.Helper()
	home = browsertest.Open(t, url, "")
	home.Do(chromedp.Navigate("about:blank"))
	tab = home.NewTabWithScript(url, blockSavesUntilHidden)
	tab.Do(chromedp.SetUploadFiles("#open-file-start", []string{generatedProjectFile(t)}))
	tab.WaitFor(shownAnnotations + ` > 0`)
	counts = tab.Text("#sidebar .summary")
	require.Contains(t, counts, "20 annotations")
	return home, tab, counts
}

// Closing the tab right after an open loses nothing (the first save is
// refused until the page is hidden here: the save on leaving writes it).
func TestClosingTheTabRightAfterAnOpenLosesNothing(t *testing.T) {
	url := serveSite(t)
	first, tab, counts := openWithSavesBlockedUntilHidden(t, url)
	closeTab(t, tab)

	again := first.NewTab(url)
	again.WaitFor(shownAnnotations + ` > 0`)
	assert.Equal(t, counts, again.Text("#sidebar .summary"), "the save on close stored the opened project")
}

// A page killed the moment its save on leaving has made its requests,
// before its thread hears back from IndexedDB, keeps what it saved: the
// transaction is committed when its last request is made, not when the
// page next runs. The page is held at a breakpoint right after the
// pagehide event (the first save refused until then, as above), then
// crashed.
func TestAPageKilledRightAfterItsSaveOnLeavingKeepsTheSave(t *testing.T) {
	url := serveSite(t)
	home, tab, counts := openWithSavesBlockedUntilHidden(t, url)
	tab.WaitFor(`window.__saysoBlockedWrites > 0`)

	paused := make(chan struct{}, 1)
	events := chromedp.Events(tab.Ctx, debugger.Paused)
	go func() {
		for _, err := range events {
			if err == nil {
				paused <- struct{}{}
			}
			return
		}
	}()
	tab.Do(chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, debugger.Enable, debugger.EnableParams{})
		return err
	}))
	browsertest.Eval[int](tab, `setTimeout(() => { dispatchEvent(new PageTransitionEvent("pagehide")); debugger; }, 0)`)
	select {
	case <-paused:
	case <-time.After(20 * time.Second):
		t.Fatal("the page did not stop at the breakpoint after pagehide")
	}
	crash(tab)

	again := home.NewTab(url)
	again.WaitFor(shownAnnotations + ` > 0`)
	assert.Equal(t, counts, again.Text("#sidebar .summary"), "the save on leaving was committed before the page died")
}
