//go:build !js

package suite

import (
	"fmt"
	"strings"

	"sayso/internal/bench/results"
	"sayso/internal/bench/stats"
)

// Labels13 names the documents of issue 13's figures.
type Labels13 struct {
	Small, Medium, Large string // "3 KB + 20 annotations", …
	Many                 string // "6 MB + 50,000 annotations"
	Peer                 string // "Recogito text-annotator 4.1.1"
	Adds                 int    // spaced and back-to-back adds per run
	PeerLargeOnce        bool   // the peer opened the 5 MB document once, not Runs times
}

// The targets (issue 13, "Targets").
const (
	frameTarget  = 33.4 // ms: painted in the next frame (two 60 Hz frames to the painted one)
	smallTarget  = 40   // ms, open and paint, 3 KB
	smallRatio   = 1.0  // × plain, 3 KB
	mediumTarget = 150  // ms, 1 MB
	largeTarget  = 400  // ms, 5 MB
	bigRatio     = 0.5  // × plain, 1 MB and 5 MB
)

// spec13 is one figure of issue 13: from samples (id), a percentile of
// another id's samples (src, pct), or the run-by-run ratio of two ids
// (num ÷ den).
type spec13 struct {
	id, name   string
	unit       results.Unit
	target     float64
	definition string
	src        string
	pct        float64
	num, den   string
	peerTarget string // the target is this peer figure's value (the fastest peer)
}

func roles() []string { return []string{"small", "medium", "large"} }

func (l Labels13) label(role string) string {
	return map[string]string{"small": l.Small, "medium": l.Medium, "large": l.Large}[role]
}

func specs13(l Labels13) []spec13 {
	const painted = "the second requestAnimationFrame callback after the first frame in which %s (that frame has been painted)"
	cpu := "CPU time of the page's main thread (Performance.getMetrics TaskDuration in thread time) from arming the measurement to its result: scripting, style, layout and paint of that interaction, without the time other processes held the CPU"
	peerOpen := fmt.Sprintf("the peer page (the plain page with Recogito's stylesheet and UMD bundle from its installed package, served on loopback) holding the text as <p>s and the spans as JSON (UTF-16 offsets into #doc's textContent, one selector per fragment) fetched: JSON.parse, #doc.innerHTML = the <p>s, createTextAnnotator(#doc) with its defaults (SPANS renderer), setAnnotations → "+painted, "the text and one of its highlights (span.r6o-annotation) are in view")
	if l.PeerLargeOnce {
		peerOpen += "; once at 5 MB (it takes minutes), Runs times at the other sizes"
	}
	var out []spec13
	for _, r := range roles() {
		lab := l.label(r)
		var target, ratio float64
		switch r {
		case "small":
			target, ratio = smallTarget, smallRatio
		case "medium":
			target, ratio = mediumTarget, bigRatio
		case "large":
			target, ratio = largeTarget, bigRatio
		}
		def := func(d string) string { return d }
		out = append(out,
			spec13{id: "open13." + r, name: "open and paint " + lab, unit: results.Millis, target: target, src: "render." + r,
				definition: def("the Open file input's change event with the .sayso.json (DOM.setFileInputFiles, as a person choosing the file) → " + fmt.Sprintf(painted, "the article's text and at least one highlight intersect the viewport") + "; reading and decoding the file included")},
			spec13{id: "plain13." + r, name: "  plain paragraphs, same text", unit: results.Millis, src: "plain." + r,
				definition: "one innerHTML of the same text as plain <p>s into an empty #doc in the app's reading column and stylesheet → the second animation frame after"},
			spec13{id: "marks." + r, name: "  one innerHTML with <mark>s, same text and spans", unit: results.Millis,
				definition: "as plain paragraphs, with every annotated stretch in a <mark> (overlaps flattened into one <mark> per stretch)"},
			spec13{id: "peer.render." + r, name: "  " + l.Peer + ", same text and spans", unit: results.Millis, definition: peerOpen},
			spec13{id: "ratio13." + r, name: "  Sayso ÷ plain", unit: results.Ratio, target: ratio, num: "render." + r, den: "plain." + r,
				definition: "Sayso's open and paint ÷ the plain baseline, run by run (same run, same browser)"},
			spec13{id: "ratio13." + r + ".marks", name: "  Sayso ÷ <mark>s", unit: results.Ratio, num: "render." + r, den: "marks." + r,
				definition: "Sayso's open and paint ÷ the <mark> baseline, run by run"},
			spec13{id: "ratio13." + r + ".peer", name: "  Sayso ÷ " + l.Peer, unit: results.Ratio, num: "render." + r, den: "peer.render." + r,
				definition: "Sayso's open and paint ÷ the peer's, run by run (as many runs as both have)"},
		)
	}
	addDef := fmt.Sprintf("keydown of c after selecting a few words with the mouse → "+painted+"; %d adds spaced then %d back-to-back per run, p50/p95 (nearest rank) of all adds of all runs; spaced: a pause of %d ms before each (the autosave, 250 ms after a change, runs between adds, as when a person reads on); back-to-back: the next selection and key press at once (the autosave of the last add may then fall inside the next)",
		"the selected words are drawn as a claim", l.Adds, l.Adds, settleMs)
	addFloor := "the floor under an add, once per run after the adds, in the same tab and measured the same way: the same kind of selection, then a key the app never sees (|, taken in the capture phase) whose handler adds the selection as a StaticRange to the page's claim highlight (CSS Custom Highlight API) and clears the selection, with no Go code: what the browser takes to show one new highlight in this document (main-thread CPU from arming to the painted frame, as for the adds; and the time to that frame)"
	peerAdd := "a selection made with the mouse in the peer page after opening (Recogito creates the annotation from the selection): the pointerup ending the drag (capture phase) → " + fmt.Sprintf(painted, "a highlight of an annotation not drawn before is in view") + "; p50/p95 of all adds of all runs, each after a 400 ms pause"
	for _, r := range roles() {
		lab := l.label(r)
		var cpuTarget float64
		switch r {
		case "medium":
			cpuTarget = 4
		case "large":
			cpuTarget = 8
		}
		out = append(out,
			spec13{id: "add." + r + ".spaced.p50", name: "add one, spaced, p50, " + lab, unit: results.Millis, src: "add." + r + ".spaced", pct: 50, definition: addDef},
			spec13{id: "add." + r + ".spaced.p95", name: "add one, spaced, p95, " + lab, unit: results.Millis, src: "add." + r + ".spaced", pct: 95, definition: addDef,
				peerTarget: "peer.add." + r + ".p95"},
			spec13{id: "add." + r + ".spaced.cpu", name: "  main-thread CPU per add (median)", unit: results.Millis, target: cpuTarget, definition: cpu},
			spec13{id: "add." + r + ".floor.cpu", name: "  the least a key can do to show it, main-thread CPU", unit: results.Millis, definition: addFloor},
			spec13{id: "add." + r + ".floor", name: "  the least a key can do to show it, until painted", unit: results.Millis, definition: addFloor},
			spec13{id: "add." + r + ".b2b.p50", name: "add one, back-to-back, p50, " + lab, unit: results.Millis, src: "add." + r + ".b2b", pct: 50, definition: addDef},
			spec13{id: "add." + r + ".b2b.p95", name: "add one, back-to-back, p95, " + lab, unit: results.Millis, src: "add." + r + ".b2b", pct: 95, definition: addDef},
			spec13{id: "add." + r + ".b2b.cpu", name: "  main-thread CPU per add (median)", unit: results.Millis, definition: cpu},
			spec13{id: "peer.add." + r + ".p50", name: "  " + l.Peer + " add one, p50, " + lab, unit: results.Millis, src: "peer.add." + r, pct: 50, definition: peerAdd},
			spec13{id: "peer.add." + r + ".p95", name: "  " + l.Peer + " add one, p95, " + lab, unit: results.Millis, src: "peer.add." + r, pct: 95, definition: peerAdd},
		)
	}
	key := func(what string) string {
		return what + " → " + fmt.Sprintf(painted, "anything changed (a DOM mutation in the body or the number of CSS highlight ranges)") + "; target: painted in the next frame (≤ 33.4 ms: two 60 Hz frames to the painted one); median of all presses of all runs, min and max"
	}
	m := l.Many
	out = append(out,
		spec13{id: "many.open", name: "open and paint " + m, unit: results.Millis, src: "many.open", definition: "as open and paint above"},
		spec13{id: "many.open.cpu", name: "  main-thread CPU", unit: results.Millis, definition: cpu},
		spec13{id: "many.next", name: "next (j), " + m, unit: results.Millis, target: frameTarget, definition: key(fmt.Sprintf("keydown of j, %d times a run (once in -smoke), %d ms apart", manyKeys, settleMs))},
		spec13{id: "many.next.cpu", name: "  main-thread CPU", unit: results.Millis, target: 8, definition: cpu},
		spec13{id: "many.prev", name: "previous (k), " + m, unit: results.Millis, target: frameTarget, definition: key(fmt.Sprintf("keydown of k after the j presses, %d times a run", manyKeys))},
		spec13{id: "many.prev.cpu", name: "  main-thread CPU", unit: results.Millis, target: 8, definition: cpu},
		spec13{id: "many.stance", name: "stance key (2), " + m, unit: results.Millis, target: frameTarget, definition: key("keydown of 2 on a claim selected with a click whose stance was set with 1 first")},
		spec13{id: "many.stance.cpu", name: "  main-thread CPU", unit: results.Millis, target: 8, definition: cpu},
		spec13{id: "many.undo", name: "undo (Ctrl+Z), " + m, unit: results.Millis, target: frameTarget, definition: key("keydown of Ctrl+Z undoing that stance")},
		spec13{id: "many.undo.cpu", name: "  main-thread CPU", unit: results.Millis, target: 16, definition: cpu},
		spec13{id: "many.scroll.p95", name: "scroll frame p95, " + m, unit: results.Millis, target: 20,
			definition: "window.scrollBy one viewport per animation frame from the top to the bottom after the keys above; p95 of the frame intervals per run, median over runs"},
	)
	return out
}

// Figures13 turns the samples into issue 13's figures, judged against
// its targets when withTargets is true; a spaced add's p95 is judged
// against the peer's p95 at the same size when the peer ran.
func Figures13(s *Samples, l Labels13, withTargets bool) []results.Figure {
	var out []results.Figure
	for _, sp := range specs13(l) {
		var t *results.Target
		if withTargets && sp.target > 0 {
			t = results.AtMost(sp.target)
		}
		if withTargets && sp.peerTarget != "" {
			if src := strings.TrimSuffix(sp.peerTarget, ".p95"); len(s.ByID[src]) > 0 {
				t = results.AtMost(stats.Percentile(s.ByID[src], 95))
			}
		}
		def := sp.definition
		if n := s.Notes[sp.id]; n != "" {
			def += " [" + n + "]"
		}
		var f results.Figure
		switch {
		case sp.num != "":
			f = results.New(sp.id, sp.name, sp.unit, PairRatios(s.ByID[sp.num], s.ByID[sp.den]), t, def)
		case sp.pct > 0:
			f = results.NewPercentile(sp.id, sp.name, sp.unit, s.ByID[sp.src], sp.pct, t, def)
		case sp.src != "":
			f = results.New(sp.id, sp.name, sp.unit, s.ByID[sp.src], t, def)
		default:
			f = results.New(sp.id, sp.name, sp.unit, s.ByID[sp.id], t, def)
		}
		out = append(out, f)
	}
	return out
}

// PairRatios divides num by den run by run, over the runs both have
// (and den not zero).
func PairRatios(num, den []float64) []float64 {
	var out []float64
	for i := range min(len(num), len(den)) {
		if den[i] > 0 {
			out = append(out, num[i]/den[i])
		}
	}
	return out
}
