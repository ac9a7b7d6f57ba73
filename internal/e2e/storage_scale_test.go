//go:build !js

package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/app"
	"sayso/internal/bench/corpus"
	"sayso/internal/browsertest"
	"sayso/internal/format/native"
)

// waitLong polls a JavaScript condition for up to limit: opening and
// saving tens of megabytes takes longer than WaitFor's bound on a busy
// machine.
func waitLong(p *browsertest.Page, cond string, limit time.Duration) {
	p.T.Helper()
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		if browsertest.Eval[bool](p, cond) {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	p.T.Fatalf("timed out after %s waiting for %s", limit, cond)
}

// exportProject clicks Export and decodes the file downloaded as name,
// then removes it, so that the next export comes under the same name.
func exportProject(t *testing.T, p *browsertest.Page, name string) annotation.Project {
	t.Helper()
	p.Click("#export")
	data := p.WaitDownload(name)
	require.NoError(t, os.Remove(filepath.Join(p.Downloads, name)))
	got, err := native.Decode(data)
	require.NoError(t, err)
	return got
}

// reloadUntilShown reloads the page and waits until the app is ready
// with a document shown.
func reloadUntilShown(p *browsertest.Page, limit time.Duration) {
	p.T.Helper()
	p.Do(chromedp.Reload())
	waitLong(p, `document.body.dataset.ready === "1" && !document.getElementById("workspace").hidden`, limit)
}

// sawSavingJS sets window.__saysoSawSaving once the autosave indicator
// says "Saving…" from now on.
const sawSavingJS = `(() => {
	const status = document.getElementById("save-status");
	window.__saysoSawSaving = false;
	new MutationObserver(() => {
		if (status.textContent.startsWith("Saving")) window.__saysoSawSaving = true;
	}).observe(status, {childList: true, characterData: true, subtree: true});
	return true;
})()`

// TestLargeProjectsAreSavedAndRestoredExactlyAfterAReload opens a large
// generated project from a file and lets autosave store it in IndexedDB,
// then changes one claim's stance from the keyboard (a save that writes
// only that change), reloads the page and exports: the export after the
// reload is the project as it was before, the change included.
func TestLargeProjectsAreSavedAndRestoredExactlyAfterAReload(t *testing.T) {
	if testing.Short() {
		t.Skip("tens of megabytes through the browser")
	}
	tests := []struct {
		name        string
		bytes, anns int
	}{
		{"50,000 annotations", 6 << 20, 50000},
		{"5 MB and 25,000 annotations", 5 << 20, 25000},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			file, c := writeGenerated(t, corpus.Spec{Name: "e2e", Bytes: tc.bytes, Annotations: tc.anns, Seed: 14})
			name := app.FileName(c.Project.Documents[0].Title) + ".sayso.json"

			p := browsertest.Open(t, serveSite(t), "")
			p.Do(chromedp.SetUploadFiles("#open-file-start", []string{file}))
			waitLong(p, `!document.getElementById("workspace").hidden`, 3*time.Minute)
			waitLong(p, savedStatus, 3*time.Minute)
			p.Click(`#sidebar .item.l-claim`)
			p.WaitFor(`document.querySelector("#inspector .id") !== null`)
			// The change's save can come and go between two looks at a
			// loaded page: an observer notes that it began.
			browsertest.Eval[bool](p, sawSavingJS)
			p.Press("2") // the claim's stance: the second value, or none when it had it
			p.WaitFor(`window.__saysoSawSaving`)
			waitLong(p, savedStatus, 3*time.Minute)
			want := exportProject(t, p, name)
			require.Len(t, want.Annotations, tc.anns)
			require.NotEqual(t, c.Project.Annotations, want.Annotations, "the stance changed")

			reloadUntilShown(p, 3*time.Minute)
			got := exportProject(t, p, name)
			require.Len(t, got.Annotations, tc.anns)
			assert.Equal(t, c.Text, got.Documents[0].Text, "the text comes back exactly")
			assert.Equal(t, want, got, "the project comes back exactly, the change made after the first save included")
		})
	}
}

// TestTheLast500StepsCanBeUndoneAfterAReload makes 510 changes from the
// keyboard (a claim, then its stance 509 times), reloads the page, and
// undoes: exactly the last 500 steps come back one by one, and the 500th
// undo leaves the claim as the tenth change had left it.
func TestTheLast500StepsCanBeUndoneAfterAReload(t *testing.T) {
	p := browsertest.Open(t, serveSite(t), "")
	p.Click(`[data-action="sample"]`)
	p.SelectText("Nobody asked us", 0)
	p.Press("c")
	p.WaitFor(sidebarCount + ` === 1`)
	// The stance keys 1 and 2 in turn: every press is a change.
	p.Press(strings.Repeat("12", 254) + "1")
	p.WaitFor(`document.getElementById("undo").title.startsWith("Undo")`)
	p.WaitFor(savedStatus)
	after510 := exportProject(t, p, sampleFileName()+".sayso.json")
	require.Len(t, after510.Annotations, 1)
	require.Equal(t, "favor", after510.Annotations[0].Stance, "the 509th press was 1")

	reloadUntilShown(p, time.Minute)
	p.WaitFor(sidebarCount + ` === 1`)
	p.Click("#doc")
	p.Press(strings.Repeat("z", 499), chromedp.ModifierCtrl)
	p.WaitFor(`!document.getElementById("undo").disabled`)
	after11 := exportProject(t, p, sampleFileName()+".sayso.json")
	require.Len(t, after11.Annotations, 1, "the claim is still there after 499 undos")
	assert.Equal(t, "against", after11.Annotations[0].Stance, "the tenth press was 2")

	p.Press("z", chromedp.ModifierCtrl)
	p.WaitFor(`document.getElementById("undo").disabled`)
	after10 := exportProject(t, p, sampleFileName()+".sayso.json")
	require.Len(t, after10.Annotations, 1)
	assert.Equal(t, "favor", after10.Annotations[0].Stance, "500 undos: back to the ninth press, and no further")
}

// TestADatasetOf2000DocumentsIsSavedRestoredBrowsedAndExported opens a
// project of 2,000 documents of 5 KB with 20 annotations each: it is
// saved, and after a reload it is all back; the Documents panel draws
// only the rows near its view, scrolling it draws the others, and a
// click on the last document shows it; Export writes the whole project.
func TestADatasetOf2000DocumentsIsSavedRestoredBrowsedAndExported(t *testing.T) {
	if testing.Short() {
		t.Skip("2,000 documents through the browser")
	}
	want := corpus.Dataset(2000, 5<<10, 20, "Ana")
	data, err := native.Encode(want)
	require.NoError(t, err)
	file := filepath.Join(t.TempDir(), "dataset.sayso.json")
	require.NoError(t, os.WriteFile(file, data, 0o644))

	p := browsertest.Open(t, serveSite(t), "")
	p.Do(chromedp.SetUploadFiles("#open-file-start", []string{file}))
	waitLong(p, `!document.getElementById("workspace").hidden`, 3*time.Minute)
	waitLong(p, savedStatus, 3*time.Minute)
	reloadUntilShown(p, 3*time.Minute)
	p.WaitFor(docsButton + ` === "Documents 1/2000"`)

	p.Click("#docs-button")
	p.WaitFor(`!document.getElementById("docs").hidden`)
	rows := `document.querySelectorAll("#docs .doc-row").length`
	assert.Less(t, browsertest.Eval[int](p, rows), 40, "only the rows near the list's view are in the page")
	assert.Contains(t, p.Text("#docs .summary"), "2000 documents")
	// Scrolled to its end, the list draws its last rows there.
	browsertest.Eval[int](p, `(() => { const s = document.querySelector("#docs .doc-scroll"); s.scrollTop = s.scrollHeight; return 0; })()`)
	p.WaitFor(`document.querySelector("#docs .doc-row:last-child .doc-open").textContent.startsWith("2000. ")`)
	assert.Less(t, browsertest.Eval[int](p, rows), 40)
	lastInView := `(() => { const r = document.querySelector("#docs .doc-row:last-child").getBoundingClientRect(), s = document.querySelector("#docs .doc-scroll").getBoundingClientRect(); return r.bottom <= s.bottom + 1 && r.top >= s.top - 1; })()`
	assert.True(t, browsertest.Eval[bool](p, lastInView), "the last row is drawn where the list shows it")
	p.Click(`#docs .doc-row:last-child .doc-open`)
	p.WaitFor(docsButton + ` === "Documents 2000/2000"`)
	assert.Equal(t, "Interview 2000", p.Text("#doc-title"))

	p.Press("\u001b")
	p.WaitFor(`document.getElementById("docs").hidden`)
	got := exportProject(t, p, app.FileName("Ana – 2000 documents")+".sayso.json")
	require.Len(t, got.Documents, 2000)
	require.Len(t, got.Annotations, 2000*20)
	for i := range want.Documents {
		require.Equal(t, want.Documents[i].Title, got.Documents[i].Title)
		require.Equal(t, want.Documents[i].Text, got.Documents[i].Text)
	}
	quotes := map[string]string{}
	for _, a := range got.Annotations {
		quotes[a.ID] = a.Document + "|" + a.Quote
	}
	for _, a := range want.Annotations {
		require.Equal(t, a.Document+"|"+a.Quote, quotes[a.ID], "annotation %s", a.ID)
	}
}
