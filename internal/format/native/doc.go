// Package native reads and writes Sayso's own file format, version 1: one
// JSON document (".sayso.json") holding a whole project — the schema of
// labels and stance values, the documents with their full text, the speaker
// entities and the annotations.
//
// # Offsets
//
// Every offset counts Unicode code points of the document text, so that in
// Python text[start:end] is the annotated quote. The file says so in
// "offsetUnit": "codepoint".
//
// # Shape
//
//	{
//	  "format": "sayso",
//	  "version": 1,
//	  "offsetUnit": "codepoint",
//	  "generator": "Sayso",
//	  "annotator": "ana",
//	  "exercise": {"id": "ex-3f2a9c01d4e5", "title": "Week 3: quotes", "role": "key"},
//	  "schema": {
//	    "labels": [{"id": "claim", "name": "Claim", "color": "#f5c542", "key": "c"}],
//	    "stanceValues": ["favor", "against", "neutral", "unclear"]
//	  },
//	  "documents": [{"id": "d1", "title": "…", "topic": "…", "done": true, "length": 120,
//	                 "sha256": "<64 hex digits of the text's UTF-8>", "text": "…"}],
//	  "speakers": [{"id": "s1", "name": "Wang Wen"}],
//	  "annotations": [{"id": "a1", "document": "d1", "label": "claim",
//	                   "fragments": [{"start": 10, "end": 42}],
//	                   "quote": "…", "prefix": "…", "suffix": "…",
//	                   "stance": "against", "target": "…", "speaker": "s1",
//	                   "speakerMention": "a2", "cue": "a3", "note": "…",
//	                   "annotator": "ana", "created": "2025-01-02T03:04:05Z",
//	                   "modified": "2025-01-02T03:04:05Z"}]
//	}
//
// [Encode] writes the fields in exactly this order, indented by two spaces,
// with a final newline and without escaping <, > and & (the file is
// downloaded, never put into a page as HTML).
//
// Every field is always written, even when its value is empty, except
// "exercise", left out unless the project belongs to a classroom exercise
// (see package exercise); the exercise's "role", left out for a student's
// work and "key" for the teacher's answer key; a document's "done" mark,
// left out unless true; and the attributes of an annotation — stance,
// target, speaker, speakerMention, cue, note, annotator, created and
// modified — which are left out when empty. [Decode] requires every
// always-written field except "generator" and the exercise's "title", and
// reads a left-out attribute, title or role as "" and a left-out "done" as
// false. Empty lists are read as nil slices. An exercise's "id" may not be
// empty, and its "role" is "key", or "" or left out. So Decode(Encode(p)) equals
// p, and Encode(Decode(b)) is b for any b that Encode produced.
//
// The JSON Schema of the format is [Schema] (sayso.schema.json).
//
// # Checks
//
// Decode checks structure: that the input is JSON, is a Sayso file of a
// version it reads, has every required field with the right type and no
// unknown one, non-negative offsets, well-formed colours, and texts that
// match their SHA-256 and length. Its errors are sentences meant to be
// shown to the person who opened the file. Whether quotes match the text
// and links point somewhere is checked by annotation.Load; [Open] does both.
package native

// The constants of format version 1.
const (
	// FormatName is the value of the "format" field.
	FormatName = "sayso"
	// Version is the format version this package reads and writes.
	Version = 1
	// OffsetUnit is the value of the "offsetUnit" field.
	OffsetUnit = "codepoint"
	// Generator is the value of the "generator" field Encode writes.
	Generator = "Sayso"
	// Extension ends the name of a native file.
	Extension = ".sayso.json"
	// MaxFileSize is the largest input Decode accepts, in bytes.
	MaxFileSize = 64 << 20
)
