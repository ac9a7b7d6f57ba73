package merge

// Counts is what an imported project holds.
type Counts struct {
	Documents   int
	Annotations int
	Links       int // speaker-mention and cue links between annotations
	Speakers    int
	Orphans     int // annotations the import itself had not placed
}

// Action is what became of an imported document.
type Action string

// The actions.
const (
	Added    Action = "added"     // a new document
	Replaced Action = "replaced"  // it took the place of the existing one
	Merged   Action = "merged"    // its annotations joined the existing one
	KeptBoth Action = "kept both" // added as a new document next to the existing one
)

// DocumentOutcome is what became of one imported document.
type DocumentOutcome struct {
	Imported string // its id in the import
	Result   string // the id of the document it became or joined
	Title    string // the title of that document in the result
	Action   Action
	SameText bool // for Merged: the texts were identical, no annotation had to be re-anchored
}

// Anchoring is how an imported annotation was found in a changed text.
type Anchoring struct {
	Method     string  // anchor.ByQuote, anchor.ByContext or anchor.ByFuzzy (the weakest of its fragments)
	Confidence float64 // 0–1, the lowest of its fragments
	Quote      string  // what it now reads
}

// Unplaced is an imported annotation that could not be placed: it is one of
// the result's orphans.
type Unplaced struct {
	ID       string // its id in the result's Orphans
	Document string // the document it belongs to in the result
	Label    string
	Quote    string
	Reason   string
}

// LinkCut is a link from a placed annotation to one that could not be
// placed; the link was removed.
type LinkCut struct {
	From, FromLabel, FromQuote string // the annotation that kept its place (result id)
	Link                       string // "speaker mention" or "cue"
	To, ToQuote                string // the orphan it pointed at (result id)
}

// FieldConflict is a field an imported copy had differently from an
// existing annotation or document: the existing value was kept.
type FieldConflict struct {
	ID       string // result id of the annotation or document
	Label    string // the annotation's label, or "document"
	Quote    string // the annotation's quote, or the document's title
	Field    string // "stance", "target", "note", "speaker", "speaker mention", "cue", "topic", "title"
	Kept     string
	Imported string
}

// SpeakerMerge is an imported speaker that became a speaker of the open
// project with the same name.
type SpeakerMerge struct {
	Imported string // its id in the import
	Into     string // the open project's speaker id
	Name     string // the open project's name for it
}

// Rename is an imported id the open project already used.
type Rename struct {
	Kind     string // "document", "annotation" or "speaker"
	From, To string
}

// Report says what Apply read, what it mapped where and what it could not
// carry over, and why.
type Report struct {
	Read      Counts            // what the import held
	Documents []DocumentOutcome // one per imported document, in its order

	Added   int // imported annotations added (as they were or re-anchored)
	Folded  int // imported annotations identical to one already there, not added twice
	Filled  int // empty fields of existing annotations or documents filled from their imported copy
	Removed int // annotations of the open project dropped by Replace

	// Anchored lists, by id in the result, the annotations placed other
	// than by their old position.
	Anchored       map[string]Anchoring
	Unplaced       []Unplaced
	LinksCut       []LinkCut
	FieldConflicts []FieldConflict

	SpeakersAdded   int
	SpeakersMerged  []SpeakerMerge
	SpeakersDropped []string // names of the open project's speakers only replaced annotations mentioned

	OrphansCarried int      // the import's own orphans, kept as orphans
	Renamed        []Rename // imported ids changed because the open project used them
	SchemaAdded    []string // labels and stance values added to the schema, described
	Repairs        []string // what annotation.Repair changed in an import Load refused

	// AnnotationIDs maps every imported annotation and orphan id to its id
	// in the result: among the annotations (added, or the existing one it
	// was folded into) or among the orphans.
	AnnotationIDs map[string]string
}
