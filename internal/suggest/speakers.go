package suggest

import "strings"

type gender uint8

const (
	unknown gender = iota
	male
	female
)

// entity is a speaker being built.
type entity struct {
	name     string
	key      string // surname or normalised noun phrase
	g        gender
	plural   bool
	person   bool
	mentions []Span
	last     int // code point of the latest mention
}

// entities joins source mentions into speakers.
type entities struct {
	list []entity
}

func (es *entities) speakers() []Speaker {
	out := make([]Speaker, len(es.list))
	for i, e := range es.list {
		out[i] = Speaker{Name: e.name, Mentions: append([]Span(nil), e.mentions...)}
	}
	return out
}

// resolve returns the entity of the mention sp, making one if needed.
func (es *entities) resolve(lx *lexicon, r []rune, sp Span, at int) int {
	mention := string(r[sp.Start:sp.End])
	words := strings.Fields(strings.ToLower(mention))
	if len(words) == 0 {
		return -1
	}
	if pr, ok := lx.prons[words[0]]; ok && len(words) == 1 {
		best := -1
		for i, e := range es.list {
			if best >= 0 && es.list[best].last > e.last {
				continue
			}
			switch {
			case pr.male && (e.g == male || e.g == unknown && e.person),
				pr.female && (e.g == female || e.g == unknown && e.person),
				pr.plural && (e.plural || !e.person),
				!pr.male && !pr.female && !pr.plural:
				best = i
			}
		}
		if best >= 0 {
			es.note(best, sp)
		}
		return best
	}
	name := mention
	if c := strings.IndexByte(name, ','); c > 0 {
		name = name[:c]
	}
	fields := strings.Fields(name)
	var caps []string
	for _, f := range fields {
		if f != "" && f[0] >= 'A' && f[0] <= 'Z' || strings.ContainsRune(f, '.') {
			caps = append(caps, f)
		}
	}
	e := entity{name: name}
	low := strings.ToLower(name)
	last := strings.ToLower(fields[len(fields)-1])
	lastCap := fields[len(fields)-1]
	isName := lastCap != "" && lastCap[0] >= 'A' && lastCap[0] <= 'Z' && !lx.in(last, wNoun)
	if isName {
		// A possessive mention ("Trump’s policies" says…) names Trump.
		name = withoutPossessive(name)
		e.name = name
		e.key = withoutPossessive(last)
		e.person = true
		for _, f := range fields {
			switch strings.ToLower(strings.TrimSuffix(f, ".")) {
			case "mr", "sen", "gov", "rep", "president", "senator":
				if e.g == unknown && (strings.HasPrefix(strings.ToLower(f), "mr") || strings.ToLower(f) == "mr.") {
					e.g = male
				}
			case "mrs", "ms":
				e.g = female
			}
			if lx.in(strings.ToLower(f), wMale) {
				e.g = male
			}
			if lx.in(strings.ToLower(f), wFemale) {
				e.g = female
			}
		}
		if strings.HasPrefix(low, "the ") || lx.in(last, wNoun) {
			e.person = false
		}
	} else {
		k := words
		for len(k) > 1 && lx.in(k[0], wDet) {
			k = k[1:]
		}
		e.key = strings.Join(k, " ")
		e.plural = hasSuffix(last, "s")
		e.person = !e.plural && (lx.in(last, wTitle) || last == "official" || last == "aide" || last == "source")
	}
	for i := range es.list {
		if es.list[i].key == e.key {
			if e.g != unknown && es.list[i].g == unknown {
				es.list[i].g = e.g
			}
			if len(name) > len(es.list[i].name) && isName {
				es.list[i].name = name
			}
			es.note(i, sp)
			return i
		}
	}
	e.mentions = []Span{sp}
	e.last = sp.Start
	es.list = append(es.list, e)
	return len(es.list) - 1
}

func (es *entities) note(i int, sp Span) {
	es.list[i].mentions = append(es.list[i].mentions, sp)
	es.list[i].last = sp.Start
}

// withoutPossessive is s without a final possessive ’s or 's.
func withoutPossessive(s string) string {
	return strings.TrimSuffix(strings.TrimSuffix(s, "'s"), "’s")
}
