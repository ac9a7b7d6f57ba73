//go:build !js

package e2e

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/bench/corpus"
	"sayso/internal/browsertest"
)

// hasBase resolves to whether the app's IndexedDB holds the whole
// project's copy (the first save compacted).
const hasBase = `new Promise(r => { const q = indexedDB.open("sayso"); q.onsuccess = () => {
	const g = q.result.transaction("kv").objectStore("kv").get("base"); g.onsuccess = () => { q.result.close(); r(g.result !== undefined); }; }; })`

// damageBase changes one byte in the middle of the stored copy of the
// whole project, as a failing disk or a hand edit in the browser's
// developer tools would.
const damageBase = `new Promise((r, fail) => { const q = indexedDB.open("sayso"); q.onsuccess = () => {
	const db = q.result, tx = db.transaction("kv", "readwrite"), st = tx.objectStore("kv"), g = st.get("base");
	g.onsuccess = () => {
		let v = g.result;
		if (typeof v === "string") { const i = v.length >> 1; v = v.slice(0, i) + (v[i] === "x" ? "y" : "x") + v.slice(i + 1); }
		else { v = new Uint8Array(v); v[v.length >> 1] ^= 1; }
		st.put(v, "base");
	};
	tx.oncomplete = () => { db.close(); r(true); }; tx.onerror = () => fail(tx.error); }; })`

// A reload restores a project of 1 MB and 5,000 annotations, opened from
// its file, exactly: its counts and its first screen's highlights.
// With its stored copy damaged, the reload says so and shows no part of
// it as if it were the whole.
func TestAReloadRestoresABigProjectAndSaysWhenItsCopyIsDamaged(t *testing.T) {
	file, c := writeGenerated(t, corpus.Spec{Name: "reload", Bytes: 1 << 20, Annotations: 5000, Seed: 2})
	require.Len(t, c.Project.Annotations, 5000)
	p := browsertest.Open(t, serveSite(t), "")
	p.Do(chromedp.SetUploadFiles("#open-file-start", []string{file}))
	p.WaitFor(shownAnnotations + ` > 0`)
	counts := p.Text("#sidebar .summary")
	require.Contains(t, counts, "5000 annotations")
	p.WaitFor(savedStatus)
	// The first save is folded into the whole project's copy when the
	// page is idle.
	for deadline := time.Now().Add(time.Minute); !browsertest.EvalAwait[bool](p, hasBase); {
		require.True(t, time.Now().Before(deadline), "the first save is never compacted")
		time.Sleep(100 * time.Millisecond)
	}
	highlights := browsertest.Eval[int](p, `CSS.highlights ? [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0) : -1`)

	p.Do(chromedp.Reload())
	p.WaitReady()
	p.WaitFor(shownAnnotations + ` > 0`)
	assert.Equal(t, counts, p.Text("#sidebar .summary"), "every annotation is restored")
	assert.Equal(t, highlights, browsertest.Eval[int](p, `CSS.highlights ? [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0) : -1`),
		"the first screen shows the same highlights")
	assert.False(t, p.Visible("#message"), "no message: %s", p.Text("#message"))

	require.True(t, browsertest.EvalAwait[bool](p, damageBase))
	p.Do(chromedp.Reload())
	p.WaitReady()
	p.WaitFor(`!document.getElementById("message").hidden`)
	assert.Contains(t, p.Text("#message"), "could not be read")
	assert.Contains(t, p.Text("#message"), "damaged")
	assert.Equal(t, 0, browsertest.Eval[int](p, shownAnnotations), "nothing of the damaged copy is shown")
}
