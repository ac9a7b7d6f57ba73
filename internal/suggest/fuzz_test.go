package suggest

import (
	"testing"
	"unicode/utf8"

	"sayso/internal/text"
)

// FuzzSuggest checks that the suggester never panics and never returns a
// span outside the text, empty, or with an end inside a grapheme cluster
// or a word.
func FuzzSuggest(f *testing.F) {
	for _, s := range []string{
		"“We will win,” she said. “Then we rest.”",
		"Officials said that 👩‍👩‍👧 families 🇫🇷🇩🇪 would wait.",
		"''It is over,'' Mr. Ames said.\n\n\"And next\nyear\" said",
		"according to , said , \" \" “ ” ‘ ’ «» :",
		"e\u0301 said e\u0301\u0301 that x\u200d\u200d.",
		"Ruiz continued:\n\n“We rebuild.”\n\nShe said:",
		"“Go,” Ruiz barked. “Now!” beamed Ana. “Run,” said Rep. Ada Price (D-Ore.",
		"Closed, she said, “but open.” He said, “X.” He said, twice, that",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, doc string) {
		if !utf8.ValidString(doc) {
			return // pasted text is cleaned to valid UTF-8 first (text.Clean)
		}
		x := text.NewIndex(doc)
		check := func(what string, sp Span) {
			if sp.Start < 0 || sp.End > x.Len() || sp.Start > sp.End {
				t.Fatalf("%s %v outside the text of %d code points", what, sp, x.Len())
			}
			if sp.Len() > 0 && x.SnapToWords(sp) != sp {
				t.Fatalf("%s %v (%q) splits a word or a grapheme: %v", what, sp, x.Slice(sp.Start, sp.End), x.SnapToWords(sp))
			}
		}
		res := Suggest(doc)
		for _, sg := range res.Suggestions {
			if len(sg.Content) == 0 {
				t.Fatal("a suggestion without content")
			}
			for _, c := range sg.Content {
				check("content", c)
			}
			check("cue", sg.Cue)
			check("source", sg.Source)
			if sg.Speaker >= len(res.Speakers) {
				t.Fatalf("speaker %d of %d", sg.Speaker, len(res.Speakers))
			}
		}
	})
}
