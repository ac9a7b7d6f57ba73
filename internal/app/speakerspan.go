package app

import (
	"sayso/internal/annotation"
	"sayso/internal/text"
)

// nameSpan is the part of a speaker selection sp that is the name: the
// span without the punctuation, symbols and spaces around it ("Wang Wen,"
// is stored as "Wang Wen"), so that no export carries the comma. It drops
// whole grapheme clusters from either end, in code points, as long as
// annotation.CleanSpeakerName of what is left stays the same, so it keeps
// exactly what the speaker's name keeps (the full stop of "Jr.", the
// inner "O'") and never splits a letter from its marks. A selection that
// is all punctuation is left as it is.
func nameSpan(x *text.Index, sp text.Span) text.Span {
	name := annotation.CleanSpeakerName(x.Slice(sp.Start, sp.End))
	if name == "" {
		return sp
	}
	for sp.Start < sp.End {
		next := nextBoundary(x, sp.Start, sp.End)
		if annotation.CleanSpeakerName(x.Slice(next, sp.End)) != name {
			break
		}
		sp.Start = next
	}
	for sp.End > sp.Start {
		prev := prevBoundary(x, sp.Start, sp.End)
		if annotation.CleanSpeakerName(x.Slice(sp.Start, prev)) != name {
			break
		}
		sp.End = prev
	}
	return sp
}

// nextBoundary is the first grapheme boundary after cp, at most end.
func nextBoundary(x *text.Index, cp, end int) int {
	for cp++; cp < end && !x.IsGraphemeBoundary(cp); cp++ {
	}
	return cp
}

// prevBoundary is the last grapheme boundary before cp, at least start.
func prevBoundary(x *text.Index, start, cp int) int {
	for cp--; cp > start && !x.IsGraphemeBoundary(cp); cp-- {
	}
	return cp
}
