// Package conll exports and imports projects as CoNLL: one token per line
// with an IOB2 (BIO) tag, blank lines between blocks, as named-entity
// tools read it, plus comment lines and offset columns that let an import
// rebuild the exact text and spans.
//
// # Layout
//
//	# sayso conll = 1
//	# offset_unit = codepoint
//	# columns = FORM START END TAG ANNOTATION
//	# annotator = Ana
//	# newdoc id = d1
//	# title = Launch
//	# topic = Launch
//	# doc_length = 20
//	# sent_id = d1-1
//	# start = 0
//	# text = Ana said: go 🚀.
//	Ana	0	3	B-speaker	a1
//	said	4	8	O	_
//	:	8	9	O	_
//	go	10	12	B-claim	a2
//	🚀	13	14	I-claim	a2
//	.	14	15	O	_
//	(blank line)
//
// Each non-empty line of a document is a block: "# start" is the code-point
// offset of its first character, "# text" its exact text, and every token
// line holds the token, its start and end in code points of the document
// (half-open), its tag and the id of its annotation ("_" outside one).
// Columns are separated by tabs. "# doc_length" is the length of the text
// in code points; the characters between blocks are line breaks. Titles,
// topics and the annotator's name are single-line comments: a line break in
// them is written as a space (and reported).
//
// Tokens are runs of letters and digits (with marks, and apostrophes or
// hyphens inside words) or runs of other characters that are not white
// space, and no token crosses the start or end of an exported span, so
// every span is a whole number of tokens. A fragment that continues on the
// next line starts that line with I-; a fragment of a discontinuous claim
// starts with B- and the same annotation id.
//
// # Overlaps
//
// A token has one tag, so overlapping spans cannot all be written. The
// export keeps claims first (they are what the dataset is about), then
// speakers, then cues, then any other label; within a label, spans in
// reading order (longer first on a tie). A span that overlaps one already
// kept is left out whole, never cut, and Result.Report.Skipped names it.
//
// # What it cannot hold
//
// Relations (claim–speaker and claim–cue links), speaker entities, stance,
// target, note, timestamps and the schema's colours and keys. White space
// at the edges of a span (tokens hold none): such spans are exported without
// it, and reported. The export lists what it left out.
//
// # Import
//
// Import reads the layout above exactly. It also reads plain CoNLL: two or
// more columns separated by tabs or spaces with the token first and the tag
// last, "-DOCSTART-" or "# newdoc" between documents, and "# text" comments
// when present. Without offsets the text is rebuilt: tokens are found in
// "# text" or else joined by spaces, and blocks joined by line breaks (the
// report says so). Tags may be B-, I-, S- and E- prefixed or bare; tags
// claim, content, speaker, source and cue in any case map to Sayso's
// labels, others join the schema. Speaker mentions get the speaker entity
// the editor would propose, since CoNLL has none.
package conll
