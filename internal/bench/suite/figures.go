package suite

import (
	"fmt"
	"strings"

	"sayso/internal/bench/results"
)

// Samples are the measured values of each figure, by figure id, with
// notes on how some were obtained.
type Samples struct {
	ByID  map[string][]float64
	Notes map[string]string
}

// Labels names the documents in figure names.
type Labels struct {
	Medium, Large, IO string // "1 MB + 5,000 annotations", …
	Class             string // "40 exports, 3,000-word article"
	Students          int    // the students' exports compared (the key comes on top)
	ScrollStep        int
	Adds              [2]int
	StaticNote        string
	Suggest           string // the article Suggest is timed on, "the reference article (…)"
}

// spec describes one figure: its id (the key of its samples), name, unit,
// the target and the definition printed with the results
// ("=id" repeats the definition of an earlier figure).
type spec struct {
	id, name   string
	unit       results.Unit
	target     float64 // 0: none
	definition string
}

// pooled says which figures are a percentile of the samples of another
// id, all runs together: the adds.
func pooled(id string) (src string, pct float64, ok bool) {
	switch id {
	case "add.medium.p50":
		return "add.medium", 50, true
	case "add.medium.p95":
		return "add.medium", 95, true
	case "add.large.p50":
		return "add.large", 50, true
	case "add.large.p95":
		return "add.large", 95, true
	}
	// The save step's figures: save.large, its CPU time and its
	// completion's (save.large.done, .cpu), p50 and p95 of all the saves.
	if strings.HasPrefix(id, "save.") || strings.HasPrefix(id, "switch.") {
		for _, p := range []struct {
			suffix string
			pct    float64
		}{{".p50", 50}, {".p95", 95}} {
			if src, ok := strings.CutSuffix(id, p.suffix); ok {
				return src, p.pct, true
			}
		}
	}
	return "", 0, false
}

// specs lists the browser figures in the order they are printed.
func specs(l Labels) []spec {
	const painted = "the second requestAnimationFrame callback after the first frame in which %s (that frame has been painted)"
	highlight := fmt.Sprintf(painted, "the document's text and at least one highlight (an .ann/<mark> element or a CSS Custom Highlight range) intersect the viewport")
	return []spec{
		{"tti.cold.ready", "time to ready, cold profile", results.Millis, 0,
			"navigation start → the app sets body[data-ready=\"1\"]; fresh browser with an empty profile, localhost"},
		{"tti.cold.paste", "time to interactive (paste accepted), cold", results.Millis, 400,
			"navigation start → " + fmt.Sprintf(painted, "the article pasted and submitted (Start annotating) the moment the app was ready is in #doc") + "; fresh browser, empty profile"},
		{"tti.cached.ready", "time to ready, cached", results.Millis, 0,
			"as cold, third load in the same browser (second is the warm-up): HTTP cache and service worker warm"},
		{"tti.cached.paste", "time to interactive (paste accepted), cached", results.Millis, 200,
			"as cold (paste accepted), third load in the same browser"},
		{"tti.static.cold", "static page of the same size, cold", results.Millis, 0,
			"navigation start → loadEventEnd of a static HTML page of paragraphs whose size is the app's cold transfer (below), served uncompressed; " + l.StaticNote},
		{"tti.static.cached", "static page of the same size, cached", results.Millis, 0,
			"as tti.static.cold, third load in the same browser (revalidated: 304)"},
		{"floor.cold.ready", "the least Go program: ready, cold", results.Millis, 0,
			"the floor under time to ready: navigation start → body[data-ready=\"1\"] set by the least Go program in the browser (internal/bench/floor/prog: the Go runtime and honnef.co/go/js/dom/v2, a key listener, nothing else), built like the app and served by the same handler; fresh browser with an empty profile, localhost"},
		{"floor.cached.ready", "the least Go program: ready, cached", results.Millis, 0,
			"as floor.cold.ready, third load in the same browser (second is the warm-up): HTTP cache warm (the floor has no service worker)"},
		{"tti.transfer", "app transfer on a cold load", results.Bytes, 0,
			"sum of encodedBodySize of the page and every resource fetched until ready (Resource Timing)"},

		{"render.medium", "render " + l.Medium, results.Millis, 150,
			"the file input's change event (the file handed to the app) → " + highlight},
		{"plain.medium", "  plain paragraphs, same text", results.Millis, 0,
			"layout baseline: one innerHTML of the same text as plain <p>s into an empty #doc in the app's reading column and stylesheet → the second animation frame after"},
		{"ratio.medium", "  render ÷ plain baseline", results.Ratio, 0.5,
			"render ÷ baseline of the same run"},
		{"open.medium", "  of which from file read", results.Millis, 0,
			"File.arrayBuffer() resolved → the same painted frame as render"},
		{"render.medium.cpu", "  main-thread CPU", results.Millis, 0,
			"CPU time of the page's main thread (Performance.getMetrics TaskDuration in thread time) from arming the measurement to its result: the app's work without the time other processes held the CPU; raster and compositor threads not included"},
		{"render.large", "render " + l.Large, results.Millis, 400, "=render.medium"},
		{"plain.large", "  plain paragraphs, same text", results.Millis, 0, "=plain.medium"},
		{"ratio.large", "  render ÷ plain baseline", results.Ratio, 0, "=ratio.medium"},
		{"open.large", "  of which from file read", results.Millis, 0, "=open.medium"},
		{"render.large.cpu", "  main-thread CPU", results.Millis, 0, "=render.medium.cpu"},

		{"add.medium.p50", "add one annotation p50, " + l.Medium, results.Millis, 0,
			fmt.Sprintf("keydown of c after selecting a few unannotated words with the mouse → %s; %d adds per run in the 1 MB document, %d in the 5 MB one, at places spread over the document; p50 and p95 (nearest rank) of all the adds of all runs, min and max of all the adds; the autosave that follows each add is waited out, not timed",
				fmt.Sprintf(painted, "the selected words are drawn as a claim"), l.Adds[0], l.Adds[1])},
		{"add.medium.p95", "add one annotation p95, " + l.Medium, results.Millis, 20, "=add.medium.p50"},
		{"add.large.p50", "add one annotation p50, " + l.Large, results.Millis, 0, "=add.medium.p50"},
		{"add.large.p95", "add one annotation p95, " + l.Large, results.Millis, 50, "=add.medium.p50"},
		{"add.medium.cpu", "  main-thread CPU per add, " + l.Medium, results.Millis, 0, "=render.medium.cpu"},
		{"add.large.cpu", "  main-thread CPU per add, " + l.Large, results.Millis, 0, "=render.medium.cpu"},

		{"save.large.p50", "save one change p50, " + l.Large, results.Millis, 0,
			"wall time of the page's main-thread task that ran the app's save of one change, from the autosave timer firing to the IndexedDB transaction handed over (choosing the records the change touched, encoding them as one batch, the IndexedDB calls, the save indicator), as the browser's trace gives it (CDP Tracing, category toplevel: the task holding the app's User Timing measure sayso:save); the commit itself runs off the main thread; 20 claims added one at a time per run (mouse selection, key c), each save waited out; p50 and p95 (nearest rank) of all the saves of all runs"},
		{"save.large.p95", "save one change p95, " + l.Large, results.Millis, 2, "=save.large.p50"},
		{"save.large.cpu.p50", "  main-thread CPU of the save p50", results.Millis, 0,
			"thread time (tdur) of the same task in the browser's trace: the save's cost without the time other processes held the CPU"},
		{"save.large.cpu.p95", "  main-thread CPU of the save p95", results.Millis, 0, "=save.large.cpu.p50"},
		{"save.large.done.p50", "  the write's completion p50", results.Millis, 0,
			"wall time of the task(s) that took the IndexedDB transaction's completion (the app's Persisted step and the save indicator), summed per save"},
		{"save.large.done.p95", "  the write's completion p95", results.Millis, 0, "=save.large.done.p50"},
		{"save.first.longest", "first save after an open, longest task, " + l.Medium, results.Millis, 0,
			"the project opened from its file (the file input's change event) until the save indicator says Saved: the longest of the page's main-thread tasks holding the app's User Timing measure sayso:save (the whole project's records encoded a chunk per task, the batch written in one IndexedDB transaction, its completion), wall time from the browser's trace (CDP Tracing, toplevel); median over runs"},
		{"save.first.longest.cpu", "  its main-thread CPU", results.Millis, 0, "thread time (tdur) of the same task"},
		{"save.first.tasks", "  tasks of the first save", results.Count, 0, "the tasks holding a sayso:save measure during that save"},
		{"save.first.large.longest", "first save after an open, longest task, " + l.Large, results.Millis, 0, "=save.first.longest"},
		{"save.first.large.longest.cpu", "  its main-thread CPU", results.Millis, 0, "=save.first.longest.cpu"},
		{"reload.medium.shown", "reload until the work is on screen, " + l.Medium, results.Millis, 150,
			"after the first save and the page idle for 3 s (the log folded in), the tab closed as a person closes it (its leaving handlers run) and the site opened in a new tab of the same profile: navigation start → the second requestAnimationFrame callback after the document's first screen — its title, text and highlights — is drawn: from the copy of it the page kept as it was closed (web/preview.js, User Timing mark sayso:preview) or, without one, by the app (body[data-ready]), whichever comes first; the issue's target is that of open and paint at this size (≤ 150 ms); median over runs"},
		{"reload.medium", "reload until the app is ready and painted, " + l.Medium, results.Millis, 0,
			"after the first save and the page idle for 3 s (the log folded in), the tab closed and the site opened in a new tab of the same profile: navigation start → the second requestAnimationFrame callback after the app marks itself ready with the restored project drawn (body[data-ready]); median over runs"},
		{"reload.medium.cpu", "  main-thread CPU until painted", results.Millis, 0, "the renderer's TaskDuration metric in thread time (CDP Performance) when painted: loading the app, reading IndexedDB, restoring and drawing the project"},

		{"switch.dataset.frames.p50", "switch documents, frames p50, 2,000 documents", results.Count, 0,
			"a dataset of 2,000 documents of 5 KB with 20 claims each, opened from a file and saved; in the Documents panel (open), the list scrolled to a document's row, then a mouse click on it → the animation frame in which #doc-title shows the document's title and its text and highlights are in the viewport, counted from the click (1: the first frame after it); 12 documents spread over the list per run; p50 and p95 (nearest rank) of all the switches of all runs"},
		{"switch.dataset.frames.p95", "switch documents, frames p95, 2,000 documents", results.Count, 2, "=switch.dataset.frames.p50"},
		{"switch.dataset.p50", "  switch documents p50, until painted", results.Millis, 0,
			"the same click → " + fmt.Sprintf(painted, "the document is shown")},
		{"switch.dataset.p95", "  switch documents p95, until painted", results.Millis, 0, "=switch.dataset.p50"},
		{"switch.dataset.cpu.p50", "  main-thread CPU per switch p50", results.Millis, 0, "=render.medium.cpu"},
		{"switch.dataset.cpu.p95", "  main-thread CPU per switch p95", results.Millis, 0, "=render.medium.cpu"},
		{"switch.dataset.open", "  open the dataset and paint", results.Millis, 0,
			"the file input's change event → " + fmt.Sprintf(painted, "the first document is shown")},
		{"switch.dataset.panel", "  open the Documents panel", results.Millis, 0,
			"a click on Documents → " + fmt.Sprintf(painted, "the panel shows its rows")},

		{"scroll.medium.median", "scroll frame median, " + l.Medium, results.Millis, 0,
			fmt.Sprintf("window.scrollBy(0, %s) once per animation frame from the top to the bottom of the document; frame time = interval between consecutive requestAnimationFrame timestamps; median and p95 per run, then median/min/max over runs", scrollStep(l.ScrollStep))},
		{"scroll.medium.p95", "scroll frame p95, " + l.Medium, results.Millis, 20, "=scroll.medium.median"},

		{"export.io", "export " + l.IO, results.Millis, 50,
			"click on Export (capture phase) → the app hands the Blob to URL.createObjectURL"},
		{"export.io.cpu", "  main-thread CPU", results.Millis, 0, "=render.medium.cpu"},
		{"import.io", "import " + l.IO, results.Millis, 200,
			"File.arrayBuffer() resolved (file read) → " + highlight},
		{"import.io.cpu", "  main-thread CPU", results.Millis, 0, "=render.medium.cpu"},

		{"memory.wasm", "wasm linear memory, " + l.Medium, results.BytesBinary, 32 << 20,
			"byteLength of the Go instance's memory buffer after opening the document and its autosave"},
		{"memory.jsheap", "JS heap, " + l.Medium, results.BytesBinary, 20 << 20,
			"Runtime.getHeapUsage usedSize after HeapProfiler.collectGarbage"},
		{"memory.nodes", "DOM nodes, " + l.Medium, results.Count, 3000,
			"Memory.getDOMCounters nodes (elements and text nodes) after the garbage collection"},
		{"memory.elements", "  of which elements", results.Count, 0,
			"document.getElementsByTagName('*').length"},
		{"memory.blink", "Blink heap (DOM), " + l.Medium, results.BytesBinary, 0,
			"Runtime.getHeapUsage embedderHeapUsedSize after the garbage collection"},

		{"compare.class", "compare " + l.Class, results.Millis, 2000,
			fmt.Sprintf("in a fresh tab, after a click on Compare (#compare-button): the change event of #compare-files given %d students' .sayso.json exports and the answer key at once (one DOM.setFileInputFiles) → %s; each export holds the same text with a seeded variation of the key's annotations (a fifth dropped, boundaries moved, stances changed, spurious ones added); one untimed warm-up first",
				l.Students, fmt.Sprintf(painted, fmt.Sprintf("the score table (#compare table.scores) has %d rows", l.Students)))},
		{"compare.class.open", "  of which from the last file read", results.Millis, 0,
			"the last File.arrayBuffer() of the exports resolved → the same painted frame: parsing, scoring, agreement, heat map, adjudication candidates and the view's HTML"},
		{"compare.class.cpu", "  main-thread CPU", results.Millis, 0, "=render.medium.cpu"},

		{"crossings.add", "crossings: add one annotation", results.Count, 1000,
			"syscall/js imports called by Go + calls from JS into Go (Go._resume), counted by wrapping the Go import object in the page, from the triggering event to the painted frame (the Blob for export); " + l.Medium + "; autosave excluded (it runs 250 ms later)"},
		{"crossings.select", "crossings: click an annotation", results.Count, 1000, "=crossings.add"},
		{"crossings.export", "crossings: export", results.Count, 1000, "=crossings.add"},
		{"crossings.import", "crossings: open the document", results.Count, 0, "=crossings.add"},

		{"suggest.small", "Suggest, " + l.Suggest, results.Millis, 20,
			"in a fresh tab with " + l.Suggest + " pasted, warming waited for: the key press (the keydown event's timeStamp) → the presentation of the first frame that painted the Suggestions group's count (the search done and drawn): Element Timing's renderTime for the count, which the bench marks with an elementtiming attribute as the app inserts it, before any paint"},
		{"suggest.small.keyfloor", "  any key's floor, same tab", results.Millis, 0,
			"before g, in the same tab: a key the app never sees (|, taken in the capture phase) adds one short line of text in its handler; the keydown's timeStamp → Element Timing's renderTime of that line: what the least a key press can change takes to reach the screen in this browser, the floor under the Suggest figure"},
		{"suggest.small.groupfloor", "  the group alone, no Go, same tab", results.Millis, 0,
			"after the result, in the same tab: the Suggestions group taken out of the side list, then a key the app never sees (|) whose handler puts the same markup back; the keydown's timeStamp → Element Timing's renderTime of its count: what the browser alone takes to show the group's rows, the floor under the Suggest figure while the result shows in the list"},
		{"suggest.small.frames", "  to the second frame after", results.Millis, 0,
			"the measure of earlier rounds: keydown of g (capture phase) → " + fmt.Sprintf(painted, "the Suggestions group shows its count") + "; it counts one to two frames after the paint"},
		{"suggest.small.block", "  main thread held at most", results.Millis, 0,
			"while Suggest runs, a 4 ms setTimeout heartbeat: the most any beat fired late, i.e. the longest the main thread was held at a stretch, which is the longest a key press or click could wait"},
		{"suggest.small.cpu", "  main-thread CPU", results.Millis, 0, "=render.medium.cpu"},
		{"suggest.small.slices", "  slices", results.Count, 0,
			"dispatches of Suggest and SuggestMore after the key (User Timing sayso:suggest-find, one a dispatch)"},
		{"suggest.small.slice", "  longest slice", results.Millis, 0,
			"the longest dispatch of Suggest or SuggestMore: the state's step (sayso:suggest-find) and the redraw after it (sayso:suggest-draw)"},
		{"suggest.small.find", "  finding, all slices", results.Millis, 0, "sayso:suggest-find summed: the state's steps (the finder, and the suggestions kept in the state)"},
		{"suggest.small.draw", "  drawing, all slices", results.Millis, 0, "sayso:suggest-draw summed: the redraws after the steps"},
		{"suggest.small.drawn", "  every suggestion drawn", results.Millis, 0,
			"keydown of g → the page's mark sayso:suggest-drawn: the suggestions away from the view, drawn in idle time after the result shows, are all drawn (those far from the view kept as offsets until scrolled to)"},
		{"suggest.small.more", "  longest idle-time drawing", results.Millis, 0, "the longest sayso:suggest-more: one idle-time chunk of the suggestions away from the view (0: none was needed)"},
		{"suggest.medium", "Suggest, " + l.Medium + " (its text pasted)", results.Millis, 1000, "=suggest.small"},
		{"suggest.medium.frames", "  to the second frame after", results.Millis, 0, "=suggest.small.frames"},
		{"suggest.medium.cpu", "  main-thread CPU", results.Millis, 0, "=render.medium.cpu"},
		{"suggest.medium.block", "  main thread held at most", results.Millis, 0, "=suggest.small.block"},
		{"suggest.medium.longtask", "  longest long task", results.Millis, 0,
			"the longest PerformanceObserver longtask entry (tasks of 50 ms or more) while Suggest runs; 0 when there was none"},
		{"suggest.medium.slices", "  slices", results.Count, 0, "=suggest.small.slices"},
		{"suggest.medium.slice", "  longest slice", results.Millis, 0, "=suggest.small.slice"},
		{"suggest.medium.find", "  finding, all slices", results.Millis, 0, "=suggest.small.find"},
		{"suggest.medium.draw", "  drawing, all slices", results.Millis, 0, "=suggest.small.draw"},
		{"suggest.medium.drawn", "  every suggestion drawn", results.Millis, 0, "=suggest.small.drawn"},
		{"suggest.medium.more", "  longest idle-time drawing", results.Millis, 0, "=suggest.small.more"},
		{"suggest.warm", "readying Suggest after start-up", results.Millis, 0,
			"User Timing sayso:suggest-warm summed: the idle-time steps (app.WarmSuggest) that build the word lists and run the finder over the sample article, in the 3 KB runs' tabs before the key"},
		{"suggest.warm.step", "  longest step", results.Millis, 0, "the longest sayso:suggest-warm: the longest a key press could wait for warming"},
	}
}

// Figures turns the samples into figures, judged against the issue's
// targets when withTargets is true.
func Figures(s *Samples, l Labels, withTargets bool) []results.Figure {
	var out []results.Figure
	defs := map[string]string{}
	for _, sp := range specs(l) {
		if ref, ok := strings.CutPrefix(sp.definition, "="); ok {
			sp.definition = defs[ref]
		}
		defs[sp.id] = sp.definition
		var t *results.Target
		if withTargets && sp.target > 0 {
			t = results.AtMost(sp.target)
		}
		def := sp.definition
		if n := s.Notes[sp.id]; n != "" {
			def += " [" + n + "]"
		}
		if src, pct, ok := pooled(sp.id); ok {
			out = append(out, results.NewPercentile(sp.id, sp.name, sp.unit, s.ByID[src], pct, t, def))
			continue
		}
		out = append(out, results.New(sp.id, sp.name, sp.unit, s.ByID[sp.id], t, def))
	}
	return out
}

func scrollStep(px int) string {
	if px <= 0 {
		return "innerHeight) (one viewport a frame: every line is shown once"
	}
	return fmt.Sprintf("%d", px)
}
