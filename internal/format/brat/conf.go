package brat

import (
	"fmt"
	"strings"

	"sayso/internal/annotation"
)

// annotationConf declares the types an export uses, so that brat shows
// and edits them: the labels as entities, the two attribution events, and
// the Stance attribute with the schema's stance values.
func annotationConf(p annotation.Project) string {
	var b strings.Builder
	b.WriteString("# brat configuration written by Sayso: claims (Content), speakers (Source)\n" +
		"# and cues (Cue) tied together by Attribution events, as in PolNeAR.\n\n[entities]\n\n")
	seen := map[string]bool{}
	for _, l := range p.Schema.Labels {
		if t := bratType(l.ID); !seen[t] {
			seen[t] = true
			b.WriteString(t + "\n")
		}
	}
	b.WriteString("\n[relations]\n\n# Spans may overlap in any way, as they may in Sayso.\n" +
		"<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n\n[events]\n\n")
	fmt.Fprintf(&b, "%s\t%s:%s, %s?:%s, %s:%s\n", typeAttribution,
		typeContent, typeContent, typeCue, typeCue, typeSource, typeSource)
	fmt.Fprintf(&b, "%s\t%s:%s, %s:%s\n", typeAttributionNS, typeContent, typeContent, typeCue, typeCue)
	b.WriteString("\n[attributes]\n\n")
	if vals := stanceValues(p); len(vals) > 0 {
		fmt.Fprintf(&b, "%s\tArg:%s, Value:%s\n", typeStance, typeContent, strings.Join(vals, "|"))
	}
	return b.String()
}

// stanceValues lists the schema's stance values and any other value a
// claim uses, each once.
func stanceValues(p annotation.Project) []string {
	var vals []string
	seen := map[string]bool{}
	add := func(v string) {
		if v = oneLine(v); v != "" && !seen[v] {
			seen[v] = true
			vals = append(vals, v)
		}
	}
	for _, v := range p.Schema.Stances {
		add(v)
	}
	for _, a := range p.Annotations {
		if a.Label == annotation.LabelClaim {
			add(a.Stance)
		}
	}
	return vals
}

// visualConf gives every label its Sayso name and colour in brat.
func visualConf(s annotation.Schema) string {
	var labels, drawing strings.Builder
	seen := map[string]bool{}
	for _, l := range s.Labels {
		t := bratType(l.ID)
		if seen[t] {
			continue
		}
		seen[t] = true
		if name := oneLine(l.Name); name != "" {
			fmt.Fprintf(&labels, "%s | %s\n", t, name)
		}
		if l.Color != "" {
			fmt.Fprintf(&drawing, "%s\tbgColor:%s\n", t, l.Color)
		}
	}
	return "# brat display settings written by Sayso.\n\n[labels]\n\n" + labels.String() +
		"\n[drawing]\n\n" + drawing.String()
}
