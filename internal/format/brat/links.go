package brat

import (
	"slices"
	"strings"

	"sayso/internal/annotation"
	"sayso/internal/text"
)

// event maps an Attribution event to the links of its claim: the Source
// becomes the claim's speaker mention and the Cue its cue. Other events
// are reported.
func (im *importer) event(d *doc, r *record) {
	trig := d.recs[r.Trigger]
	if !isAttribution(r.Type) {
		what := r.Trigger
		if trig != nil && trig.Kind == 'T' {
			what = r.Trigger + " " + quoted(trig.Text)
		}
		im.skip(d, "%s: the %s event (trigger %s, arguments %s) is not imported; Sayso keeps only attributions",
			r.ID, r.Type, what, describeArgs(r.Args))
		return
	}
	if trig == nil || trig.Kind != 'T' {
		im.skip(d, "%s: the attribution's trigger %s is not a text-bound annotation, so it is not imported", r.ID, r.Trigger)
		return
	}
	byRole := map[string][]string{}
	for _, a := range r.Args {
		label, ok := roleLabel(a.Role)
		if !ok {
			im.skip(d, "%s: the argument %s:%s is not imported; an attribution has Content, Source and Cue", r.ID, a.Role, a.ID)
			continue
		}
		byRole[label] = append(byRole[label], a.ID)
	}
	contents := byRole[annotation.LabelClaim]
	if len(contents) == 0 {
		im.skip(d, "%s: the attribution has no Content, so it is not imported", r.ID)
		return
	}
	// Every content of the attribution (Content, Content2, …) is a claim
	// with the attribution's source and cue.
	var claims []int
	var source, cue string
	for _, c := range contents {
		ci, ok := im.annOf(d, c, annotation.LabelClaim)
		if !ok {
			im.skip(d, "%s: the attribution's Content %s is not an imported claim, so it is not attributed", r.ID, c)
			continue
		}
		if by, done := d.linkedBy[ci]; done {
			im.skip(d, "%s: the claim %s is already attributed by %s; a Sayso claim has one speaker and one cue", r.ID, c, by)
			continue
		}
		claim := &im.p.Annotations[ci]
		first := len(claims) == 0
		source = im.link(d, r, byRole[annotation.LabelSpeaker], annotation.LabelSpeaker, &claim.SpeakerMention, first)
		cue = im.link(d, r, byRole[annotation.LabelCue], annotation.LabelCue, &claim.Cue, first)
		d.linkedBy[ci] = r.ID
		claims = append(claims, ci)
	}
	if len(claims) == 0 {
		return
	}
	d.claimOf[r.ID] = claims
	im.trigger(d, r, trig, claims, source, cue)
}

// trigger deals with an attribution's trigger. A copy of the cue's span
// (or, without a cue, of the source's) is what PolNeAR and Sayso write,
// and is dropped. A trigger that differs from the cue is kept as a span
// of its own, labelled labelTrigger and tied to the cue, so that the
// export writes it back as the trigger. Without a cue, the trigger is
// the word that attributes, so it becomes the claims' cue.
func (im *importer) trigger(d *doc, r, trig *record, claims []int, source, cue string) {
	// copies reports whether the trigger covers what annotation i does,
	// as written or as placed (a span re-anchored on import).
	copies := func(i int, id string) bool {
		return sameSpans(trig.Spans, d.recs[id].Spans) || slices.Equal(textSpans(trig.Spans), im.p.Annotations[i].Fragments)
	}
	if ci, ok := d.ann[cue]; ok && cue != "" {
		if copies(ci, cue) {
			return
		}
		frags, why := im.fragments(d, trig)
		switch {
		case why != "":
			im.skip(d, "%s: the trigger %s %s differs from the cue, and is not imported: %s", r.ID, trig.ID, quoted(trig.Text), why)
			return
		case slices.Equal(frags, im.p.Annotations[ci].Fragments):
			return // found again where the cue is
		}
		im.addLabel(labelTrigger)
		a := im.spanAnnotation(d, labelTrigger, frags)
		a.Cue = im.p.Annotations[ci].ID
		im.p.Annotations = append(im.p.Annotations, a)
		im.rep.Annotations++
		im.adjust(d, "%s: the trigger %s %s differs from the cue; it is kept as a span of its own, labelled %s, and written back as the attribution's trigger on export",
			r.ID, trig.ID, quoted(trig.Text), labelTrigger)
		return
	}
	si, hasSource := d.ann[source]
	if hasSource && source != "" && copies(si, source) {
		return
	}
	frags, why := im.fragments(d, trig)
	switch {
	case why != "":
		im.skip(d, "%s: the trigger %s %s is not imported: %s", r.ID, trig.ID, quoted(trig.Text), why)
		return
	case hasSource && source != "" && slices.Equal(frags, im.p.Annotations[si].Fragments):
		return
	}
	a := im.spanAnnotation(d, annotation.LabelCue, frags)
	for _, ci := range claims {
		im.p.Annotations[ci].Cue = a.ID
		im.rep.Links++
	}
	im.p.Annotations = append(im.p.Annotations, a)
	im.rep.Annotations++
	im.adjust(d, "%s: the attribution names no cue, so its trigger %s %s became the cue of its claim", r.ID, trig.ID, quoted(trig.Text))
}

// textSpans turns brat offsets into sorted, merged, non-empty spans.
func textSpans(rs []rawSpan) []text.Span {
	var out []text.Span
	for _, s := range rs {
		if s.Start < s.End {
			out = append(out, text.Span{Start: s.Start, End: s.End})
		}
	}
	return mergeSpans(out)
}

// link sets one link of a claim from the arguments of a role and returns
// the brat id it links to, or "".
// Problems are reported once per event: when report is set.
func (im *importer) link(d *doc, r *record, ids []string, label string, field *string, report bool) string {
	if len(ids) == 0 {
		return ""
	}
	for _, extra := range ids[1:] {
		if report {
			im.skip(d, "%s: the second %s %s is not imported; a Sayso claim has one", r.ID, label, extra)
		}
	}
	i, ok := im.annOf(d, ids[0], label)
	if !ok {
		if report {
			im.skip(d, "%s: %s is not an imported %s, so the claim is not linked to it", r.ID, ids[0], label)
		}
		return ""
	}
	*field = im.p.Annotations[i].ID
	im.rep.Links++
	return ids[0]
}

// annOf finds the imported annotation of a brat id, of the given label.
func (im *importer) annOf(d *doc, id, label string) (int, bool) {
	i, ok := d.ann[id]
	if !ok || im.p.Annotations[i].Label != label {
		return 0, false
	}
	return i, true
}

// claimsFor finds the claims an attribute or note on id is about: the
// claim itself or the claims of an attribution event.
func (im *importer) claimsFor(d *doc, id string) []int {
	if cs, ok := d.claimOf[id]; ok {
		return cs
	}
	if i, ok := im.annOf(d, id, annotation.LabelClaim); ok {
		return []int{i}
	}
	return nil
}

// attribute maps a Stance attribute on a claim (or its attribution) to
// the claim's stance.
func (im *importer) attribute(d *doc, r *record) {
	if !strings.EqualFold(r.Type, typeStance) {
		what := r.Type
		if r.Value != "" {
			what += "=" + r.Value
		}
		im.skip(d, "%s: the attribute %s on %s is not imported; Sayso's only attribute is a claim's stance", r.ID, what, r.Target)
		return
	}
	claims := im.claimsFor(d, r.Target)
	v := strings.TrimSpace(r.Value)
	switch {
	case len(claims) == 0:
		im.skip(d, "%s: the stance %q is on %s, which is not an imported claim", r.ID, v, r.Target)
		return
	case v == "":
		im.skip(d, "%s: the stance on %s has no value", r.ID, r.Target)
		return
	}
	for _, ci := range claims {
		if old := im.p.Annotations[ci].Stance; old != "" {
			im.skip(d, "%s: the claim %s already has the stance %q; %q is not imported", r.ID, r.Target, old, v)
			continue
		}
		im.p.Annotations[ci].Stance = v
		im.addStance(v)
	}
}

// normalization ties a speaker mention to an entity of a knowledge base;
// mentions with the same reference are one speaker.
func (im *importer) normalization(d *doc, r *record) {
	i, ok := im.annOf(d, r.Target, annotation.LabelSpeaker)
	switch {
	case !ok:
		im.skip(d, "%s: the normalization of %s to %s is not imported; Sayso keeps references only for speakers", r.ID, r.Target, r.Value)
	case im.refs[i] != "":
		im.skip(d, "%s: %s already refers to %s; %s is not imported", r.ID, r.Target, im.refs[i], r.Value)
	default:
		im.refs[i], im.refTxt[i] = r.Value, strings.TrimSpace(r.Text)
	}
}

// equivalence makes speaker mentions one speaker.
func (im *importer) equivalence(d *doc, r *record) {
	var idx []int
	for _, a := range r.Args {
		i, ok := im.annOf(d, a.ID, annotation.LabelSpeaker)
		if !ok {
			im.skip(d, "the %s equivalence %s is not imported; Sayso joins only speaker mentions, and %s is not one", r.Type, describeArgs(r.Args), a.ID)
			return
		}
		idx = append(idx, i)
	}
	for _, i := range idx[1:] {
		im.equiv = append(im.equiv, [2]int{idx[0], i})
	}
}

// note maps a note line: a "Speaker: " line names a mention's (or an
// unlinked claim's) speaker, a "Stance target: " line is a claim's target,
// and any other line is a line of the annotation's note.
func (im *importer) note(d *doc, r *record) {
	targets := d.claimOf[r.Target]
	if i, ok := d.ann[r.Target]; ok {
		targets = []int{i}
	}
	if len(targets) == 0 {
		im.skip(d, "%s: the note %s on %s is not imported, because %s is not", r.ID, quoted(r.Text), r.Target, r.Target)
		return
	}
	for _, i := range targets {
		im.noteOn(d, r, i)
	}
}

// noteOn applies a note line to the annotation at index i.
func (im *importer) noteOn(d *doc, r *record, i int) {
	a := &im.p.Annotations[i]
	if name, isName := strings.CutPrefix(r.Text, speakerPrefix); isName && (a.Label == annotation.LabelSpeaker || a.Label == annotation.LabelClaim) {
		if im.names[i] != "" {
			im.skip(d, "%s: %s already names the speaker %q; %q is not imported", r.ID, r.Target, im.names[i], name)
			return
		}
		im.names[i] = strings.TrimSpace(name)
		return
	}
	if target, isTarget := strings.CutPrefix(r.Text, targetPrefix); isTarget && a.Label == annotation.LabelClaim {
		if a.Target != "" {
			im.skip(d, "%s: the claim %s already has the stance target %q; %q is not imported", r.ID, r.Target, a.Target, target)
			return
		}
		a.Target = target
		return
	}
	line, _ := strings.CutPrefix(r.Text, notePrefix)
	if im.noted[i] {
		a.Note += "\n"
	}
	im.noted[i] = true
	a.Note += line
}

func quoted(s string) string {
	return "“" + clip(s) + "”"
}
