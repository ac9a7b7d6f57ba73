// Package doccano exports and imports projects in doccano's JSONL format
// for sequence labelling with relations: one JSON object per line and
// document,
//
//	{"text": "…",
//	 "entities": [{"id": 1, "label": "claim", "start_offset": 9, "end_offset": 31}],
//	 "relations": [{"id": 1, "from_id": 1, "to_id": 2, "type": "speaker"}],
//	 "title": "…", "document_id": "d1", "topic": "…", "offset_unit": "utf-16"}
//
// Every span annotation is an entity labelled with its label id. A claim's
// links are relations typed "speaker" (to its speaker mention) and "cue".
// doccano spans are contiguous, so a discontinuous claim is one entity per
// fragment, joined in order by relations typed "continues". Speaker
// mentions of the same speaker entity in a document are tied by
// "coreference" relations from each later mention to the first. The keys
// after "relations" are Sayso's; doccano keeps unknown keys as the
// example's metadata.
//
// # Offsets
//
// doccano is written in Python, but its annotation editor runs in the
// browser and stores start_offset and end_offset as JavaScript string
// positions: UTF-16 code units, not code points (doccano issue #2290,
// "Sequence labels are TypeScript/JavaScript-style", and #2484, both open;
// the 2019 fix of pull request #108 was lost when the front end was
// rewritten). A project created with "Count grapheme clusters as one
// character" counts grapheme clusters instead. So Export writes UTF-16
// units by default, which places spans correctly in doccano, and
// Options.Unit chooses code points for Python readers; each line names its
// unit in "offset_unit".
//
// Import uses a line's "offset_unit" when it has one. Otherwise, for a text
// with characters outside the Basic Multilingual Plane (the only texts
// where the units differ), it reads UTF-16 units unless an offset then
// falls inside a surrogate pair or past the text, in which case it reads
// code points; the report says which. Grapheme-cluster offsets are not
// supported: they read wrongly after an emoji sequence or combining mark.
//
// # What it cannot hold
//
// Stance, target, note, the annotator and timestamps; speaker entities
// beyond the coreference of mentions within one document (on import an
// entity is named after its longest mention, and mentions with no
// coreference get the speaker the editor would propose); a claim
// attributed to a speaker without a mention. The export report lists what
// it left out.
//
// # Import
//
// Import also reads doccano's older shapes: the text under "data", and
// spans as "label" (or "labels") lists of [start, end, "LABEL"]; a JSON
// array of such objects, or objects written over many lines one after the
// other (pretty-printed, as doccano's documentation shows its
// relation-extraction example), is read like JSONL. doccano's import lets
// people name the text and label columns: when a file lacks the usual keys,
// the text is the one key holding a string in every example (title,
// document_id, topic and other metadata aside) and the spans the one key
// holding lists of spans; when several fit, ImportWith returns an
// *AmbiguousColumnsError listing them and Options.Columns settles it.
// LooksLikeExample recognises such an example for detection. Labels claim, content, speaker,
// source and cue in any case map to Sayso's labels, others join the schema.
// A relation between a claim and a speaker or cue becomes a link whatever
// its type and direction; other relations are reported.
package doccano
