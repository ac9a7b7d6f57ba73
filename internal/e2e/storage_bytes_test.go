//go:build !js

package e2e

import (
	"encoding/json"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/browsertest"
)

// kvValues counts autosave's IndexedDB values by kind: {bytes, strings}.
const kvValues = `new Promise((resolve) => {
	const q = indexedDB.open("sayso");
	q.onsuccess = () => {
		const all = q.result.transaction("kv").objectStore("kv").getAll();
		all.onsuccess = () => resolve([all.result.filter((v) => v instanceof Uint8Array).length, all.result.filter((v) => typeof v === "string").length]);
	};
})`

// asStrings rewrites every value autosave stored as bytes as the string
// the versions before kept there, and says how many it rewrote.
const asStrings = `new Promise((resolve) => {
	const q = indexedDB.open("sayso");
	q.onsuccess = () => {
		const tx = q.result.transaction("kv", "readwrite");
		const st = tx.objectStore("kv");
		let n = 0;
		const c = st.openCursor();
		c.onsuccess = () => {
			const cur = c.result;
			if (!cur) return;
			if (cur.value instanceof Uint8Array) {
				cur.update(new TextDecoder().decode(cur.value));
				n++;
			}
			cur.continue();
		};
		tx.oncomplete = () => { q.result.close(); resolve(n); };
	};
})`

// TestLargeValuesAreStoredAsBytesAndWorkStoredAsStringsStillLoads: a
// large project's batch goes to IndexedDB as bytes (a JavaScript string
// of it cost the page's thread megabytes of UTF-8 decoding), and work that
// earlier versions stored as strings is restored as before.
func TestLargeValuesAreStoredAsBytesAndWorkStoredAsStringsStillLoads(t *testing.T) {
	url := serveSite(t)
	p := browsertest.Open(t, url, "")
	body := openLongReportAndClaim(t, p, 1<<18)
	counts := browsertest.EvalAwait[[]int](p, kvValues)
	require.Len(t, counts, 2)
	assert.Positive(t, counts[0], "the article's batch is stored as bytes")

	require.Positive(t, browsertest.EvalAwait[int](p, asStrings), "values rewritten as an earlier version stored them")
	assert.Equal(t, 0, browsertest.EvalAwait[[]int](p, kvValues)[0], "no bytes left")
	p.Do(chromedp.Reload())
	p.WaitReady()
	p.WaitFor(sidebarCount + ` === 1`)
	assert.Contains(t, p.Text("#sidebar"), "Zoë said the plan was sound")
	assert.Equal(t, "long report", p.Text("#doc-title"))
	p.Click("#export")
	var ex exported
	require.NoError(t, json.Unmarshal(p.WaitDownload("long report.sayso.json"), &ex))
	require.Len(t, ex.Documents, 1)
	assert.True(t, ex.Documents[0].Text == body, "the whole article is back, exactly")
}
