//go:build !js

package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/browsertest"
	"sayso/internal/deliverytest"
	"sayso/internal/exercise"
	"sayso/internal/offline"
)

// storageInUse says where the page keeps the work: "IndexedDB" when
// autosave's database holds records, else "localStorage" when its keys
// are there, else "none".
const storageInUse = `new Promise((resolve) => {
	const ls = () => Object.keys(localStorage).some(k => k.startsWith("sayso:store:")) ? "localStorage" : "none";
	let q;
	try { q = indexedDB.open("sayso"); } catch (e) { resolve(ls()); return; }
	q.onerror = () => resolve(ls());
	q.onsuccess = () => {
		const db = q.result;
		if (!db.objectStoreNames.contains("kv")) { resolve(ls()); return; }
		const c = db.transaction("kv").objectStore("kv").count();
		c.onsuccess = () => resolve(c.result > 0 ? "IndexedDB" : ls());
	};
})`

// reopen closes p's browser and opens url again in the same profile.
func reopen(t *testing.T, p *browsertest.Page, url, profile string) *browsertest.Page {
	t.Helper()
	require.NoError(t, chromedp.Cancel(p.Ctx))
	return browsertest.Open(t, url, profile)
}

func TestTheOfflineFileKeepsWorkAcrossClosingAndReopening(t *testing.T) {
	url := deliverytest.OfflineFile(t)
	profile := filepath.Join(t.TempDir(), "profile")
	p := browsertest.Open(t, url, profile)
	p.Click(`[data-action="sample"]`)
	p.SelectText("Nobody asked us", 0)
	p.Press("c")
	p.WaitFor(savedStatus)
	where := browsertest.EvalAwait[string](p, storageInUse)
	t.Logf("Chromium gives a file:// page %s", where)
	assert.NotEqual(t, "none", where)

	p = reopen(t, p, url, profile)
	p.WaitFor(sidebarCount + ` === 1`)
	assert.Contains(t, p.Text("#sidebar"), "Nobody asked us")
}

func TestAStudentsWorkOnAnExercisePageSurvivesClosingIt(t *testing.T) {
	page, err := os.ReadFile(strings.TrimPrefix(deliverytest.OfflineFile(t), "file://"))
	require.NoError(t, err)
	e, err := exercise.New(annotation.Project{
		Schema:    annotation.DefaultSchema(),
		Documents: []annotation.Document{{ID: "d1", Title: "Harbour", Text: "Nobody asked us, said Reyes. The council said the plan was sound."}},
	}, "Week 3", "Mark every claim.", nil)
	require.NoError(t, err)
	ex, err := exercise.Encode(e)
	require.NoError(t, err)
	out, err := offline.Embed(page, ex)
	require.NoError(t, err)
	file := filepath.Join(t.TempDir(), "sayso-week-3.html")
	require.NoError(t, os.WriteFile(file, out, 0o644))
	url := "file://" + filepath.ToSlash(file)
	profile := filepath.Join(t.TempDir(), "profile")

	p := browsertest.Open(t, url, profile)
	p.WaitFor(`!document.getElementById("name-dialog").hidden`)
	p.Click("#student-name")
	p.Type("Ana")
	p.Press("\r")
	p.WaitFor(`document.getElementById("name-dialog").hidden`)
	p.SelectText("Nobody asked us", 0)
	p.Press("c")
	p.WaitFor(savedStatus)

	p = reopen(t, p, url, profile)
	p.WaitFor(sidebarCount + ` === 1`)
	assert.Contains(t, p.Text("#sidebar"), "Nobody asked us", "the student's work is back, not a fresh exercise")
	assert.True(t, browsertest.Eval[bool](p, `document.getElementById("name-dialog").hidden`), "the name is not asked again")
}
