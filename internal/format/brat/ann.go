package brat

import (
	"fmt"
	"strconv"
	"strings"
)

// A record is one parsed line of a .ann file.
type record struct {
	Line    int       // 1-based line number in the file
	ID      string    // "T1", "E2", "#3", "*" …
	Kind    byte      // 'T', 'E', 'R', 'A', 'M', 'N', '*' or '#'
	Type    string    // label, event, relation, attribute, normalization, equivalence or note type
	Spans   []rawSpan // T: the offsets, as written
	Text    string    // T: the quoted text; N: the referenced name; #: the note
	Trigger string    // E: the trigger's id
	Args    []arg     // E: the arguments; R: the two arguments; *: the ids (no role)
	Target  string    // A, M, N, #: the annotated id
	Value   string    // A: the value, "" for a binary attribute; N: "DB:ID"
}

// rawSpan is one start–end pair of a text-bound line, not yet checked
// against the text.
type rawSpan struct{ Start, End int }

// arg is one Role:ID argument of an event or relation.
type arg struct{ Role, ID string }

// badLine is a line that could not be parsed, with the reason in words.
type badLine struct {
	Line   int
	Text   string
	Reason string
}

// parseAnn parses the lines of a .ann file. Lines end where brat's reader
// (Python's str.splitlines) ends them: at "\n", "\r\n", "\r" and the other
// Unicode line breaks, so that a note holding one of those comes back the
// way the export wrote it. Blank lines are ignored; every other line
// becomes a record or a badLine.
func parseAnn(src string) ([]record, []badLine) {
	var recs []record
	var bad []badLine
	seen := map[string]bool{}
	for i, line := range strings.Split(splitLines(src), "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" {
			continue
		}
		r, err := parseLine(line)
		switch {
		case err != nil:
			bad = append(bad, badLine{Line: i + 1, Text: line, Reason: err.Error()})
		case r.ID != "*" && seen[r.ID]:
			bad = append(bad, badLine{Line: i + 1, Text: line, Reason: fmt.Sprintf("the id %s is used by an earlier line", r.ID)})
		default:
			seen[r.ID] = true
			r.Line = i + 1
			recs = append(recs, r)
		}
	}
	return recs, bad
}

// parseLine parses one non-blank line, following brat's own reader: the id,
// a tab, the data, and for some kinds a tab and free text.
func parseLine(line string) (record, error) {
	id, rest, ok := strings.Cut(line, "\t")
	if !ok {
		return record{}, fmt.Errorf("there is no tab after the id")
	}
	if id == "" || strings.ContainsAny(id, " \v\f") {
		return record{}, fmt.Errorf("the id %q is not a brat id", id)
	}
	data, tail, _ := strings.Cut(rest, "\t")
	r := record{ID: id, Kind: id[0]}
	if r.Kind == '*' && id != "*" {
		return record{}, fmt.Errorf("the id %q is not a brat id", id)
	}
	var err error
	switch r.Kind {
	case 'T':
		err = r.parseTextBound(data, tail)
	case 'E':
		err = r.parseEvent(data)
	case 'R':
		err = r.parseRelation(data)
	case 'A', 'M':
		err = r.parseAttribute(data)
	case 'N':
		err = r.parseNormalization(data, tail)
	case '*':
		err = r.parseEquivalence(data)
	case '#':
		err = r.parseNote(data, tail)
	default:
		err = fmt.Errorf("brat has no annotation kind %q", id[:1])
	}
	return r, err
}

func (r *record) parseTextBound(data, tail string) error {
	typ, offsets, ok := strings.Cut(data, " ")
	if !ok || typ == "" {
		return fmt.Errorf("a text-bound annotation needs a label and offsets")
	}
	r.Type = typ
	for part := range strings.SplitSeq(offsets, ";") {
		f := strings.Fields(part)
		if len(f) != 2 {
			return fmt.Errorf("the offsets %q are not a start and an end", part)
		}
		start, err1 := strconv.Atoi(f[0])
		end, err2 := strconv.Atoi(f[1])
		if err1 != nil || err2 != nil || start < 0 || end < 0 {
			return fmt.Errorf("the offsets %q are not whole numbers", part)
		}
		r.Spans = append(r.Spans, rawSpan{start, end})
	}
	r.Text = tail
	return nil
}

func (r *record) parseEvent(data string) error {
	f := strings.Fields(data)
	if len(f) == 0 {
		return fmt.Errorf("an event needs a type and a trigger")
	}
	typ, trigger, ok := cutArg(f[0])
	if !ok {
		return fmt.Errorf("an event starts with Type:Trigger, not %q", f[0])
	}
	r.Type, r.Trigger = typ, trigger
	for _, a := range f[1:] {
		role, id, ok := cutArg(a)
		if !ok {
			return fmt.Errorf("the event argument %q is not Role:ID", a)
		}
		r.Args = append(r.Args, arg{role, id})
	}
	return nil
}

func (r *record) parseRelation(data string) error {
	f := strings.Fields(data)
	if len(f) != 3 {
		return fmt.Errorf("a relation needs a type and exactly two arguments")
	}
	r.Type = f[0]
	for _, a := range f[1:] {
		role, id, ok := cutArg(a)
		if !ok {
			return fmt.Errorf("the relation argument %q is not Role:ID", a)
		}
		r.Args = append(r.Args, arg{role, id})
	}
	return nil
}

// cutArg splits "Role:ID".
func cutArg(s string) (role, id string, ok bool) {
	role, id, ok = strings.Cut(s, ":")
	return role, id, ok && role != "" && id != "" && !strings.Contains(id, ":")
}

func (r *record) parseAttribute(data string) error {
	typ, rest, _ := strings.Cut(data, " ")
	target, value, _ := strings.Cut(rest, " ")
	if typ == "" || target == "" {
		return fmt.Errorf("an attribute needs a name and the id it applies to")
	}
	if r.Kind == 'M' && value != "" {
		return fmt.Errorf("a modifier has only a name and the id it applies to")
	}
	r.Type, r.Target, r.Value = typ, target, value
	return nil
}

func (r *record) parseNormalization(data, tail string) error {
	f := strings.Fields(data)
	if len(f) != 3 {
		return fmt.Errorf("a normalization needs a type, the id it applies to and a DB:ID reference")
	}
	if db, id, ok := strings.Cut(f[2], ":"); !ok || db == "" || id == "" {
		return fmt.Errorf("the reference %q is not DB:ID", f[2])
	}
	r.Type, r.Target, r.Value, r.Text = f[0], f[1], f[2], tail
	return nil
}

func (r *record) parseEquivalence(data string) error {
	f := strings.Fields(data)
	if len(f) < 2 {
		return fmt.Errorf("an equivalence needs a type and the ids it joins")
	}
	r.Type = f[0]
	for _, id := range f[1:] {
		r.Args = append(r.Args, arg{ID: id})
	}
	return nil
}

func (r *record) parseNote(data, tail string) error {
	f := strings.Fields(data)
	if len(f) != 2 {
		return fmt.Errorf("a note needs a type and the id it applies to")
	}
	r.Type, r.Target, r.Text = f[0], f[1], tail
	return nil
}

// String formats r as one line of a .ann file, without the newline.
func (r record) String() string {
	var b strings.Builder
	b.WriteString(r.ID)
	b.WriteByte('\t')
	switch r.Kind {
	case 'T':
		b.WriteString(r.Type)
		for i, s := range r.Spans {
			if i == 0 {
				b.WriteByte(' ')
			} else {
				b.WriteByte(';')
			}
			fmt.Fprintf(&b, "%d %d", s.Start, s.End)
		}
		b.WriteByte('\t')
		b.WriteString(r.Text)
	case 'E':
		fmt.Fprintf(&b, "%s:%s", r.Type, r.Trigger)
		for _, a := range r.Args {
			fmt.Fprintf(&b, " %s:%s", a.Role, a.ID)
		}
	case 'R':
		b.WriteString(r.Type)
		for _, a := range r.Args {
			fmt.Fprintf(&b, " %s:%s", a.Role, a.ID)
		}
		b.WriteByte('\t')
	case 'A', 'M':
		fmt.Fprintf(&b, "%s %s", r.Type, r.Target)
		if r.Value != "" {
			b.WriteByte(' ')
			b.WriteString(r.Value)
		}
	case 'N':
		fmt.Fprintf(&b, "%s %s %s\t%s", r.Type, r.Target, r.Value, r.Text)
	case '*':
		b.WriteString(r.Type)
		for _, a := range r.Args {
			b.WriteByte(' ')
			b.WriteString(a.ID)
		}
	case '#':
		fmt.Fprintf(&b, "%s %s\t%s", r.Type, r.Target, r.Text)
	}
	return b.String()
}
