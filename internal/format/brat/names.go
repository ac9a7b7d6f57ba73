package brat

import (
	"strconv"
	"strings"
	"unicode"

	"sayso/internal/annotation"
)

// The brat types Sayso reads and writes, in the PolNeAR scheme.
const (
	typeSource        = "Source"
	typeCue           = "Cue"
	typeContent       = "Content"
	typeAttribution   = "Attribution"
	typeAttributionNS = "Attribution-no-source"
	typeStance        = "Stance"
	typeNote          = "AnnotatorNotes"
)

// labelTrigger is the label of an attribution's trigger span kept because
// it differs from the attribution's cue: its Cue is that cue, and the
// export writes it back as the trigger (see the package documentation).
const labelTrigger = "trigger"

// Prefixes of the note lines that carry Sayso fields other than the note.
const (
	speakerPrefix = "Speaker: "
	targetPrefix  = "Stance target: "
	notePrefix    = "Note: "
)

// bratType is the brat type written for a Sayso label.
func bratType(label string) string {
	switch label {
	case annotation.LabelClaim:
		return typeContent
	case annotation.LabelSpeaker:
		return typeSource
	case annotation.LabelCue:
		return typeCue
	}
	t := strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_' || r == '.' {
			return r
		}
		return '_'
	}, label)
	if t == "" || reservedType(t) {
		t += "_label"
	}
	return t
}

// reservedType reports whether t is a brat type with a meaning for Sayso,
// which an extra label must not take.
func reservedType(t string) bool {
	switch strings.ToLower(t) {
	case "source", "cue", "content", "claim", "speaker",
		"attribution", "attribution-no-source", "stance":
		return true
	}
	return false
}

// saysoLabel is the Sayso label of a brat text-bound type: the PolNeAR
// types and Sayso's own label ids map to the built-in labels; any other
// type is an extra label of its own name.
func saysoLabel(t string) (label string, builtIn bool) {
	switch strings.ToLower(t) {
	case "content", "claim":
		return annotation.LabelClaim, true
	case "source", "speaker":
		return annotation.LabelSpeaker, true
	case "cue":
		return annotation.LabelCue, true
	}
	return t, false
}

// isAttribution reports whether an event type is an attribution.
func isAttribution(t string) bool {
	return strings.EqualFold(t, typeAttribution) || strings.EqualFold(t, typeAttributionNS)
}

// roleLabel is the Sayso label an attribution argument role points at.
// brat numbers further arguments of one role (Content2, Content3), so a
// number at the end of a role is not part of it.
func roleLabel(role string) (string, bool) {
	switch strings.ToLower(strings.TrimRight(role, "0123456789")) {
	case "content", "claim":
		return annotation.LabelClaim, true
	case "source", "speaker":
		return annotation.LabelSpeaker, true
	case "cue":
		return annotation.LabelCue, true
	}
	return "", false
}

// baseNames gives every document a file name: its title made safe for
// file systems and zip archives, or its id, made unique with a number.
func baseNames(docs []annotation.Document) []string {
	names := make([]string, len(docs))
	used := map[string]bool{}
	for i, d := range docs {
		base := slug(d.Title)
		if base == "" {
			base = slug(d.ID)
		}
		if base == "" {
			base = "document"
		}
		name := base
		for n := 2; used[strings.ToLower(name)]; n++ {
			name = base + "-" + strconv.Itoa(n)
		}
		used[strings.ToLower(name)] = true
		names[i] = name
	}
	return names
}

// maxSlug bounds a file name's length in code points.
const maxSlug = 80

// slug keeps letters, digits, '-', '_' and '.', turns runs of anything
// else into one '-', and trims the ends.
func slug(s string) string {
	var b strings.Builder
	n, dash := 0, false
	for _, r := range s {
		if n >= maxSlug {
			break
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_' || r == '.' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
				n++
			}
			b.WriteRune(r)
			n++
			dash = false
			continue
		}
		dash = true
	}
	return strings.Trim(b.String(), ".")
}
