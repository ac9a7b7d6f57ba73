package app

import (
	"fmt"
	"html"
	"sort"
	"strconv"
	"strings"

	"sayso/internal/agreement"
	"sayso/internal/annotation"
	"sayso/internal/text"
	"sayso/internal/wording"
)

// CompareHTML renders the compare view: the dropped files, the score
// table, agreement among students, a heat map of one document, stance by
// speaker and the adjudication list.
func CompareHTML(st *State) string {
	c := st.Compare
	var b strings.Builder
	b.WriteString(`<div class="compare-head"><h1>Compare a class</h1><div class="row">` +
		`<label class="button primary">Add exports<input type="file" id="compare-files" data-compare="1" accept=".json,application/json" multiple hidden></label>` +
		`<button type="button" data-action="close-compare">Back to annotating</button></div></div>`)
	if c == nil || len(c.Files) == 0 {
		b.WriteString(`<p class="hint">Drop the students' exports (<code>.sayso.json</code>) and your answer key here, or choose them with “Add exports”. Nothing leaves this browser.</p>`)
		return b.String()
	}
	compareFilesHTML(&b, c)
	compareScoresHTML(&b, c)
	b.WriteString(c.cached("agreement", func(b *strings.Builder) { compareAgreementHTML(b, c) }))
	b.WriteString(c.cached("heat\x00"+c.Doc+"\x00"+c.HeatLabel, func(b *strings.Builder) { compareHeatHTML(b, c) }))
	b.WriteString(c.cached("stance", func(b *strings.Builder) { stanceBySpeakerHTML(b, c) }))
	candidatesHTML(&b, st)
	return b.String()
}

func compareFilesHTML(b *strings.Builder, c *Compare) {
	fmt.Fprintf(b, `<section class="card"><h2>Files <span class="count">%s</span></h2><table class="grid files"><thead><tr><th>Who</th><th>File</th><th>Key</th><th>Counted</th><th>Notes</th><th></th></tr></thead><tbody>`, wording.Count(len(c.Files), "file"))
	for i, f := range c.Files {
		n := strconv.Itoa(i)
		who := esc(short(f.Who, 60))
		if f.Project.Exercise.Role == annotation.RoleKey {
			who += ` <span class="tag">answer key</span>`
		}
		fmt.Fprintf(b, `<tr data-file="%s"><td class="who">%s</td><td class="fname">%s</td>`, n, who, esc(short(f.Name, 60)))
		fmt.Fprintf(b, `<td><input type="radio" name="compare-key" data-field="compare-key" data-file="%s"%s aria-label="%s is the key"></td>`, n, selectedAttrNamed(i == c.Key, "checked"), esc(short(f.Who, 60)))
		fmt.Fprintf(b, `<td><input type="checkbox" data-field="compare-include" data-file="%s"%s aria-label="Count %s"></td>`, n, selectedAttrNamed(f.Include, "checked"), esc(short(f.Who, 60)))
		notes := "—"
		if len(f.Notices) > 0 {
			notes = `<span class="flag">` + esc(strings.Join(f.Notices, "; ")) + `</span>`
		}
		fmt.Fprintf(b, `<td>%s</td><td><button type="button" data-action="compare-remove" data-file="%s" title="Forget this file">×</button></td></tr>`, notes, n)
	}
	b.WriteString(`</tbody></table></section>`)
}

func compareScoresHTML(b *strings.Builder, c *Compare) {
	b.WriteString(`<section class="card"><h2>Scores against the key</h2>`)
	reports, why := c.Reports()
	if why != "" {
		fmt.Fprintf(b, `<p class="hint">%s</p></section>`, esc(why))
		return
	}
	w := c.Weights
	b.WriteString(`<div class="row weights">Score weights:`)
	for _, x := range []struct {
		id, name string
		v        float64
	}{{"claims", "claims F1", w.Claims}, {"speakers", "speakers F1", w.Speakers}, {"stance", "stance", w.Stance}, {"attribution", "attribution", w.Attribution}} {
		fmt.Fprintf(b, `<label>%s <input type="number" min="0" max="10" step="0.1" data-field="compare-weight" data-weight="%s" value="%s"></label>`,
			x.name, x.id, strconv.FormatFloat(x.v, 'f', -1, 64))
	}
	b.WriteString(`<button type="button" data-action="export-scores">Export CSV</button></div>`)
	b.WriteString(`<table class="grid scores"><thead><tr>`)
	for _, col := range scoreColumns {
		mark := ""
		if col.ID == c.SortBy {
			mark = " ▲"
			if c.Desc {
				mark = " ▼"
			}
		}
		fmt.Fprintf(b, `<th><button type="button" class="sort" data-action="sort-compare" data-col="%s">%s%s</button></th>`, col.ID, esc(col.Name), mark)
	}
	b.WriteString(`</tr></thead><tbody>`)
	for _, r := range reports {
		b.WriteString(`<tr>`)
		for i, cell := range reportCells(r) {
			if i == 0 {
				fmt.Fprintf(b, `<td class="who">%s</td>`, esc(cell))
				continue
			}
			fmt.Fprintf(b, `<td class="num">%s</td>`, cell)
		}
		b.WriteString(`</tr>`)
	}
	b.WriteString(`</tbody></table><p class="hint">F1 by overlap counts a span found when it shares at least half of the longer of the two spans; exact needs the same start and end. Stance and attribution are judged on the claims that matched.</p></section>`)
}

func compareAgreementHTML(b *strings.Builder, c *Compare) {
	students := c.annotators()
	b.WriteString(`<section class="card"><h2>Agreement among students</h2>`)
	if len(students) < 2 {
		b.WriteString(`<p class="hint">Agreement needs at least two students' exports.</p></section>`)
		return
	}
	b.WriteString(`<dl class="stats">`)
	if pw, err := agreement.PairwiseF1(students, annotation.LabelClaim); err == nil {
		fmt.Fprintf(b, `<dt>Claims, mean pairwise F1 (overlap)</dt><dd class="num" id="pairwise-f1">%.2f</dd>`, pw.Mean)
	}
	alpha, err := agreement.StanceAlpha(students, 0)
	fmt.Fprintf(b, `<dt>Stance: Krippendorff's alpha</dt><dd><span class="num" id="alpha">%s</span> <span class="method">%s</span></dd>`, number(alpha.Alpha, err), esc(alpha.Method))
	kappa, err := agreement.StanceKappa(students)
	fmt.Fprintf(b, `<dt>Stance: Fleiss' kappa</dt><dd><span class="num" id="kappa">%s</span> <span class="method">%s</span></dd>`, number(kappa.Kappa, err), esc(kappa.Method))
	b.WriteString(`</dl></section>`)
}

// number shows a measure, or why it has no value.
func number(v float64, err error) string {
	if err != nil {
		return `<span class="hint">` + esc(err.Error()) + `</span>`
	}
	return strconv.FormatFloat(v, 'f', 3, 64)
}

// heatLevels is the number of heat map shades (heat-1 … heat-5).
const heatLevels = 5

// compareHeatHTML shows one reference document with every stretch shaded
// by how many of the counted annotators marked it as a claim.
func compareHeatHTML(b *strings.Builder, c *Compare) {
	ref, ok := c.reference()
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
	b.WriteString(`<section class="card"><h2>Where the class marked</h2><div class="row">`)
	if len(ref.Documents) > 1 {
		b.WriteString(`<label>Document <select data-field="compare-doc">`)
		for _, d := range ref.Documents {
			fmt.Fprintf(b, `<option value="%s"%s>%s</option>`, esc(d.ID), selectedAttr(d.ID == doc.ID), esc(short(d.Title, 60)))
		}
		b.WriteString(`</select></label>`)
	}
	b.WriteString(`<label>Label <select data-field="compare-label">`)
	for _, l := range ref.Schema.Labels {
		fmt.Fprintf(b, `<option value="%s"%s>%s</option>`, esc(l.ID), selectedAttr(l.ID == label), esc(l.Name))
	}
	fmt.Fprintf(b, `</select></label><span class="legend">%d annotators: lighter = fewer, darker = more marked it</span></div><div class="heat" id="heat">`, len(all))
	runs := agreement.Coverage(all, doc, label)
	x := text.NewIndex(doc.Text)
	r := 0
	for _, p := range x.Paragraphs() {
		b.WriteString(`<p>`)
		pos := p.Start
		for pos < p.End {
			for r < len(runs) && runs[r].End <= pos {
				r++
			}
			if r >= len(runs) || runs[r].Start >= p.End {
				b.WriteString(html.EscapeString(x.Slice(pos, p.End)))
				break
			}
			run := runs[r]
			if run.Start > pos {
				b.WriteString(html.EscapeString(x.Slice(pos, run.Start)))
				pos = run.Start
			}
			end := min(run.End, p.End)
			level := max(1, (run.Count*heatLevels+len(all)-1)/max(len(all), 1))
			fmt.Fprintf(b, `<mark class="heat-%d" title="%d of %d">%s</mark>`, min(level, heatLevels), run.Count, len(all), html.EscapeString(x.Slice(pos, end)))
			pos = end
		}
		b.WriteString(`</p>`)
	}
	b.WriteString(`</div></section>`)
}

// stanceBySpeakerHTML counts, across the counted students, the stances of
// the claims attributed to each speaker (by name).
func stanceBySpeakerHTML(b *strings.Builder, c *Compare) {
	students := c.annotators()
	ref, ok := c.reference()
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
	b.WriteString(`<section class="card"><h2>Stance by speaker, across the class</h2>`)
	if len(counts) == 0 {
		b.WriteString(`<p class="hint">No student attributed a claim with a stance to a speaker yet.</p></section>`)
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
	b.WriteString(`<table class="grid chart"><thead><tr><th>Speaker</th>`)
	for _, v := range stances {
		fmt.Fprintf(b, `<th>%s</th>`, esc(v))
	}
	b.WriteString(`</tr></thead><tbody>`)
	for _, k := range keys {
		fmt.Fprintf(b, `<tr><td class="who">%s</td>`, esc(short(names[k], 50)))
		for _, v := range stances {
			n := counts[k][v]
			fmt.Fprintf(b, `<td class="meter st-%s"><meter min="0" max="%d" value="%d"></meter> %d</td>`, cssName(v), most, n, n)
		}
		b.WriteString(`</tr>`)
	}
	b.WriteString(`</tbody></table></section>`)
}

func candidatesHTML(b *strings.Builder, st *State) {
	c := st.Compare
	cands := st.compareCandidates()
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
	fmt.Fprintf(b, `<section class="card"><h2>Adjudicate <span class="count" id="accepted">%d of %d accepted</span></h2>`, accepted, len(cands))
	b.WriteString(`<p class="hint">Each row is a stretch that counted annotators marked with the same label. Those marked by more than half are accepted to start with; tick or untick, then open the gold set and export it in any format.</p>`)
	b.WriteString(`<div class="row"><button type="button" class="primary" data-action="adopt-gold">Open the gold set</button></div>`)
	b.WriteString(`<table class="grid cands"><thead><tr><th>Accept</th><th>Label</th><th>Text</th><th>Marked by</th><th>Stance</th><th>Speaker</th></tr></thead><tbody>`)
	for i, cand := range cands {
		fmt.Fprintf(b, `<tr class="l-%s"><td><input type="checkbox" data-field="accept" data-cand="%d"%s aria-label="Accept candidate %d"></td><td><span class="tag">%s</span></td><td class="qt">%s</td><td class="num" title="%s">%d / %d</td><td>%s</td><td>%s</td></tr>`,
			cssName(cand.Label), i, selectedAttrNamed(cand.Accept, "checked"), i+1, esc(cand.Label), esc(short(cand.Quote, 120)),
			esc(strings.Join(cand.Markers, ", ")), cand.Count, n, esc(cand.Stance), esc(short(cand.Speaker, 40)))
	}
	b.WriteString(`</tbody></table></section>`)
}
