package native

import (
	"fmt"
	"slices"
	"strconv"
	"unicode/utf8"

	"sayso/internal/annotation"
	"sayso/internal/text"
)

// The fields each object must have.
var (
	fileFields     = []string{"format", "version", "offsetUnit", "annotator", "schema", "documents", "speakers", "annotations"}
	exerciseFields = []string{"id"}
	schemaFields   = []string{"labels", "stanceValues"}
	labelFields    = []string{"id", "name", "color", "key"}
	documentFields = []string{"id", "title", "topic", "length", "sha256", "text"}
	speakerFields  = []string{"id", "name"}
	annFields      = []string{"id", "document", "label", "fragments", "quote", "prefix", "suffix"}
	fragmentFields = []string{"start", "end"}
)

// readProject reads the whole file after checkHeader accepted it, making
// room for the number of annotations given at first.
func readProject(r *reader, annotations int) (annotation.Project, error) {
	var p annotation.Project
	if annotations > 0 {
		p.Annotations = make([]annotation.Annotation, 0, annotations)
	}
	err := r.object(top, phrase("the file"), top, fileFields, func(key string) (bool, error) {
		var err error
		switch key {
		case "format", "version", "offsetUnit": // checked by checkHeader
			r.skip()
		case "generator":
			_, _, err = r.str(top, field(key))
		case "annotator":
			p.Annotator, _, err = r.str(top, field(key))
		case "exercise":
			p.Exercise, err = readExercise(r)
		case "schema":
			p.Schema, err = readSchema(r)
		case "documents":
			err = r.array(top, field(key), func(i int) error {
				d, err := readDocument(r, i)
				p.Documents = append(p.Documents, d)
				return err
			})
		case "speakers":
			err = r.array(top, field(key), func(i int) error {
				s, err := readSpeaker(r, i)
				p.Speakers = append(p.Speakers, s)
				return err
			})
		case "annotations":
			err = r.array(top, field(key), func(i int) error {
				a, err := readAnnotation(r, i)
				p.Annotations = append(p.Annotations, a)
				return err
			})
		case "orphans":
			err = r.array(top, field(key), func(i int) error {
				a, err := readAnnotation(r, i)
				p.Orphans = append(p.Orphans, a)
				return err
			})
		default:
			return false, nil
		}
		return true, err
	})
	if err != nil {
		return annotation.Project{}, err
	}
	if len(p.Annotations) == 0 {
		p.Annotations = nil // as without the guess
	}
	return p, nil
}

// q quotes a field name for a message.
func q(key string) string {
	for i := 0; i < len(key); i++ {
		if c := key[i]; c < 'A' || c > 'z' || (c > 'Z' && c < 'a') {
			return strconv.Quote(key)
		}
	}
	return `"` + key + `"` // the field names Sayso knows, without strconv's scan
}

// named names item i of a list: by its id once known, else by position.
func named(kind string, i int, id string) string {
	if id != "" {
		return fmt.Sprintf("%s %q", kind, clip(id))
	}
	return fmt.Sprintf("%s %d", kind, i+1)
}

// readExercise reads the exercise the project was made for. Its id must
// not be empty: a project of no exercise has no "exercise" field.
func readExercise(r *reader) (annotation.ExerciseRef, error) {
	var e annotation.ExerciseRef
	w := func() string { return "the exercise" }
	err := r.object(top, field("exercise"), w, exerciseFields, func(key string) (bool, error) {
		var err error
		var pos int
		switch key {
		case "id":
			e.ID, pos, err = r.str(w, field(key))
			if err == nil && e.ID == "" {
				err = r.at(pos, "the exercise: \"id\" is empty")
			}
		case "title":
			e.Title, _, err = r.str(w, field(key))
		case "instructions":
			e.Instructions, _, err = r.str(w, field(key))
		case "role":
			e.Role, pos, err = r.str(w, field(key))
			if err == nil && !validRole(e.Role) {
				err = r.at(pos, "the exercise: \"role\" must be %q or left out, not %q", annotation.RoleKey, clip(e.Role))
			}
		default:
			return false, nil
		}
		return true, err
	})
	return e, err
}

func readSchema(r *reader) (annotation.Schema, error) {
	var s annotation.Schema
	w := func() string { return "the schema" }
	err := r.object(top, field("schema"), w, schemaFields, func(key string) (bool, error) {
		var err error
		switch key {
		case "labels":
			err = r.array(w, field(key), func(i int) error {
				l, err := readLabel(r, i)
				s.Labels = append(s.Labels, l)
				return err
			})
		case "stanceValues":
			err = r.array(w, field(key), func(i int) error {
				v, _, err := r.str(w, item("stance value", i+1))
				s.Stances = append(s.Stances, v)
				return err
			})
		default:
			return false, nil
		}
		return true, err
	})
	return s, err
}

func readLabel(r *reader, i int) (annotation.Label, error) {
	var l annotation.Label
	w := func() string { return named("label", i, l.ID) }
	err := r.object(top, item("label", i+1), w, labelFields, func(key string) (bool, error) {
		var err error
		var pos int
		switch key {
		case "id":
			l.ID, _, err = r.str(w, field(key))
		case "name":
			l.Name, _, err = r.str(w, field(key))
		case "color":
			l.Color, pos, err = r.str(w, field(key))
			if err == nil && !validColor(l.Color) {
				err = r.at(pos, "%s: colour %q is not of the form #rrggbb", w(), clip(l.Color))
			}
		case "key":
			l.Key, pos, err = r.str(w, field(key))
			if err == nil && !validKey(l.Key) {
				err = r.at(pos, "%s: key %q is longer than one character", w(), clip(l.Key))
			}
		default:
			return false, nil
		}
		return true, err
	})
	return l, err
}

func readDocument(r *reader, i int) (annotation.Document, error) {
	var (
		d                 annotation.Document
		length, lengthPos int
		sum               string
		sumPos            int
	)
	w := func() string { return named("document", i, d.ID) }
	err := r.object(top, item("document", i+1), w, documentFields, func(key string) (bool, error) {
		var err error
		switch key {
		case "id":
			d.ID, _, err = r.str(w, field(key))
		case "title":
			d.Title, _, err = r.str(w, field(key))
		case "topic":
			d.Topic, _, err = r.str(w, field(key))
		case "done":
			d.Done, err = r.boolean(w, field(key))
		case "length":
			length, lengthPos, err = r.offset(w, field(key))
		case "sha256":
			sum, sumPos, err = r.str(w, field(key))
			if err == nil && !validSHA256(sum) {
				err = r.at(sumPos, "%s: \"sha256\" must be 64 lowercase hexadecimal digits, not %q", w(), clip(sum))
			}
		case "text":
			d.Text, _, err = r.str(w, field(key))
		default:
			return false, nil
		}
		return true, err
	})
	if err != nil {
		return d, err
	}
	if text.Hash(d.Text) != sum {
		return d, fmt.Errorf("%s: the text does not match its SHA-256; the file was edited", w())
	}
	if n := utf8.RuneCountInString(d.Text); n != length {
		hint := ""
		if length == utf16Len(d.Text) {
			hint = fmt.Sprintf("; %d is its length in UTF-16 units", length)
		}
		return d, r.at(lengthPos, "%s: \"length\" is %d, but the text has %d characters (code points)%s", w(), length, n, hint)
	}
	return d, nil
}

func utf16Len(s string) int {
	n := 0
	for _, c := range s {
		n++
		if c > 0xFFFF {
			n++
		}
	}
	return n
}

func readSpeaker(r *reader, i int) (annotation.Speaker, error) {
	var s annotation.Speaker
	w := func() string { return named("speaker", i, s.ID) }
	err := r.object(top, item("speaker", i+1), w, speakerFields, func(key string) (bool, error) {
		var err error
		switch key {
		case "id":
			s.ID, _, err = r.str(w, field(key))
		case "name":
			s.Name, _, err = r.str(w, field(key))
		default:
			return false, nil
		}
		return true, err
	})
	return s, err
}

func readAnnotation(r *reader, i int) (annotation.Annotation, error) {
	var a annotation.Annotation
	w := func() string { return named("annotation", i, a.ID) }
	fragsPos := 0
	err := r.object(top, item("annotation", i+1), w, annFields, func(key string) (bool, error) {
		if key == "anchored" {
			return true, readAnchored(r, w, &a)
		}
		if key == "fragments" {
			fragsPos = r.lex.peekPos()
			return true, r.array(w, field(key), func(j int) error {
				f, err := readFragment(r, w, j)
				a.Fragments = append(a.Fragments, f)
				return err
			})
		}
		dst := annotationString(&a, key)
		if dst == nil {
			return false, nil
		}
		var err error
		switch key {
		case "document", "label", "stance", "target", "speaker", "annotator", "created", "modified":
			*dst, err = r.sharedStr(w, field(key))
		default:
			*dst, _, err = r.str(w, field(key))
		}
		return true, err
	})
	if err == nil && len(a.Fragments) == 0 {
		err = r.at(fragsPos, "%s: \"fragments\" is empty; an annotation needs at least one", w())
	}
	return a, err
}

// annotationString returns the string field of a that key names, or nil.
func annotationString(a *annotation.Annotation, key string) *string {
	switch key {
	case "id":
		return &a.ID
	case "document":
		return &a.Document
	case "label":
		return &a.Label
	case "quote":
		return &a.Quote
	case "prefix":
		return &a.Prefix
	case "suffix":
		return &a.Suffix
	case "stance":
		return &a.Stance
	case "target":
		return &a.Target
	case "speaker":
		return &a.Speaker
	case "speakerMention":
		return &a.SpeakerMention
	case "cue":
		return &a.Cue
	case "note":
		return &a.Note
	case "annotator":
		return &a.Annotator
	case "created":
		return &a.Created
	case "modified":
		return &a.Modified
	}
	return nil
}

func readFragment(r *reader, ann where, j int) (text.Span, error) {
	var f text.Span
	w := func() string { return fmt.Sprintf("%s, fragment %d", ann(), j+1) }
	err := r.object(ann, item("fragment", j+1), w, fragmentFields, func(key string) (bool, error) {
		var err error
		switch key {
		case "start":
			f.Start, _, err = r.offset(w, field(key))
		case "end":
			f.End, _, err = r.offset(w, field(key))
		default:
			return false, nil
		}
		return true, err
	})
	return f, err
}

// readAnchored reads how an import re-found an annotation:
// {"by": "context", "confidence": 87}.
func readAnchored(r *reader, ann where, a *annotation.Annotation) error {
	w := func() string { return ann() + ": \"anchored\"" }
	return r.object(ann, field("anchored"), w, []string{"by", "confidence"}, func(key string) (bool, error) {
		switch key {
		case "by":
			by, pos, err := r.str(w, field(key))
			if err == nil && !slices.Contains(annotation.AnchoredBy, by) {
				err = r.at(pos, "%s: \"anchored\": \"by\" must be one of %q, not %q", ann(), annotation.AnchoredBy, clip(by))
			}
			a.Anchored = by
			return true, err
		case "confidence":
			n, pos, err := r.offset(w, field(key))
			if err == nil && n > 100 {
				err = r.at(pos, "%s: \"anchored\": \"confidence\" is a percentage, 0 to 100, not %d", ann(), n)
			}
			a.AnchorConfidence = n
			return true, err
		}
		return false, nil
	})
}
