package corpus

import (
	"math/rand/v2"
	"strings"
	"unicode/utf8"

	"sayso/internal/text"
)

// attribution is a reported-speech sentence: where its claim (one or two
// fragments), speaker name and cue are, and a word boundary inside the
// claim where an overlapping claim may start.
type attribution struct {
	claim    []text.Span
	speaker  text.Span
	cue      text.Span
	name     string
	mid      int       // a word start inside the first claim fragment
	sentence text.Span // the whole sentence
}

// writer builds the document text and counts code points as it goes.
type writer struct {
	rng   *rand.Rand
	b     strings.Builder
	cp    int
	start int // code point where the current paragraph starts
	paras []string
	cands []attribution
}

// put appends s and returns the code points it covers.
func (w *writer) put(s string) text.Span {
	sp := text.Span{Start: w.cp, End: w.cp + utf8.RuneCountInString(s)}
	w.b.WriteString(s)
	w.cp = sp.End
	return sp
}

func (w *writer) pick(list []string) string { return list[w.rng.IntN(len(list))] }

// phrase is n words of running text, sometimes with a curly apostrophe,
// an emoji or a CJK word, and the code-point offset (from the phrase's
// start) of a word start near its middle.
func (w *writer) phrase(n int) (string, int) {
	parts := make([]string, 0, n)
	for range n {
		switch r := w.rng.IntN(100); {
		case r < 8:
			parts = append(parts, w.pick(apostrophes))
		case r < 13:
			parts = append(parts, w.pick(emoji))
		case r < 18:
			parts = append(parts, w.pick(cjk))
		default:
			parts = append(parts, w.pick(words))
		}
	}
	midWord := n / 2
	mid := 0
	for i := range midWord {
		mid += utf8.RuneCountInString(parts[i]) + 1
	}
	return strings.Join(parts, " "), mid
}

// filler writes a sentence nobody is quoted in.
func (w *writer) filler() {
	s, _ := w.phrase(8 + w.rng.IntN(16))
	w.put(capitalize(s) + ".")
}

// reported writes a reported-speech sentence in one of five shapes and
// records it as a candidate for annotation.
func (w *writer) reported() {
	a := attribution{}
	begin := w.cp
	claim := func(n int) text.Span {
		s, mid := w.phrase(n)
		sp := w.put(s)
		if len(a.claim) == 0 {
			a.mid = sp.Start + mid
		}
		a.claim = append(a.claim, sp)
		return sp
	}
	name := func(list []string) {
		a.name = w.pick(list)
		a.speaker = w.put(a.name)
	}
	switch w.rng.IntN(5) {
	case 0: // “Claim,” Name said.
		w.put("“")
		claim(6 + w.rng.IntN(12))
		w.put(",” ")
		name(speakers)
		w.put(" ")
		a.cue = w.put(w.pick(cues))
		w.put(".")
	case 1: // Name said that claim.
		name(speakers)
		w.put(" ")
		a.cue = w.put(w.pick(cues))
		w.put(" that ")
		claim(6 + w.rng.IntN(12))
		w.put(".")
	case 2: // According to Name, claim.
		a.cue = w.put("According to")
		w.put(" ")
		name(speakers)
		w.put(", ")
		claim(6 + w.rng.IntN(12))
		w.put(".")
	case 3: // “Claim A,” Name said, “claim B.” — a discontinuous claim.
		w.put("“")
		claim(4 + w.rng.IntN(8))
		w.put(",” ")
		name(speakers)
		w.put(" ")
		a.cue = w.put(w.pick(cues))
		w.put(", “")
		claim(4 + w.rng.IntN(8))
		w.put(".”")
	default: // 王文表示：“……。”
		name(cjkSpeakers)
		a.cue = w.put(w.pick(cjkCues))
		w.put("：“")
		sp := w.put(w.pick(cjkClaims) + "，" + w.pick(cjk) + w.pick(emoji))
		a.claim = []text.Span{sp}
		a.mid = sp.Start + sp.Len()/2
		w.put("。”")
	}
	a.sentence = text.Span{Start: begin, End: w.cp}
	w.cands = append(w.cands, a)
}

// paragraph writes one paragraph of 3 to 7 sentences, about half of them
// reported speech; first makes its first sentence reported speech.
func (w *writer) paragraph(first bool) {
	w.start = w.cp
	n := 3 + w.rng.IntN(5)
	for i := range n {
		if i > 0 {
			w.put(" ")
		}
		if (first && i == 0) || w.rng.IntN(100) < 55 {
			w.reported()
		} else {
			w.filler()
		}
	}
}

// generate writes paragraphs until the text holds at least size bytes
// and at least words words.
func generate(rng *rand.Rand, size, words int) *writer {
	w := &writer{rng: rng}
	n := 0
	for w.b.Len() < size || n < words {
		if w.b.Len() > 0 {
			w.put("\n\n")
		}
		before := w.b.Len()
		w.paragraph(len(w.paras) == 0)
		p := w.b.String()[before:]
		w.paras = append(w.paras, p)
		n += len(strings.Fields(p))
	}
	return w
}

func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r >= 'a' && r <= 'z' {
		return string(r-'a'+'A') + s[n:]
	}
	return s
}
