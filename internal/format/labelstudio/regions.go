package labelstudio

import (
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strings"

	"sayso/internal/annotation"
	"sayso/internal/format"
	"sayso/internal/format/importkit"
	"sayso/internal/text"
)

// region is a labels result with the per-region results sharing its id.
type region struct {
	id, label    string
	span         text.Span
	stance, note string
	target       *string
	speaker      string
	group        int // index of the region whose annotation it is a fragment of
}

// item is one result of an annotation.
type item struct {
	ID       any             `json:"id"`
	Type     string          `json:"type"`
	FromName string          `json:"from_name"`
	Value    json.RawMessage `json:"value"`
	FromID   any             `json:"from_id"`
	ToID     any             `json:"to_id"`
	Labels   []string        `json:"labels"`
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

// readRegions reads the labels results: each one's label and span in code
// points of body (not yet normalised).
func readRegions(results []json.RawMessage, body, what string, rep *format.Report) map[string]*region {
	x := text.NewIndex(body)
	regions := map[string]*region{}
	utf16 := false
	for _, raw := range results {
		var it item
		if json.Unmarshal(raw, &it) != nil || it.Type != "labels" {
			continue
		}
		id := idString(it.ID)
		var v struct {
			Start, End any
			Text       any
			Labels     []string
		}
		if json.Unmarshal(it.Value, &v) != nil || len(v.Labels) == 0 {
			rep.Skip("%s: region %q has no labels, so it was not imported", what, id)
			continue
		}
		if regions[id] != nil {
			rep.Skip("%s: region %q is labelled twice; only its first label was kept", what, id)
			continue
		}
		if len(v.Labels) > 1 {
			rep.Skip("%s: region %q has %d labels; Sayso keeps the first, %q", what, id, len(v.Labels), v.Labels[0])
		}
		span, conv, ok := regionSpan(x, v.Start, v.End, v.Text)
		if !ok {
			rep.Skip("%s: region %q (%s) does not fit the text at %v–%v%s, so it was not imported", what, id, v.Labels[0], v.Start, v.End, quoted(v.Text))
			continue
		}
		utf16 = utf16 || conv
		regions[id] = &region{id: id, label: importkit.LabelID(v.Labels[0]), span: span}
	}
	if utf16 {
		rep.Skip("%s: some offsets count UTF-16 units, as older Label Studio versions wrote them; they were converted to code points", what)
	}
	return regions
}

func quoted(t any) string {
	if s, ok := t.(string); ok {
		return fmt.Sprintf(" (its text is %q)", clip(s))
	}
	return ""
}

// regionSpan returns a region's span in code points of x's text. With the
// region's text given it tries the offsets as code points and then as
// UTF-16 units (conv reports the second).
func regionSpan(x *text.Index, start, end, txt any) (span text.Span, conv, ok bool) {
	s, ok1 := whole(start)
	e, ok2 := whole(end)
	if !ok1 || !ok2 || s < 0 || e < s {
		return text.Span{}, false, false
	}
	want, hasText := txt.(string)
	if !hasText {
		return text.Span{Start: s, End: e}, false, e <= x.Len()
	}
	if e <= x.Len() && same(x.Slice(s, e), want) {
		return text.Span{Start: s, End: e}, false, true
	}
	if e <= x.UTF16Len() {
		cs, ce := x.CodePointAtUTF16(s), x.CodePointAtUTF16(e)
		if x.UTF16Offset(cs) == s && x.UTF16Offset(ce) == e && same(x.Slice(cs, ce), want) {
			return text.Span{Start: cs, End: ce}, true, true
		}
	}
	return text.Span{}, false, false
}

// same compares a region's text with the text it covers; Label Studio may
// have trimmed white space or turned line breaks into "\n" escapes.
func same(got, want string) bool {
	return got == want || strings.TrimSpace(got) == strings.TrimSpace(want) && want != "" ||
		strings.ReplaceAll(got, "\n", `\n`) == want
}

// whole reads a JSON number that is a whole number.
func whole(v any) (int, bool) {
	f, ok := v.(float64)
	if !ok || f != math.Trunc(f) || math.Abs(f) > 1<<40 {
		return 0, false
	}
	return int(f), true
}

// spansOf attaches the per-region results to their regions, follows the
// relations and returns the importkit.Draft spans in the order of the regions.
func spansOf(regions map[string]*region, results []json.RawMessage, idx []int, what string, entities map[string]string, rep *format.Report) []importkit.Span {
	ids := make([]string, 0, len(regions))
	for id := range regions {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool {
		a, b := regions[ids[i]], regions[ids[j]]
		return a.span.Start < b.span.Start || a.span.Start == b.span.Start && a.id < b.id
	})
	pos := map[string]int{}
	for i, id := range ids {
		pos[id] = i
		regions[id].group = i
	}
	var rels []item
	skipped := map[string]int{}
	for _, raw := range results {
		var it item
		if err := json.Unmarshal(raw, &it); err != nil {
			skipped["unreadable"]++
			continue
		}
		switch it.Type {
		case "labels":
		case "relation":
			rels = append(rels, it)
		case "choices", "textarea":
			perRegion(regions[idString(it.ID)], it, what, rep)
		default:
			skipped[it.Type]++
		}
	}
	for _, t := range sortedKeys(skipped) {
		rep.Skip("%s: %d results of type %q were not imported; Sayso reads labels, choices, text areas and relations", what, skipped[t], t)
	}
	links := joinFragments(regions, ids, pos, rels, what, rep)
	return collect(regions, ids, links, idx, what, entities, rep)
}

func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// perRegion records a per-region choice or text area on its region.
func perRegion(r *region, it item, what string, rep *format.Report) {
	if r == nil {
		rep.Skip("%s: the %s %q is not tied to a region, and Sayso holds only per-region ones", what, it.Type, it.FromName)
		return
	}
	var v struct {
		Choices []string
		Text    any
	}
	_ = json.Unmarshal(it.Value, &v)
	if it.Type == "choices" {
		if len(v.Choices) > 0 {
			r.stance = v.Choices[0]
		}
		if len(v.Choices) > 1 {
			rep.Skip("%s: region %q has %d stance choices; Sayso keeps the first, %q", what, r.id, len(v.Choices), v.Choices[0])
		}
		return
	}
	var s string
	switch t := v.Text.(type) {
	case string:
		s = t
	case []any:
		var parts []string
		for _, p := range t {
			if ps, ok := p.(string); ok {
				parts = append(parts, ps)
			}
		}
		s = strings.Join(parts, "\n")
	}
	switch it.FromName {
	case fromTarget:
		r.target = &s
	case fromNote:
		r.note = s
	case fromSpeaker:
		r.speaker = strings.TrimSpace(s)
	default:
		rep.Skip("%s: the text area %q of region %q was not imported; Sayso reads target, note and speaker", what, it.FromName, r.id)
	}
}

// claimLinks is a claim's speaker mention and cue, by region id.
type claimLinks struct{ mention, cue string }

// joinFragments merges the regions joined by "continues" relations into
// one annotation (the group of the earliest) and returns the claims'
// links.
func joinFragments(regions map[string]*region, ids []string, pos map[string]int, rels []item, what string, rep *format.Report) map[string]claimLinks {
	find := func(i int) int {
		for regions[ids[i]].group != i {
			i = regions[ids[i]].group
		}
		return i
	}
	var others []item
	for _, it := range rels {
		from, to := regions[idString(it.FromID)], regions[idString(it.ToID)]
		if from == nil || to == nil {
			rep.Skip("%s: a relation from %q to %q points to a region that was not imported", what, idString(it.FromID), idString(it.ToID))
			continue
		}
		if len(it.Labels) == 1 && it.Labels[0] == relContinues && from.label == to.label {
			a, b := find(pos[from.id]), find(pos[to.id])
			regions[ids[max(a, b)]].group = min(a, b)
			continue
		}
		others = append(others, it)
	}
	for _, id := range ids {
		regions[id].group = find(pos[id])
	}
	links := map[string]claimLinks{}
	for _, it := range others {
		from, to := regions[idString(it.FromID)], regions[idString(it.ToID)]
		if to.label == annotation.LabelClaim && from.label != annotation.LabelClaim {
			from, to = to, from
		}
		claim := ids[from.group]
		l := links[claim]
		switch {
		case from.label == annotation.LabelClaim && to.label == annotation.LabelSpeaker && l.mention == "":
			l.mention = ids[to.group]
		case from.label == annotation.LabelClaim && to.label == annotation.LabelCue && l.cue == "":
			l.cue = ids[to.group]
		case from.label == annotation.LabelClaim && (to.label == annotation.LabelSpeaker || to.label == annotation.LabelCue):
			rep.Skip("%s: region %q has more than one %s; Sayso links a claim to one, so the link to %q was not imported", what, from.id, to.label, to.id)
			continue
		default:
			rep.Skip("%s: the relation %v from a %s (%q) to a %s (%q) is not one Sayso holds (claim to speaker or cue)", what, it.Labels, from.label, from.id, to.label, to.id)
			continue
		}
		links[claim] = l
	}
	return links
}

// collect makes one importkit.Draft span per group of regions.
func collect(regions map[string]*region, ids []string, links map[string]claimLinks, idx []int, what string, entities map[string]string, rep *format.Report) []importkit.Span {
	var spans []importkit.Span
	index := map[string]int{} // group's region id → index in spans
	for _, id := range ids {
		r := regions[id]
		head := ids[r.group]
		i, ok := index[head]
		if !ok {
			i = len(spans)
			index[head] = i
			spans = append(spans, importkit.Span{What: fmt.Sprintf("region %q of %s", head, what), Label: r.label, Mention: -1, Cue: -1})
		}
		sp := &spans[i]
		sp.Frags = append(sp.Frags, importkit.MapSpan(idx, r.span))
		if sp.Stance == "" {
			sp.Stance = r.stance
		}
		if sp.Target == nil {
			sp.Target = r.target
		}
		if sp.Note == "" {
			sp.Note = r.note
		}
		if r.speaker != "" && sp.Entity == "" {
			sp.Entity = "name:" + r.speaker
			entities[sp.Entity] = r.speaker
		}
	}
	for head, l := range links {
		sp := &spans[index[head]]
		if l.mention != "" {
			sp.Mention = index[l.mention]
			sp.Entity = ""
		}
		if l.cue != "" {
			sp.Cue = index[l.cue]
		}
	}
	return spans
}

// clip shortens s for a message.
func clip(s string) string {
	r := []rune(s)
	if len(r) <= 60 {
		return s
	}
	return string(r[:57]) + "…"
}
