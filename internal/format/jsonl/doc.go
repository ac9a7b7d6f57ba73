// Package jsonl exports a project as a dataset of claims in JSON Lines: one
// JSON object per line, one line per claim, ready for pandas
// (read_json(path, lines=True)) and Hugging Face datasets
// (load_dataset("json", data_files=path)).
//
// # Columns
//
// Every line has the same keys, in this order; a value that is missing is
// null, never a left-out key, so that every line has the same columns:
//
//	document_id     the document's id ("d1")
//	document_title  its title, or null
//	claim_id        the claim's id ("a7")
//	quote           the claim's text; the fragments of a discontinuous
//	                claim are joined with " … "
//	fragments       [[start, end], …]: the claim's fragments, half-open,
//	                in code points of the document text
//	speaker         the name of the speaker entity the claim is attributed to
//	speaker_id      that entity's id ("s2")
//	speaker_mention the text of the speaker mention the claim is linked to
//	cue             the text of the claim's cue ("said")
//	stance          the stance value ("favor", …)
//	target          what the stance is toward
//	note            the annotator's note
//	annotator       who made the claim
//	context         the paragraph or paragraphs the claim lies in, with the
//	                line breaks between them
//	context_start   the code-point offset of context in the document, so
//	                that context[start-context_start:end-context_start] is a
//	                fragment
//	offset_unit     always "codepoint"
//
// # Offsets
//
// Offsets count Unicode code points, so that in Python
// document_text[start:end] is the fragment's text even around emoji and
// other characters outside the Basic Multilingual Plane.
//
// # What it cannot hold
//
// The export is one-way: there is no import. It holds claims only: speaker
// mentions and cues appear as the text of the claim's links, and speaker
// mentions or cues that no claim links to are not written. Document texts
// are not written whole (only the context of each claim), nor are the
// schema, the prefix and suffix of each quote, or timestamps.
package jsonl
