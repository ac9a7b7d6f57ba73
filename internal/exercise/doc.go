// Package exercise prepares classroom exercises: a teacher chooses
// documents, the schema and instructions, and hands out one file that
// students open in any browser, without internet.
//
// An [Exercise] holds the documents, schema and instructions — never
// annotations: the teacher's answer key ([Key]) is an ordinary project,
// marked with the exercise's id and the role "key", that stays with the
// teacher. A student's project ([Exercise.Start]) carries the student's name
// as its annotator and the exercise's id and title; its export (package
// native) carries them too, with each document's SHA-256, so that [Check]
// can flag an export of another exercise, or of a changed text, instead of
// mixing it in silently.
//
// # File format
//
// An exercise travels as one JSON document (".sayso-exercise.json"):
//
//	{
//	  "format": "sayso-exercise",
//	  "version": 1,
//	  "id": "ex-3f2a9c01d4e5",
//	  "title": "Week 3: who said it?",
//	  "instructions": "Mark every claim and its speaker.\n\nThen give each claim a stance.",
//	  "schema": {
//	    "labels": [{"id": "claim", "name": "Claim", "color": "#f5c542", "key": "c"}],
//	    "stanceValues": ["favor", "against", "neutral", "unclear"]
//	  },
//	  "documents": [{"id": "d1", "title": "…", "topic": "…", "length": 120,
//	                 "sha256": "<64 hex digits of the text's UTF-8>", "text": "…"}]
//	}
//
// An exercise whose work is collected online (issue 17) also has
//
//	"handIn": {"origin": "https://sayso.example.org", "box": "<24 hex digits>",
//	           "code": "<32 hex digits>"}
//
// after "documents": the site whose Worker keeps the box, the box's id and
// the hand-in code (see [HandIn]). It is the one optional field: files
// without it, written before it existed, open as before.
//
// The schema and documents are written as in package native; "length"
// counts code points. Instructions are plain text with "\n" line ends;
// how they are laid out (paragraphs, lists) is up to the app. [Encode]
// writes the fields in this order, indented by two spaces, with a final
// newline and without escaping <, > and &; every field but "handIn" is
// always written. [Decode] requires every other field, refuses unknown and repeated ones, and
// checks each text against its SHA-256 and length. Its errors are sentences
// for the person who opened the file. The JSON Schema of the format is
// [Schema] (exercise.schema.json).
//
// To put an exercise inside an HTML page (the offline app), pass the file
// through [EmbedJSON] first.
package exercise

// The constants of the exercise format, version 1.
const (
	// FormatName is the value of the "format" field.
	FormatName = "sayso-exercise"
	// Version is the format version this package reads and writes.
	Version = 1
	// Extension ends the name of an exercise file.
	Extension = ".sayso-exercise.json"
	// MaxFileSize is the largest input Decode accepts, in bytes.
	MaxFileSize = 64 << 20
	// IDPrefix starts every exercise id New makes.
	IDPrefix = "ex-"
)
