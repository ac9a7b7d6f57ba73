//go:build !js

package e2e

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"sayso/internal/browsertest"
)

// storedRecords is how many records the autosave's IndexedDB store holds
// (0 when there is no store yet).
const storedRecords = `new Promise(r => {
	const q = indexedDB.open("sayso");
	q.onsuccess = () => {
		const db = q.result;
		if (!db.objectStoreNames.contains("kv")) { r(0); return; }
		const c = db.transaction("kv").objectStore("kv").count();
		c.onsuccess = () => r(c.result);
	};
	q.onerror = () => r(-1);
})`

// TestTheStartScreenRehearsesOpeningInIdleTimeAndKeepsNothing: after the
// page is ready it opens its small rehearsal project four times in idle
// time (so that a person's first Open runs optimised code), and nothing of
// it shows or is saved: the start screen stays, storage stays empty.
func TestTheStartScreenRehearsesOpeningInIdleTimeAndKeepsNothing(t *testing.T) {
	p := browsertest.Open(t, serveSite(t), "")
	p.WaitFor(`performance.getEntriesByName("sayso:open-warmed").length === 1`)
	assert.Equal(t, 4, browsertest.Eval[int](p, `performance.getEntriesByName("sayso:open-warm").length`))
	assert.True(t, p.Visible("#start"), "the start screen is still shown")
	assert.False(t, p.Visible("#workspace"))
	assert.Equal(t, 0, browsertest.Eval[int](p, `document.querySelectorAll("#doc p").length`), "no article was drawn")
	assert.Equal(t, 0, browsertest.EvalAwait[int](p, storedRecords), "nothing was saved")
	assert.Equal(t, 0, browsertest.Eval[int](p, `localStorage.length`))
}
