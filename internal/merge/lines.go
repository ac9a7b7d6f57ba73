package merge

import (
	"fmt"
	"sort"
	"strings"

	"sayso/internal/anchor"
	"sayso/internal/wording"
)

// Lines describes the report in sentences for the person, most important
// first: what was read, what became of each document, what was added,
// folded and re-anchored, then what needs a look (annotations not placed,
// links cut, values kept over the imported ones).
func (r Report) Lines() []string {
	var out []string
	add := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	read := fmt.Sprintf("Read %s, %s, %s and %s",
		wording.Count(r.Read.Documents, "document"), wording.Count(r.Read.Annotations, "annotation"),
		wording.Count(r.Read.Links, "link"), wording.Count(r.Read.Speakers, "speaker"))
	if r.Read.Orphans > 0 {
		read += fmt.Sprintf(", with %s not placed in its text", wording.Count(r.Read.Orphans, "annotation"))
	}
	add("%s.", read)
	for _, n := range r.Repairs {
		add("Repaired in the import: %s.", strings.TrimSuffix(n, "."))
	}
	for _, d := range r.Documents {
		switch d.Action {
		case Added:
			add("Added the document “%s”.", clip(d.Title))
		case KeptBoth:
			add("Kept both versions of a document; the imported one is “%s”.", clip(d.Title))
		case Replaced:
			add("Replaced “%s” with the imported version.", clip(d.Title))
		case Merged:
			if d.SameText {
				add("Merged the imported annotations into “%s”, whose text is the same.", clip(d.Title))
			} else {
				add("Merged the imported annotations into “%s”, whose text differs: they were found again by their quote and context.", clip(d.Title))
			}
		}
	}
	if r.Removed > 0 {
		add("Removed %s of the replaced documents.", wording.Count(r.Removed, "annotation"))
	}
	if r.Added > 0 {
		add("Added %s.", wording.Count(r.Added, "annotation"))
	}
	if r.Folded > 0 {
		add("%s already there and %s not added twice.", capital(wording.Count(r.Folded, "annotation")+" "+wording.Choose(r.Folded, "was", "were")), wording.Choose(r.Folded, "was", "were"))
	}
	if r.Filled > 0 {
		add("Filled %s from the import.", wording.Count(r.Filled, "empty field"))
	}
	out = append(out, r.anchoredLines()...)
	for _, u := range r.Unplaced {
		add("Could not place the %s “%s”: %s. It is kept under “Not placed” for you to place or drop.", u.Label, clip(u.Quote), u.Reason)
	}
	for _, c := range r.LinksCut {
		add("Removed the link from the %s “%s” to its %s “%s”, which could not be placed.", c.FromLabel, clip(c.FromQuote), c.Link, clip(c.ToQuote))
	}
	for _, c := range r.FieldConflicts {
		if c.Label == "document" {
			add("Kept the %s “%s” of the document “%s”; the import says “%s”.", c.Field, clip(c.Kept), clip(c.Quote), clip(c.Imported))
			continue
		}
		add("Kept the %s “%s” of the %s “%s”; the import says “%s”.", c.Field, clip(c.Kept), c.Label, clip(c.Quote), clip(c.Imported))
	}
	if n := len(r.SpeakersMerged); n > 0 {
		names := make([]string, n)
		for i, s := range r.SpeakersMerged {
			names[i] = "“" + clip(s.Name) + "”"
		}
		add("%s the same as one already there: %s.", capital(wording.Count(n, "imported speaker")+" "+wording.Choose(n, "is", "are")), strings.Join(names, ", "))
	}
	if r.SpeakersAdded > 0 {
		add("Added %s.", wording.Count(r.SpeakersAdded, "speaker"))
	}
	if n := len(r.SpeakersDropped); n > 0 {
		add("Removed %s only the replaced annotations mentioned: “%s”.", wording.Count(n, "speaker"), strings.Join(r.SpeakersDropped, "”, “"))
	}
	if r.OrphansCarried > 0 {
		add("Kept %s the import had not placed.", wording.Count(r.OrphansCarried, "annotation"))
	}
	if n := len(r.Renamed); n > 0 {
		const shown = 5
		var parts []string
		for i, c := range r.Renamed {
			if i == shown {
				parts = append(parts, fmt.Sprintf("and %d more", n-shown))
				break
			}
			parts = append(parts, c.From+" → "+c.To)
		}
		add("Gave new ids to %s this project already used (%s).", wording.Count(n, "imported item"), strings.Join(parts, ", "))
	}
	if len(r.SchemaAdded) > 0 {
		add("Added to the schema %s.", joinAnd(r.SchemaAdded))
	}
	return out
}

// anchoredLines says, per method, how many annotations were found again
// and how sure it is.
func (r Report) anchoredLines() []string {
	type group struct {
		n        int
		low, top float64
	}
	groups := map[string]*group{}
	for _, a := range r.Anchored {
		g := groups[a.Method]
		if g == nil {
			g = &group{low: a.Confidence, top: a.Confidence}
			groups[a.Method] = g
		}
		g.n++
		g.low, g.top = min(g.low, a.Confidence), max(g.top, a.Confidence)
	}
	methods := make([]string, 0, len(groups))
	for m := range groups {
		methods = append(methods, m)
	}
	order := map[string]int{anchor.ByQuote: 1, anchor.ByContext: 2, anchor.ByFuzzy: 3}
	sort.Slice(methods, func(i, j int) bool {
		if order[methods[i]] != order[methods[j]] {
			return order[methods[i]] < order[methods[j]]
		}
		return methods[i] < methods[j]
	})
	var out []string
	for _, m := range methods {
		g := groups[m]
		its := wording.Choose(g.n, "its", "their")
		h, check := "by "+m, ""
		switch m {
		case anchor.ByQuote:
			h = "by " + its + " quote"
		case anchor.ByContext:
			h = "by " + its + " context"
		case anchor.ByFuzzy:
			h, check = "by a close match of "+its+" quote", " Check "+wording.Choose(g.n, "it", "them")+"."
		}
		conf := fmt.Sprintf("%.0f%%", 100*g.low)
		if lo, hi := fmt.Sprintf("%.0f", 100*g.low), fmt.Sprintf("%.0f", 100*g.top); lo != hi {
			conf = lo + "–" + hi + "%"
		}
		out = append(out, fmt.Sprintf("%s re-anchored %s (confidence %s).%s",
			capital(wording.Count(g.n, "annotation")+" "+wording.Choose(g.n, "was", "were")), h, conf, check))
	}
	return out
}

func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func joinAnd(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// clip shortens s for a sentence and puts it on one line.
func clip(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= 60 {
		return s
	}
	return string(r[:57]) + "…"
}
