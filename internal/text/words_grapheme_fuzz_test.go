package text

import "testing"

// FuzzSnapToGraphemes checks that neither an exact selection
// (SnapToGraphemes) nor a snapped one (SnapToWords) ever starts or ends
// inside a grapheme cluster, and that an exact selection widens only as far
// as the nearest boundary.
func FuzzSnapToGraphemes(f *testing.F) {
	f.Add("Vive la 🇫🇷 !", 8, 9)
	f.Add("من می\u200cخواهم بروم", 4, 6)
	f.Add("\u0600123 x", 1, 2)
	f.Add("\u1100\u1161\u11a8 가", 1, 2)
	f.Add("a 👩\u200d👩\u200d👧 b", 3, 4)
	f.Add("👍🏽 e\u0301\r\n", 1, 4)
	f.Add("x\xff\u200c\u0600", 1, 3)
	f.Fuzz(func(t *testing.T, s string, start, end int) {
		x := NewIndex(s)
		sp := Span{wrapOffset(x, start), wrapOffset(x, end)}
		trimmed := x.TrimSpace(sp)
		for name, got := range map[string]Span{"SnapToGraphemes": x.SnapToGraphemes(sp), "SnapToWords": x.SnapToWords(sp)} {
			if got.Start < 0 || got.End > x.Len() || got.Start > got.End {
				t.Fatalf("%s(%v) = %v, out of [0, %d]", name, sp, got, x.Len())
			}
			// An empty span (only white space was selected) selects nothing.
			if got.Len() > 0 && (!x.IsGraphemeBoundary(got.Start) || !x.IsGraphemeBoundary(got.End)) {
				t.Fatalf("%s(%q, %v) = %v ends inside a grapheme cluster", name, s, sp, got)
			}
			if trimmed.Len() > 0 && !got.Contains(trimmed) {
				t.Fatalf("%s(%v) = %v does not contain %v", name, sp, got, trimmed)
			}
		}
		got := x.SnapToGraphemes(sp)
		if trimmed.Len() == 0 {
			if got != trimmed {
				t.Fatalf("SnapToGraphemes(%v) = %v of only space, want %v", sp, got, trimmed)
			}
			return
		}
		for cp := got.Start + 1; cp <= trimmed.Start; cp++ {
			if x.IsGraphemeBoundary(cp) {
				t.Fatalf("SnapToGraphemes(%v) = %v starts before the boundary at %d", sp, got, cp)
			}
		}
		for cp := trimmed.End; cp < got.End; cp++ {
			if x.IsGraphemeBoundary(cp) {
				t.Fatalf("SnapToGraphemes(%v) = %v ends after the boundary at %d", sp, got, cp)
			}
		}
	})
}

// wrapOffset brings an offset far out of range into [-1, Len()+1].
func wrapOffset(x *Index, v int) int {
	if v < -1 || v > x.Len()+1 {
		m := x.Len() + 3
		v = (v%m+m)%m - 1
	}
	return v
}
