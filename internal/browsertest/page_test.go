//go:build !js

package browsertest

import (
	"io"
	"net/http"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
)

// stagePage is a page of its own for the helpers' tests: a fixed bar at
// the top, a tall column with a button and an article (#doc), and
// window.clicked, the id of what the last click reached. moveOnce(el)
// makes the first measure of el (its box, or a Range's boxes) move it
// 120 px down right after, as the app's work left to the next frame
// moves a row just measured.
const stagePage = `<!doctype html><meta charset="utf-8"><title>stage</title>
<style>
body { margin: 0; font: 16px sans-serif; }
#bar { position: fixed; top: 0; left: 0; right: 0; height: 60px; background: #ddd; z-index: 2; }
#col { padding-top: 80px; }
#push { height: 0; }
#filler { height: 3000px; }
button { display: block; margin: 10px; }
</style>
<div id="bar">bar</div>
<div id="col">
<div id="push"></div>
<div id="spot" style="height:120px">spot</div>
<button id="target">Target</button>
<div id="doc">The mayor said the bridge will open in May, and critics doubt it.</div>
<div id="filler"></div>
</div>
<script>
window.clicked = "";
addEventListener("click", e => { window.clicked = e.target.id; }, true);
window.moveOnce = () => {
	const push = document.getElementById("push");
	let moved = false;
	const move = () => { if (!moved) { moved = true; queueMicrotask(() => { push.style.height = "120px"; }); } };
	const box = Element.prototype.getBoundingClientRect;
	Element.prototype.getBoundingClientRect = function () { if (this.id === "target") move(); return box.call(this); };
	const rects = Range.prototype.getClientRects;
	Range.prototype.getClientRects = function () { move(); return rects.call(this); };
	return true;
};
document.body.dataset.ready = "1";
</script>`

func openStage(t *testing.T) *Page {
	t.Helper()
	url := Serve(t, http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = io.WriteString(w, stagePage)
	}))
	return Open(t, url, "")
}

func TestClickReachesATargetThatMovesRightAfterItIsMeasured(t *testing.T) {
	p := openStage(t)
	Eval[bool](p, `moveOnce()`)
	p.Click("#target")
	assert.Equal(t, "target", Eval[string](p, `clicked`), "the click reaches the button where it went, not where it was")
}

func TestSelectTextSelectsTextThatMovesRightAfterItIsMeasured(t *testing.T) {
	p := openStage(t)
	Eval[bool](p, `moveOnce()`)
	p.SelectText("will open in May", 0)
	assert.Equal(t, "will open in May", p.Selected())
}

func TestClickScrollsOnlyWhenTheTargetIsOutOfViewOrCovered(t *testing.T) {
	tests := []struct {
		name     string
		scrollY  int
		scrolled bool
	}{
		{"in view: the page stays where it is", 100, false},
		{"under the fixed bar: scrolled out from under it", 180, true},
		{"above the view: scrolled to it", 1500, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := openStage(t)
			Eval[bool](p, `(scrollTo(0, `+strconv.Itoa(tc.scrollY)+`), true)`)
			p.Click("#target")
			assert.Equal(t, "target", Eval[string](p, `clicked`))
			assert.Equal(t, tc.scrolled, Eval[int](p, `Math.round(scrollY)`) != tc.scrollY, "scrolled")
		})
	}
}
