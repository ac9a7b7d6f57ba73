//go:build !js

package e2e

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/bench/corpus"
	"sayso/internal/browsertest"
)

// generatedProjectFile writes a generated article of 3 KB with 20 annotations as
// a .sayso.json file and returns its path.
func generatedProjectFile(t *testing.T) string {
	t.Helper()
	c, err := corpus.Generate(corpus.Spec{Name: "open", Bytes: 3 << 10, Annotations: 20, Seed: 6})
	require.NoError(t, err)
	file := filepath.Join(t.TempDir(), "article.sayso.json")
	require.NoError(t, os.WriteFile(file, c.Native, 0o644))
	return file
}

const shownAnnotations = `(document.getElementById("workspace").hidden ? 0 : document.querySelectorAll("#sidebar [data-id]").length)`

// The first save of an opened project waits until the page has painted
// it; it still comes by itself, without another action.
func TestAnOpenedProjectIsSavedOnceShownAndComesBackAfterAReload(t *testing.T) {
	p := browsertest.Open(t, serveSite(t), "")
	p.Do(chromedp.SetUploadFiles("#open-file-start", []string{generatedProjectFile(t)}))
	p.WaitFor(shownAnnotations + ` > 0`)
	rows := browsertest.Eval[int](p, shownAnnotations)
	p.WaitFor(savedStatus)

	p.Do(chromedp.Reload())
	p.WaitReady()
	p.WaitFor(shownAnnotations + ` > 0`)
	assert.Equal(t, rows, browsertest.Eval[int](p, shownAnnotations), "the opened project is restored")
}

// Closing the tab right after an open loses nothing (the first save is
// refused until the page is hidden here: the save on leaving writes it).
func TestClosingTheTabRightAfterAnOpenLosesNothing(t *testing.T) {
	url := serveSite(t)
	first := browsertest.Open(t, url, "")
	first.Do(chromedp.Navigate("about:blank"))

	tab := first.NewTabWithScript(url, blockSavesUntilHidden)
	tab.Do(chromedp.SetUploadFiles("#open-file-start", []string{generatedProjectFile(t)}))
	tab.WaitFor(shownAnnotations + ` > 0`)
	rows := browsertest.Eval[int](tab, shownAnnotations)
	closeTab(t, tab)

	again := first.NewTab(url)
	again.WaitFor(shownAnnotations + ` > 0`)
	assert.Equal(t, rows, browsertest.Eval[int](again, shownAnnotations), "the save on close stored the opened project")
}
