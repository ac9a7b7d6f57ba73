// Package textedit carries annotations over an edit of their text: web
// clutter taken out ("Leave a reply", "20 Views"), a typo fixed.
//
// Diff compares the old and the new text, paragraph by paragraph (a
// Myers diff of lines) and then, inside each changed stretch, by the
// characters they still share at its start and end. An annotation whose
// fragments lie wholly in unchanged text moves with it, exactly, and is
// not marked. One the edit touched is found again with the re-anchoring
// an import uses (merge.Relocate: position, quote, context, fuzzy), near
// where the edit moved it, and is marked with how it was found; one whose
// text is gone becomes an orphan. Offsets are code points.
package textedit

import (
	"math"
	"unicode/utf8"

	"sayso/internal/anchor"
	"sayso/internal/annotation"
	"sayso/internal/merge"
	"sayso/internal/text"
)

// block is a stretch both texts share: Len code points at Old in the old
// text and at New in the new one.
type block struct{ Old, New, Len int }

// Edit is how a new text differs from an old one: the stretches they
// share, in order.
type Edit struct {
	blocks []block
}

// maxLineEdits bounds the line diff's work; past it (a text rewritten
// from end to end) the changed middle is treated as one stretch.
const maxLineEdits = 4000

// Diff compares old with new.
func Diff(old, new *text.Index) *Edit {
	a, b := old.Text(), new.Text()
	la, lb := lines(a), lines(b)
	ids := map[string]int{}
	id := func(ls []string) []int {
		out := make([]int, len(ls))
		for i, l := range ls {
			v, ok := ids[l]
			if !ok {
				v = len(ids)
				ids[l] = v
			}
			out[i] = v
		}
		return out
	}
	matches := lcs(id(la), id(lb))
	e := &Edit{}
	var byteBlocks []block // in bytes for now
	oa, na := 0, 0         // byte offsets of the current line in a and b
	i, j := 0, 0           // current line in la and lb
	flush := func(ti, tj int) {
		// Lines la[i:ti] and lb[j:tj] differ: share what their ends share.
		ob, nb := oa, na
		for ; i < ti; i++ {
			ob += len(la[i])
		}
		for ; j < tj; j++ {
			nb += len(lb[j])
		}
		if ob > oa || nb > na {
			byteBlocks = append(byteBlocks, refine(a, b, oa, ob, na, nb)...)
		}
		oa, na = ob, nb
	}
	for _, m := range matches {
		flush(m[0], m[1])
		n := len(la[i])
		byteBlocks = append(byteBlocks, block{Old: oa, New: na, Len: n})
		oa, na, i, j = oa+n, na+n, i+1, j+1
	}
	flush(len(la), len(lb))
	for _, bb := range byteBlocks {
		if bb.Len == 0 {
			continue
		}
		cb := block{Old: old.CodePointAtByte(bb.Old), New: new.CodePointAtByte(bb.New), Len: utf8.RuneCountInString(a[bb.Old : bb.Old+bb.Len])}
		if k := len(e.blocks) - 1; k >= 0 && e.blocks[k].Old+e.blocks[k].Len == cb.Old && e.blocks[k].New+e.blocks[k].Len == cb.New {
			e.blocks[k].Len += cb.Len
			continue
		}
		e.blocks = append(e.blocks, cb)
	}
	return e
}

// lines splits s after each line break.
func lines(s string) []string {
	var out []string
	for len(s) > 0 {
		i := 0
		for i < len(s) && s[i] != '\n' {
			i++
		}
		if i < len(s) {
			i++
		}
		out = append(out, s[:i])
		s = s[i:]
	}
	return out
}

// Inside a changed stretch of lines the characters are compared too
// (a typo fixed, a line taken out between two that changed), when the
// stretch is small enough; shared runs shorter than minShared are
// dropped there, since letters shared by chance say nothing.
const (
	maxRefine = 20000 // code points on each side
	minShared = 4     // code points
)

// refine returns the stretches a[oa:ob] and b[na:nb] share, as byte
// blocks cut at code-point boundaries: by a diff of their characters when
// they are small enough, else what they share at their start and end.
func refine(a, b string, oa, ob, na, nb int) []block {
	x, y := a[oa:ob], b[na:nb]
	if rx, ry := []rune(x), []rune(y); len(rx) <= maxRefine && len(ry) <= maxRefine {
		if out, ok := refineRunes(rx, ry, oa, na); ok {
			return out
		}
	}
	p := 0
	for p < len(x) && p < len(y) && x[p] == y[p] {
		p++
	}
	for p > 0 && p < len(x) && !utf8.RuneStart(x[p]) {
		p--
	}
	s := 0
	for s < len(x)-p && s < len(y)-p && x[len(x)-1-s] == y[len(y)-1-s] {
		s++
	}
	for s > 0 && !utf8.RuneStart(x[len(x)-s]) {
		s--
	}
	return []block{{Old: oa, New: na, Len: p}, {Old: ob - s, New: nb - s, Len: s}}
}

// refineRunes diffs two short stretches by code point; ok is false when
// they differ too much for the diff's bound.
func refineRunes(rx, ry []rune, oa, na int) ([]block, bool) {
	ix, iy := make([]int, len(rx)), make([]int, len(ry))
	for i, r := range rx {
		ix[i] = int(r)
	}
	for i, r := range ry {
		iy[i] = int(r)
	}
	pairs, ok := lcsOK(ix, iy)
	if !ok {
		return nil, false
	}
	// Byte offsets of each code point, relative to the stretches.
	bx, by := byteStarts(rx), byteStarts(ry)
	var out []block
	for k := 0; k < len(pairs); {
		n := 1
		for k+n < len(pairs) && pairs[k+n][0] == pairs[k][0]+n && pairs[k+n][1] == pairs[k][1]+n {
			n++
		}
		i, j := pairs[k][0], pairs[k][1]
		atEdge := (i == 0 && j == 0) || (i+n == len(rx) && j+n == len(ry))
		if n >= minShared || atEdge {
			out = append(out, block{Old: oa + bx[i], New: na + by[j], Len: bx[i+n] - bx[i]})
		}
		k += n
	}
	return out, true
}

// byteStarts is the byte offset of each code point of rs, and the length.
func byteStarts(rs []rune) []int {
	out := make([]int, len(rs)+1)
	for i, r := range rs {
		out[i+1] = out[i] + utf8.RuneLen(r)
	}
	return out
}

// lcs returns the pairs (i, j) of a longest common subsequence of a and b
// (Myers' greedy diff), in order. Past maxLineEdits edits it keeps only
// the common start and end.
func lcs(a, b []int) [][2]int {
	out, _ := lcsOK(a, b)
	return out
}

// lcsOK is lcs, with ok false when the middle was past maxLineEdits.
func lcsOK(a, b []int) ([][2]int, bool) {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	var out [][2]int
	for k := 0; k < pre; k++ {
		out = append(out, [2]int{k, k})
	}
	mid, ok := myers(a[pre:len(a)-suf], b[pre:len(b)-suf])
	for _, m := range mid {
		out = append(out, [2]int{m[0] + pre, m[1] + pre})
	}
	for k := suf; k > 0; k-- {
		out = append(out, [2]int{len(a) - k, len(b) - k})
	}
	return out, ok
}

func myers(a, b []int) ([][2]int, bool) {
	n, m := len(a), len(b)
	if n == 0 || m == 0 {
		return nil, true
	}
	maxD := min(n+m, maxLineEdits)
	off := maxD + 1
	v := make([]int, 2*maxD+3)
	var trace [][]int
	found := -1
	for d := 0; d <= maxD && found < 0; d++ {
		snap := make([]int, 2*d+3)
		copy(snap, v[off-d-1:off+d+2])
		trace = append(trace, snap)
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || (k != d && v[off+k-1] < v[off+k+1]) {
				x = v[off+k+1]
			} else {
				x = v[off+k-1] + 1
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x, y = x+1, y+1
			}
			v[off+k] = x
			if x >= n && y >= m {
				found = d
				break
			}
		}
	}
	if found < 0 {
		return nil, false // too different: nothing kept in the middle
	}
	// Walk back through the snapshots (each holds v before step d).
	var out [][2]int
	x, y := n, m
	for d := found; d > 0; d-- {
		snap := trace[d]
		get := func(k int) int { return snap[k+d+1] }
		k := x - y
		var pk int
		if k == -d || (k != d && get(k-1) < get(k+1)) {
			pk = k + 1
		} else {
			pk = k - 1
		}
		px := get(pk)
		py := px - pk
		for x > px && y > py {
			x, y = x-1, y-1
			out = append(out, [2]int{x, y})
		}
		x, y = px, py
	}
	for x > 0 && y > 0 {
		x, y = x-1, y-1
		out = append(out, [2]int{x, y})
	}
	for l, r := 0, len(out)-1; l < r; l, r = l+1, r-1 {
		out[l], out[r] = out[r], out[l]
	}
	return out, true
}

// Shift maps a span of the old text to the new one when the edit left it
// whole: ok is false when the edit touched it.
func (e *Edit) Shift(sp text.Span) (text.Span, bool) {
	for _, b := range e.blocks {
		if b.Old <= sp.Start && sp.End <= b.Old+b.Len {
			d := b.New - b.Old
			return text.Span{Start: sp.Start + d, End: sp.End + d}, true
		}
	}
	return text.Span{}, false
}

// Near is where a span of the old text should be in the new one: shifted
// like the shared stretch it starts in, or after the last one before it.
func (e *Edit) Near(sp text.Span) text.Span {
	start := sp.Start
	if len(e.blocks) > 0 && sp.Start < e.blocks[0].Old {
		start = min(sp.Start, e.blocks[0].New)
	}
	for _, b := range e.blocks {
		if b.Old > sp.Start {
			break
		}
		if sp.Start < b.Old+b.Len {
			start = sp.Start + b.New - b.Old
		} else {
			start = b.New + b.Len // in the changed stretch after b
		}
	}
	return text.Span{Start: start, End: start + sp.Len()}
}

// Placer returns the annotation.Placer of an edit: the diff is made at the
// first annotation, of the old and new texts it is given.
func Placer() annotation.Placer {
	var e *Edit
	return func(a *annotation.Annotation, old, new *text.Index) annotation.Placement {
		if e == nil {
			e = Diff(old, new)
		}
		return e.Place(a, old, new)
	}
}

// Place says where annotation a of old goes in new.
func (e *Edit) Place(a *annotation.Annotation, old, new *text.Index) annotation.Placement {
	moved := make([]text.Span, 0, len(a.Fragments))
	for _, f := range a.Fragments {
		sp, ok := e.Shift(f)
		if !ok {
			moved = nil
			break
		}
		moved = append(moved, sp)
	}
	if moved != nil {
		return annotation.Placement{Fragments: moved}
	}
	frags, how, why := merge.Relocate(old, new, a.Fragments, e.Near)
	if why != "" {
		return annotation.Placement{Why: why}
	}
	p := annotation.Placement{Fragments: frags}
	if how.Method != anchor.ByPosition {
		p.Anchored, p.Confidence = how.Method, int(math.Round(100*how.Confidence))
	}
	return p
}
