package w3c

import (
	"fmt"
	"slices"
	"strings"

	"sayso/internal/annotation"
	"sayso/internal/text"
)

// item is what resolve needs of an imported annotation.
type item struct {
	iri       string   // the W3C id, or ""
	links     []string // IRIs of linked annotations
	speakerID string   // the id of an identifying body
	speaker   string   // the value of an identifying body
}

// fields are the bodies of an annotation, sorted by purpose.
type fields struct {
	tags               []string
	stance, target     string
	notes              []string
	speaker, speakerID string
	links              []string
}

// annotation imports the i-th annotation found. inContext says whether
// the page or collection around it gives a JSON-LD context; seen counts
// the ids met so far.
func (im *importer) annotation(i int, m map[string]any, inContext bool, seen map[string]int) {
	name := str(m, "id")
	if name == "" {
		name = fmt.Sprintf("annotation %d", i+1)
	}
	skip := func(format string, args ...any) { im.rep.Skip(name+": "+format, args...) }
	for _, p := range modelProblems(m, inContext, seen) {
		skip("%s%s", modelBreak, p)
	}
	parts, problems := targetParts(m["target"])
	for _, p := range problems {
		skip("%s", p)
	}
	if len(parts) == 0 {
		skip("it has no text selector Sayso can use, so it is not imported")
		return
	}
	src := parts[0].source
	for _, p := range parts[1:] {
		if p.source != src {
			skip("it also targets %s; only its part in %s is imported", p.source, src)
		}
	}
	d, foreign, ok := im.document(src)
	if !ok {
		skip("no text was given for its document %s, so it is not imported (its quote is %s)", src, quoteOf(parts))
		return
	}
	if foreign {
		im.placement.Total++
		if !slices.Contains(im.placement.Sources, src) {
			im.placement.Sources = append(im.placement.Sources, src)
		}
	}
	frags, how, ok := im.place(d, parts, foreign, skip)
	if foreign {
		im.placement.count(how, ok)
	}
	if !ok {
		return
	}
	f := im.bodies(m, skip)
	a := annotation.Annotation{
		ID:        fmt.Sprintf("a%d", len(im.p.Annotations)+1),
		Document:  d.id,
		Label:     im.label(f.tags, skip),
		Fragments: frags,
		Quote:     annotation.QuoteOf(d.x, frags),
		Note:      strings.Join(f.notes, "\n"),
		Annotator: creatorName(m["creator"]),
		Created:   im.when(m, "created", skip),
		Modified:  im.when(m, "modified", skip),
	}
	a.Prefix, a.Suffix = d.x.Context(a.Hull(), annotation.ContextLength)
	if a.Label == annotation.LabelClaim {
		a.Stance, a.Target = f.stance, f.target
		if a.Stance != "" && !im.stances[a.Stance] {
			im.stances[a.Stance] = true
			im.p.Schema.Stances = append(im.p.Schema.Stances, a.Stance)
		}
	} else {
		if f.stance != "" {
			skip("its stance %q is not kept: only claims have a stance", f.stance)
		}
		if f.target != "" {
			a.Note = strings.TrimPrefix(a.Note+"\n"+f.target, "\n")
		}
	}
	im.p.Annotations = append(im.p.Annotations, a)
	im.items = append(im.items, item{iri: str(m, "id"), links: f.links, speakerID: f.speakerID, speaker: f.speaker})
	im.rep.Annotations++
}

// bodies sorts an annotation's bodies by purpose. Every value of a body
// or bodyValue given several is kept, and a number is kept as its digits.
// An annotation in Hypothesis's own shape, without body, keeps its "text"
// as the note and its "tags" as tags.
func (im *importer) bodies(m map[string]any, skip func(string, ...any)) fields {
	var f fields
	for _, v := range scalars(m["bodyValue"]) {
		if v != "" {
			f.notes = append(f.notes, v)
		}
	}
	if m["body"] == nil && m["bodyValue"] == nil {
		if t := scalars(m["text"]); len(t) > 0 && t[0] != "" {
			f.notes = append(f.notes, t[0])
		}
		for _, t := range scalars(m["tags"]) {
			f.tags = append(f.tags, t)
		}
	}
	for _, b := range values(m["body"]) {
		o, ok := object(b)
		if !ok {
			skip("its body %v is a resource on the web, which Sayso cannot hold", b)
			continue
		}
		purpose := str(o, "purpose")
		switch {
		case purpose == purposeLink && ref(o, "source") != "":
			f.links = append(f.links, ref(o, "source"))
		case purpose == purposeSpeaker && ref(o, "source") != "":
			if f.speakerID != "" && f.speakerID != ref(o, "source") {
				skip("its second speaker %s is not kept", ref(o, "source"))
				continue
			}
			f.speakerID = ref(o, "source")
		case hasType(o, "TextualBody") || (o["type"] == nil && o["value"] != nil && o["source"] == nil):
			vs := scalars(o["value"])
			if len(vs) == 0 {
				skip("its %s body has no value, so there is nothing to keep of it", strings.TrimSpace(purpose+" textual"))
			}
			for _, v := range vs {
				f.textual(purpose, v, skip)
			}
		default:
			what := str(o, "type")
			for _, k := range []string{"id", "source"} {
				if what == "" {
					what = ref(o, k)
				}
			}
			skip("its body %s is not text, so Sayso cannot hold it", what)
		}
	}
	return f
}

// textual sorts one TextualBody.
func (f *fields) textual(purpose, value string, skip func(string, ...any)) {
	keep := func(field *string, what string) {
		if *field != "" && *field != value {
			skip("its second %s %q is not kept", what, value)
			return
		}
		*field = value
	}
	switch purpose {
	case purposeLabel:
		f.tags = append(f.tags, value)
	case purposeStance:
		keep(&f.stance, "stance")
	case purposeTarget:
		keep(&f.target, "stance target")
	case purposeSpeaker:
		keep(&f.speaker, "speaker")
	case purposeLink:
		f.links = append(f.links, value)
	default:
		f.notes = append(f.notes, value)
	}
}

// label is the label of the first tag, matched to the schema's ids, names
// and the PolNeAR names; a tag the schema does not have becomes a new
// label, and an annotation without tags is labelled "annotation".
func (im *importer) label(tags []string, skip func(string, ...any)) string {
	if len(tags) == 0 {
		return im.addLabel("annotation")
	}
	for _, t := range tags[1:] {
		skip("its tag %q is not kept: a Sayso annotation has one label", t)
	}
	t := strings.TrimSpace(tags[0])
	switch strings.ToLower(t) {
	case "content":
		return annotation.LabelClaim
	case "source":
		return annotation.LabelSpeaker
	}
	for _, l := range im.p.Schema.Labels {
		if l.ID == t {
			return l.ID
		}
	}
	for _, l := range im.p.Schema.Labels {
		if strings.EqualFold(l.Name, t) || strings.EqualFold(l.ID, t) {
			return l.ID
		}
	}
	if t == "" {
		t = "annotation"
	}
	return im.addLabel(t)
}

func (im *importer) addLabel(id string) string {
	if !im.labels[id] {
		im.labels[id] = true
		palette := []string{"#d96b6b", "#9b6bd9", "#6bc4d9", "#d9a66b", "#8fd96b", "#d96bb4", "#7f8c8d"}
		n := len(im.p.Schema.Labels)
		im.p.Schema.Labels = append(im.p.Schema.Labels, annotation.Label{ID: id, Name: id, Color: palette[n%len(palette)]})
	}
	return id
}

// when keeps an xsd:dateTime as RFC 3339 in UTC.
func (im *importer) when(m map[string]any, key string, skip func(string, ...any)) string {
	s := str(m, key)
	if s == "" {
		return ""
	}
	t, ok := parseTime(s)
	if !ok {
		skip("its %s time %q is not a date and time with a zone, so it is not kept", key, s)
	}
	return t
}

// creatorName is a creator's name, nickname or IRI.
func creatorName(v any) string {
	for _, c := range values(v) {
		switch x := c.(type) {
		case string:
			return x
		case map[string]any:
			for _, k := range []string{"name", "nickname", "id"} {
				if s := str(x, k); s != "" {
					return s
				}
			}
		}
	}
	return ""
}

// document returns the document of a source IRI, made the first time it
// is needed, if its text is known. A source whose text is not known (a web
// page's URL) is the open text, if there is one: foreign says so.
func (im *importer) document(src string) (d *doc, foreign, ok bool) {
	body, known := im.texts[src]
	if !known {
		if im.open == "" {
			return nil, false, false
		}
		d, ok := im.docFor(SourceIRI(text.Normalize(im.open)), im.open)
		return d, true, ok
	}
	d, ok = im.docFor(src, body)
	return d, false, ok
}

// docFor returns the document of a source IRI, made with body the first
// time.
func (im *importer) docFor(src, body string) (*doc, bool) {
	if d, ok := im.docs[src]; ok {
		return d, true
	}
	body = text.Normalize(body)
	d := &doc{id: fmt.Sprintf("d%d", len(im.p.Documents)+1), x: text.NewIndex(body)}
	im.docs[src] = d
	im.p.Documents = append(im.p.Documents, annotation.Document{ID: d.id, Title: src, Text: body})
	im.rep.Documents++
	return d, true
}
