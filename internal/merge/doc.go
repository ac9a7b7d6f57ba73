// Package merge imports a project into the open one without ever losing
// work.
//
// Conflicts finds, for each imported document, the document of the open
// project it may be a copy of (same text, same id or same title). The
// person then chooses, for each of these, Replace (take the imported
// version), Merge (keep the open project's text and bring the imported
// annotations onto it) or KeepBoth (add the imported one as a new
// document); documents with no match are simply added. Apply refuses to
// run while a conflict has no choice: nothing is ever overwritten silently.
//
// Merging onto a text that changed (a typo fixed, a paragraph added)
// re-anchors each imported annotation by its quote and the context it had in
// the imported text (package anchor: position, quote, context, fuzzy). The
// annotations placed other than by their old position are listed with how
// they were found and with what confidence; those that cannot be placed
// become orphans (annotation.Project.Orphans), kept with their quote for the
// person to place or drop, and the links that pointed at them are cut. An
// imported annotation identical to one already there (same label, same
// fragments) is folded into it: it only fills the existing one's empty
// fields, and the differing non-empty ones are reported, never overwritten.
//
// Imported ids (documents, annotations, speakers) that the open project
// already uses get a suffix ("a3" becomes "a3-2") and every reference to them
// is rewritten. Imported speakers whose name matches one of the open
// project's (ignoring case and runs of spaces) become that speaker.
//
// Everything Apply did is in its Report, also as sentences for the person
// (Report.Lines). The inputs are never changed, and the result always passes
// annotation.Load.
package merge
