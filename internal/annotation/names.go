package annotation

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Speaker names made from a selection, and how a new mention finds the
// speaker it refers to.
//
// A selection brings the punctuation around a name with it ("Wang Wen,",
// “Okafor”, (Reyes)); CleanSpeakerName takes it off, keeping what belongs
// to the name (O'Brien, Jr., U.S.). A later reference by surname
// ("Okafor", "Mayor Okafor") joins the one speaker whose name, titles
// left aside, ends or begins with it; when several could be meant it is
// left undecided (see SpeakerCandidates).

// CleanSpeakerName is the name a speaker mention proposes: its text with
// runs of white space made one space, without the punctuation, symbols,
// spaces and invisible marks around it. A final full stop stays when it
// ends an abbreviation (Jr., Inc., U.S., an initial).
func CleanSpeakerName(quote string) string {
	name := strings.Join(strings.Fields(quote), " ")
	name = strings.TrimLeftFunc(name, isNameEdge)
	for name != "" {
		r, size := utf8.DecodeLastRuneInString(name)
		if !isNameEdge(r) {
			break
		}
		if r == '.' && endsAbbreviation(name[:len(name)-size]) {
			break
		}
		name = name[:len(name)-size]
	}
	return name
}

// isNameEdge reports whether r, at the start or end of a selection, is
// not part of a name: punctuation (quotes, brackets, commas, dashes),
// symbols, spaces, controls and format marks (such as the invisible
// direction marks of right-to-left text).
func isNameEdge(r rune) bool {
	return unicode.IsPunct(r) || unicode.IsSpace(r) || unicode.IsSymbol(r) ||
		unicode.IsControl(r) || unicode.In(r, unicode.Cf)
}

// endsAbbreviation reports whether a full stop after s ends an
// abbreviation: s ends with a word of at most three letters that starts
// with a capital (Jr, Sr, Inc, an initial) or with a word that already
// has a full stop in it (U.S).
func endsAbbreviation(s string) bool {
	i := strings.LastIndexFunc(s, func(r rune) bool { return unicode.IsSpace(r) })
	word := s[i+1:]
	if word == "" {
		return false
	}
	if strings.Contains(word, ".") {
		return true
	}
	r, _ := utf8.DecodeRuneInString(word)
	return unicode.IsUpper(r) && utf8.RuneCountInString(word) <= 3 && isLetters(word)
}

func isLetters(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// titles are the words before a name that say what the person is, not
// who: "Mayor Ines Okafor" and "Ms. Okafor" are Okafor. Lower case,
// without the full stop.
var titles = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "mx": true, "miss": true, "dr": true, "prof": true,
	"professor": true, "mayor": true, "secretary": true, "president": true, "senator": true,
	"sen": true, "rep": true, "representative": true, "minister": true, "prime": true,
	"governor": true, "gov": true, "judge": true, "justice": true, "chancellor": true,
	"premier": true, "councillor": true, "councilor": true, "councilwoman": true,
	"councilman": true, "dean": true, "chief": true, "sir": true, "dame": true, "lord": true,
	"lady": true, "general": true, "gen": true, "colonel": true, "col": true, "captain": true,
	"capt": true, "rev": true, "reverend": true, "father": true, "sister": true, "deputy": true,
	"vice": true, "commissioner": true, "ambassador": true, "officer": true, "inspector": true,
	"detective": true, "sheriff": true, "coach": true, "chairman": true, "chairwoman": true,
	"chair": true, "director": true, "king": true, "queen": true, "prince": true, "princess": true,
	"pope": true, "rabbi": true, "imam": true, "sheikh": true, "herr": true, "frau": true,
	"madame": true, "mme": true, "monsieur": true, "señor": true, "señora": true, "sr": true,
	"sra": true, "dott": true, "ing": true,
}

// suffixes are the words after a name that do not make it another name.
var suffixes = map[string]bool{"jr": true, "sr": true, "ii": true, "iii": true, "iv": true, "phd": true}

// nameWords splits a name into its words, lower case and without the
// punctuation around each, leaving out the titles before it and the
// suffixes after it (but never every word).
func nameWords(name string) []string {
	var words []string
	for _, f := range strings.Fields(name) {
		w := strings.ToLower(strings.TrimFunc(f, isNameEdge))
		if w != "" {
			words = append(words, w)
		}
	}
	bare := func(w string) string { return strings.TrimRight(w, ".") }
	for len(words) > 1 && titles[bare(words[0])] {
		words = words[1:]
	}
	for len(words) > 1 && suffixes[bare(words[len(words)-1])] {
		words = words[:len(words)-1]
	}
	return words
}

// partOfName reports whether part, some words of a name, are the last or
// the first words of name: a surname ("Okafor" of "Ines Okafor"), or a
// family name written first ("Wang" of "Wang Wen").
func partOfName(part, name []string) bool {
	if len(part) == 0 || len(part) >= len(name) {
		return false
	}
	return slices.Equal(part, name[len(name)-len(part):]) || slices.Equal(part, name[:len(part)])
}

// SpeakerCandidates lists the speaker entities a mention reading name
// could refer to when it is only part of their names: those whose name,
// titles left aside, ends or begins with its words ("Okafor" → "Mayor
// Ines Okafor"; "Wang" → "Wang Wen" and "Wang Li"). A name that is a whole
// speaker's name, titles aside, lists just that speaker. In the order of
// Speakers.
func (s *Store) SpeakerCandidates(name string) []*Speaker {
	words := nameWords(CleanSpeakerName(name))
	if utf8.RuneCountInString(strings.Join(words, " ")) < 2 || pronouns[strings.Join(words, " ")] {
		return nil
	}
	var whole, part []*Speaker
	for _, sp := range s.Speakers() {
		n := nameWords(sp.Name)
		switch {
		case slices.Equal(words, n):
			whole = append(whole, sp)
		case partOfName(words, n):
			part = append(part, sp)
		}
	}
	if len(whole) > 0 {
		return whole
	}
	return part
}
