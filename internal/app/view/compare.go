package view

import (
	"sort"
	"strconv"
	"strings"

	"sayso/internal/agreement"
	"sayso/internal/annotation"
	"sayso/internal/app"
	"sayso/internal/text"
	"sayso/internal/wording"
)

// Compare renders the compare view: the dropped files, the score table,
// agreement among students, a heat map of one document, stance by speaker
// and the adjudication list. The sections computed from the files alone
// are kept (app.Compare.Memo) until the files change.
func Compare(st *app.State) HTML {
	c := st.Compare
	var b Builder
	b.Printf(`<div class="compare-head"><h1>Compare a class</h1><div class="row">`+
		`<button type="button" class="primary" data-action="%s" data-input="compare-files">Add exports</button><input type="file" id="compare-files" data-%s="1" accept=".json,application/json" multiple hidden>`+
		`<button type="button" data-action="%s">Back to annotating</button></div></div>`, ActPickFile, FileCompare, ActCloseCompare)
	b.Put(CompareBoxes(st))
	if c == nil || len(c.Files) == 0 {
		b.Markup(`<p class="hint">Drop the students' exports (<code>.sayso.json</code>) and your answer key here, or choose them with “Add exports”. Nothing leaves this browser.</p>`)
		return b.HTML()
	}
	compareFiles(&b, c)
	compareScores(&b, c)
	b.Put(memo(c, "agreement", compareAgreement))
	b.Put(memo(c, "heat\x00"+c.Doc+"\x00"+c.HeatLabel, compareHeat))
	b.Put(memo(c, "stance", stanceBySpeaker))
	candidates(&b, st)
	return b.HTML()
}

// memo builds a section once per set of compared files.
func memo(c *app.Compare, name string, build func(*Builder, *app.Compare)) HTML {
	return c.Memo(name, func() any {
		var b Builder
		build(&b, c)
		return b.HTML()
	}).(HTML)
}

func compareFiles(b *Builder, c *app.Compare) {
	b.Printf(`<section class="card"><h2>Files <span class="count">%s</span></h2><table class="grid files"><thead><tr><th>Who</th><th>File</th><th>Key</th><th>Counted</th><th>Notes</th><th></th></tr></thead><tbody>`, wording.Count(len(c.Files), "file"))
	for i, f := range c.Files {
		who := wording.Clip(f.Who, 60)
		b.Printf(`<tr data-file="%d"><td class="who">%s`, i, who)
		if f.Project.Exercise.Role == annotation.RoleKey {
			b.Markup(` <span class="tag">answer key</span>`)
		}
		b.Printf(`</td><td class="fname">%s</td>`, wording.Clip(f.Name, 60))
		b.Printf(`<td><input type="radio" name="compare-key" data-field="%s" data-file="%d"%s aria-label="%s is the key"></td>`, FieldCompareKey, i, attrIf(i == c.Key, " checked"), who)
		b.Printf(`<td><input type="checkbox" data-field="%s" data-file="%d"%s aria-label="Count %s"></td>`, FieldCompareInclude, i, attrIf(f.Include, " checked"), who)
		if len(f.Notices) > 0 {
			b.Printf(`<td><span class="flag">%s</span></td>`, strings.Join(f.Notices, "; "))
		} else {
			b.Markup(`<td>—</td>`)
		}
		b.Printf(`<td><button type="button" data-action="%s" data-file="%d" title="Forget this file" aria-label="Forget %s">×</button></td></tr>`, ActCompareRemove, i, wording.Clip(f.Name, 60))
	}
	b.Markup(`</tbody></table></section>`)
}

func compareScores(b *Builder, c *app.Compare) {
	b.Markup(`<section class="card"><h2>Scores against the key</h2>`)
	reports, why := c.Reports()
	if why != "" {
		b.Printf(`<p class="hint">%s</p></section>`, why)
		return
	}
	w := c.Weights
	b.Markup(`<div class="row weights">Score weights:`)
	for _, x := range []struct {
		id, name string
		v        float64
	}{{"claims", "claims F1", w.Claims}, {"speakers", "speakers F1", w.Speakers}, {"stance", "stance", w.Stance}, {"attribution", "attribution", w.Attribution}} {
		b.Printf(`<label>%s <input type="number" min="0" max="10" step="0.1" data-field="%s" data-weight="%s" value="%s"></label>`,
			x.name, FieldCompareWeight, x.id, strconv.FormatFloat(x.v, 'f', -1, 64))
	}
	b.Printf(`<button type="button" data-action="%s">Export CSV</button></div>`, ActExportScores)
	b.Markup(`<table class="grid scores"><thead><tr>`)
	for _, col := range app.ScoreColumns() {
		var mark markup
		if col.ID == c.SortBy {
			mark = " ▲"
			if c.Desc {
				mark = " ▼"
			}
		}
		b.Printf(`<th><button type="button" class="sort" data-action="%s" data-col="%s">%s%s</button></th>`, ActSortCompare, col.ID, col.Name, mark)
	}
	b.Markup(`</tr></thead><tbody>`)
	for _, r := range reports {
		b.Markup(`<tr>`)
		for i, cell := range app.ReportCells(r) {
			if i == 0 {
				b.Printf(`<td class="who">%s</td>`, cell)
				continue
			}
			b.Printf(`<td class="num">%s</td>`, cell)
		}
		b.Markup(`</tr>`)
	}
	b.Markup(`</tbody></table><p class="hint">F1 by overlap counts a span found when it shares at least half of the longer of the two spans; exact needs the same start and end. Stance and attribution are judged on the claims that matched.</p></section>`)
}

func compareAgreement(b *Builder, c *app.Compare) {
	students := c.Annotators()
	b.Markup(`<section class="card" tabindex="0" aria-label="Agreement among students"><h2>Agreement among students</h2>`)
	if len(students) < 2 {
		b.Markup(`<p class="hint">Agreement needs at least two students' exports.</p></section>`)
		return
	}
	b.Markup(`<dl class="stats">`)
	if pw, err := agreement.PairwiseF1(students, annotation.LabelClaim); err == nil {
		b.Printf(`<dt>Claims, mean pairwise F1 (overlap)</dt><dd class="num" id="pairwise-f1">%.2f</dd>`, pw.Mean)
	}
	alpha, err := agreement.StanceAlpha(students, 0)
	b.Printf(`<dt>Stance: Krippendorff's alpha</dt><dd><span class="num" id="alpha">%s</span> <span class="method">%s</span></dd>`, number(alpha.Alpha, err), alpha.Method)
	kappa, err := agreement.StanceKappa(students)
	b.Printf(`<dt>Stance: Fleiss' kappa</dt><dd><span class="num" id="kappa">%s</span> <span class="method">%s</span></dd>`, number(kappa.Kappa, err), kappa.Method)
	b.Markup(`</dl></section>`)
}

// number shows a measure, or why it has no value.
func number(v float64, err error) HTML {
	var b Builder
	if err != nil {
		b.Printf(`<span class="hint">%s</span>`, err.Error())
	} else {
		b.Text(strconv.FormatFloat(v, 'f', 3, 64))
	}
	return b.HTML()
}

// Cards without a control of their own (agreement, stance by speaker)
// take the focus, so that the keyboard can scroll a table wider than a
// phone.

// heatLevels is the number of heat map shades (heat-1 … heat-5).
const heatLevels = 5

// compareHeat shows one reference document with every stretch shaded by
// how many of the counted annotators marked it as a claim.
func compareHeat(b *Builder, c *app.Compare) {
	ref, ok := c.Reference()
	if !ok || len(ref.Documents) == 0 {
		return
	}
	var all []agreement.Annotator
	for _, f := range c.Files {
		if f.Include {
			all = append(all, agreement.Annotator{Name: f.Who, Project: f.Project})
		}
	}
	doc := ref.Documents[0]
	for _, d := range ref.Documents {
		if d.ID == c.Doc {
			doc = d
		}
	}
	label := c.HeatLabel
	if label == "" {
		label = annotation.LabelClaim
	}
	b.Markup(`<section class="card"><h2>Where the class marked</h2><div class="row">`)
	if len(ref.Documents) > 1 {
		b.Printf(`<label>Document <select data-field="%s">`, FieldCompareDoc)
		for _, d := range ref.Documents {
			b.Printf(`<option value="%s"%s>%s</option>`, d.ID, attrIf(d.ID == doc.ID, " selected"), wording.Clip(d.Title, 60))
		}
		b.Markup(`</select></label>`)
	}
	b.Printf(`<label>Label <select data-field="%s">`, FieldCompareLabel)
	for _, l := range ref.Schema.Labels {
		b.Printf(`<option value="%s"%s>%s</option>`, l.ID, attrIf(l.ID == label, " selected"), l.Name)
	}
	b.Printf(`</select></label><span class="legend">%d annotators: lighter = fewer, darker = more marked it</span></div><div class="heat" id="heat" tabindex="0" role="region" aria-label="Heat map of the text">`, len(all))
	runs := agreement.Coverage(all, doc, label)
	x := text.NewIndex(doc.Text)
	r := 0
	for _, p := range x.Paragraphs() {
		b.Markup(`<p>`)
		r = heatParagraph(b, x, p, runs, r, len(all))
		b.Markup(`</p>`)
	}
	b.Markup(`</div></section>`)
}

// heatParagraph writes paragraph p of x with the part of each run inside
// it marked, from runs[r] on (runs in order, counted among all
// annotators), and returns the first of them that ends past p (len(runs)
// if none), where the next paragraph starts. A run is marked only where it
// covers some of p's text: one that starts or ends on a line break, lies
// between paragraphs or is empty adds no empty mark.
func heatParagraph(b *Builder, x *text.Index, p text.Span, runs []agreement.Run, r, all int) int {
	pos := p.Start
	for ; r < len(runs); r++ {
		run := runs[r]
		if start, end := max(run.Start, pos), min(run.End, p.End); start < end {
			b.Text(x.Slice(pos, start))
			level := max(1, (run.Count*heatLevels+all-1)/max(all, 1))
			b.Printf(`<mark class="heat-%d" title="%d of %d">%s</mark>`, min(level, heatLevels), run.Count, all, x.Slice(start, end))
			pos = end
		}
		if run.End > p.End {
			break // it goes on in a later paragraph
		}
	}
	b.Text(x.Slice(pos, p.End))
	return r
}

// stanceBySpeaker counts, across the counted students, the stances of the
// claims attributed to each speaker (by name).
func stanceBySpeaker(b *Builder, c *app.Compare) {
	students := c.Annotators()
	ref, ok := c.Reference()
	if !ok || len(students) == 0 {
		return
	}
	stances := ref.Schema.Stances
	counts := map[string]map[string]int{}
	names := map[string]string{}
	for _, s := range students {
		speakers := map[string]string{}
		for _, sp := range s.Project.Speakers {
			speakers[sp.ID] = sp.Name
		}
		for _, a := range s.Project.Annotations {
			if a.Label != annotation.LabelClaim || a.Speaker == "" || a.Stance == "" {
				continue
			}
			name := speakers[a.Speaker]
			key := agreement.NormalizeName(name)
			if key == "" {
				continue
			}
			if _, seen := names[key]; !seen {
				names[key] = name
				counts[key] = map[string]int{}
			}
			counts[key][a.Stance]++
		}
	}
	b.Markup(`<section class="card" tabindex="0" aria-label="Stance by speaker, across the class"><h2>Stance by speaker, across the class</h2>`)
	if len(counts) == 0 {
		b.Markup(`<p class="hint">No student attributed a claim with a stance to a speaker yet.</p></section>`)
		return
	}
	keys := make([]string, 0, len(counts))
	most := 1
	for k, m := range counts {
		keys = append(keys, k)
		for _, n := range m {
			most = max(most, n)
		}
	}
	sort.Strings(keys)
	b.Markup(`<table class="grid chart"><thead><tr><th>Speaker</th>`)
	for _, v := range stances {
		b.Printf(`<th>%s</th>`, v)
	}
	b.Markup(`</tr></thead><tbody>`)
	for _, k := range keys {
		b.Printf(`<tr><td class="who">%s</td>`, wording.Clip(names[k], 50))
		for _, v := range stances {
			n := counts[k][v]
			b.Printf(`<td class="meter st-%s"><meter min="0" max="%d" value="%d"></meter> %d</td>`, cssName(v), most, n, n)
		}
		b.Markup(`</tr>`)
	}
	b.Markup(`</tbody></table></section>`)
}

func candidates(b *Builder, st *app.State) {
	c := st.Compare
	cands := st.CompareCandidates()
	n := 0
	for _, f := range c.Files {
		if f.Include {
			n++
		}
	}
	accepted := 0
	for _, cand := range cands {
		if cand.Accept {
			accepted++
		}
	}
	b.Printf(`<section class="card"><h2>Adjudicate <span class="count" id="accepted">%d of %d accepted</span></h2>`, accepted, len(cands))
	b.Markup(`<p class="hint">Each row is a stretch that counted annotators marked with the same label. Those marked by more than half are accepted to start with; tick or untick, then open the gold set and export it in any format.</p>`)
	b.Printf(`<div class="row"><button type="button" class="primary" data-action="%s">Open the gold set</button></div>`, ActAdoptGold)
	b.Markup(`<table class="grid cands"><thead><tr><th>Accept</th><th>Label</th><th>Text</th><th>Marked by</th><th>Stance</th><th>Speaker</th></tr></thead><tbody>`)
	for i, cand := range cands {
		b.Printf(`<tr class="l-%s"><td><input type="checkbox" data-field="%s" data-cand="%d"%s aria-label="Accept candidate %d"></td><td><span class="tag">%s</span></td><td class="qt">%s</td><td class="num" title="%s">%d / %d</td><td>%s</td><td>%s</td></tr>`,
			cssName(cand.Label), FieldAccept, i, attrIf(cand.Accept, " checked"), i+1, cand.Label, wording.Clip(cand.Quote, 120),
			strings.Join(cand.Markers, ", "), cand.Count, n, cand.Stance, wording.Clip(cand.Speaker, 40))
	}
	b.Markup(`</tbody></table></section>`)
}
