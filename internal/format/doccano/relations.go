package doccano

import (
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strings"

	"sayso/internal/annotation"
	"sayso/internal/format"
	"sayso/internal/format/importkit"
)

type rel struct{ from, to, typ string }

func readRelations(o map[string]json.RawMessage, what string, rep *format.Report) []rel {
	if o["relations"] == nil {
		return nil
	}
	var list []struct {
		FromID any `json:"from_id"`
		ToID   any `json:"to_id"`
		Type   any `json:"type"`
	}
	if err := json.Unmarshal(o["relations"], &list); err != nil {
		rep.Skip("%s: its relations are not a list of objects, so they were not imported", what)
		return nil
	}
	rels := make([]rel, len(list))
	for i, r := range list {
		typ, _ := r.Type.(string)
		rels[i] = rel{idString(r.FromID), idString(r.ToID), typ}
	}
	return rels
}

func idString(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case float64:
		return fmt.Sprint(v)
	}
	return ""
}

// whole reads a JSON number that is a whole number.
func whole(v any) (int, bool) {
	f, ok := v.(float64)
	if !ok || f != math.Trunc(f) || math.Abs(f) > 1<<40 {
		return 0, false
	}
	return int(f), true
}

// spansOf joins fragments, finds links and coreference, and returns one
// importkit.Draft span per annotation.
func spansOf(ents []*ent, rels []rel, what string, rep *format.Report) []importkit.Span {
	sort.SliceStable(ents, func(i, j int) bool { return ents[i].span.Start < ents[j].span.Start })
	pos := map[string]int{}
	for i, e := range ents {
		if _, dup := pos[e.id]; dup {
			rep.Skip("%s: entity id %s is used twice; relations point to the first", what, e.id)
		} else {
			pos[e.id] = i
		}
		e.group = i
	}
	var others []rel
	for _, r := range rels {
		fi, ok1 := pos[r.from]
		ti, ok2 := pos[r.to]
		if !ok1 || !ok2 {
			rep.Skip("%s: the %q relation from %s to %s points to an entity that was not imported", what, r.typ, r.from, r.to)
			continue
		}
		if strings.EqualFold(r.typ, relContinues) && ents[fi].label == ents[ti].label {
			a, b := root(ents, fi), root(ents, ti)
			ents[max(a, b)].group = min(a, b)
			continue
		}
		others = append(others, r)
	}
	spans, index := collect(ents, what)
	coref := make([]int, len(spans)) // union-find over spans tied by coreference
	for i := range coref {
		coref[i] = i
	}
	for _, r := range others {
		from, to := index[root(ents, pos[r.from])], index[root(ents, pos[r.to])]
		a, b := spans[from].Label, spans[to].Label
		switch {
		case strings.EqualFold(r.typ, relCoreference) && a == annotation.LabelSpeaker && b == annotation.LabelSpeaker:
			x, y := find(coref, from), find(coref, to)
			coref[max(x, y)] = min(x, y)
		case a != annotation.LabelClaim && b == annotation.LabelClaim:
			linkClaim(spans, to, from, r.typ, what, rep)
		default:
			linkClaim(spans, from, to, r.typ, what, rep)
		}
	}
	size := map[int]int{}
	for i := range spans {
		size[find(coref, i)]++
	}
	for i := range spans {
		if r := find(coref, i); size[r] > 1 && spans[i].Label == annotation.LabelSpeaker {
			spans[i].Entity = fmt.Sprintf("%s/%d", what, r)
		}
	}
	return spans
}

// root is the entity whose annotation entity i is a fragment of.
func root(ents []*ent, i int) int {
	for ents[i].group != i {
		i = ents[i].group
	}
	return i
}

func find(parent []int, i int) int {
	for parent[i] != i {
		i = parent[i]
	}
	return i
}

// linkClaim records a relation from span c to span o when c is a claim and
// o a speaker or cue, and reports any other relation.
func linkClaim(spans []importkit.Span, c, o int, typ, what string, rep *format.Report) {
	claim, other := &spans[c], spans[o]
	var target *int
	switch {
	case claim.Label != annotation.LabelClaim:
	case other.Label == annotation.LabelSpeaker:
		target = &claim.Mention
	case other.Label == annotation.LabelCue:
		target = &claim.Cue
	}
	if target == nil {
		rep.Skip("%s: the %q relation between a %s and a %s is not one Sayso holds (claim to speaker or cue, coreference between speakers)", what, typ, claim.Label, other.Label)
		return
	}
	if *target >= 0 {
		rep.Skip("%s: %s has more than one %s; Sayso links a claim to one, so the %q relation to %s was not imported", what, claim.What, other.Label, typ, other.What)
		return
	}
	*target = o
}

// collect makes one importkit.Draft span per group of entities and returns, for
// each group's first entity, the index of its span.
func collect(ents []*ent, what string) ([]importkit.Span, map[int]int) {
	var spans []importkit.Span
	index := map[int]int{}
	for i, e := range ents {
		head := root(ents, i)
		k, ok := index[head]
		if !ok {
			k = len(spans)
			index[head] = k
			spans = append(spans, importkit.Span{What: fmt.Sprintf("entity %s of %s", ents[head].id, what), Label: e.label, Mention: -1, Cue: -1})
		}
		spans[k].Frags = append(spans[k].Frags, e.span)
	}
	return spans, index
}
