// Package annotation holds Sayso's annotation model: the schema of labels and
// stance values, documents, speakers and span annotations, and the store that
// changes them through undoable operations.
//
// Every offset is a Unicode code point of the document text (see package
// text). The store never touches the DOM; the browser layer turns selections
// into code-point spans before calling it.
package annotation

import "strings"

// The built-in label identifiers.
const (
	LabelClaim   = "claim"
	LabelSpeaker = "speaker"
	LabelCue     = "cue"
)

// Label describes one span label of the schema.
type Label struct {
	ID    string // stable identifier used in exports ("claim")
	Name  string // shown to people ("Claim")
	Color string // CSS colour, "#rrggbb"
	Key   string // keyboard shortcut, one character
}

// Schema is the set of labels and stance values a project uses.
type Schema struct {
	Labels  []Label
	Stances []string
}

// DefaultSchema is the schema of a new project: claims, speakers and cues,
// with the stance values favor, against, neutral and unclear.
func DefaultSchema() Schema {
	return Schema{
		Labels: []Label{
			{ID: LabelClaim, Name: "Claim", Color: "#f5c542", Key: "c"},
			{ID: LabelSpeaker, Name: "Speaker", Color: "#4a90d9", Key: "s"},
			{ID: LabelCue, Name: "Cue", Color: "#3fae6a", Key: "q"},
		},
		Stances: []string{"favor", "against", "neutral", "unclear"},
	}
}

// Label returns the label with the given id.
func (s Schema) Label(id string) (Label, bool) {
	for _, l := range s.Labels {
		if l.ID == id {
			return l, true
		}
	}
	return Label{}, false
}

// HasStance reports whether v is one of the schema's stance values.
func (s Schema) HasStance(v string) bool {
	for _, x := range s.Stances {
		if x == v {
			return true
		}
	}
	return false
}

// Clone returns a deep copy, so that callers cannot change a store's schema.
func (s Schema) Clone() Schema {
	return Schema{
		Labels:  append([]Label(nil), s.Labels...),
		Stances: append([]string(nil), s.Stances...),
	}
}

// normalizeName folds a speaker name for comparison: case, and runs of
// white space.
func normalizeName(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}
