// Package webanno exports and imports projects as WebAnno TSV 3.3, the
// tab-separated exchange format of INCEpTION and WebAnno (INCEpTION user
// guide, “WebAnno TSV 3.3 File format”): a header declaring the layers,
// then each sentence as #Text= lines followed by one line per token,
//
//	#FORMAT=WebAnno TSV 3.3
//	#T_SP=webanno.custom.Attribution|label|note|speaker|stance|target
//	#T_RL=webanno.custom.AttributionLink|role|BT_webanno.custom.Attribution
//
//
//	#Text=Ana said: go 🚀.
//	1-1	0-3	Ana	speaker	*	Ana	*	*	speaker	1-4[1_0]
//	1-2	4-8	said	cue	*	*	*	*	cue	1-4[1_0]
//	1-3	8-9	:	_	_	_	_	_	_	_
//	1-4	10-12	go	claim[1]	*[1]	*[1]	favor[1]	*[1]	_	_
//	1-5	13-15	🚀	claim[1]	*[1]	*[1]	favor[1]	*[1]	_	_
//	1-6	15-16	.	_	_	_	_	_	_	_
//
// A relation is written on the first token of its target, naming the
// first token of its source: [1_0] says the source is the annotation with
// disambiguation id 1 there and the target the only one on this token.
// INCEpTION ends every token line with a tab, and so does the export.
//
// # Offsets
//
// The begin-end column counts UTF-16 code units, because INCEpTION is
// written in Java, whose strings are UTF-16: the user guide's section
// “Encoding and Offsets” says so, with the example of 😊 (U+1F60A) taking
// two units, and INCEpTION's test suite (tsv3-suite/testSentenceWithEmoji)
// puts that emoji at 10-12 in “I like it 😊 .”. Export converts Sayso's
// code points to UTF-16 units and import converts them back exactly; an
// offset inside a surrogate pair is reported, not guessed. A file whose
// token texts match the text only when its offsets are read as code
// points (written by a tool that counted them) is read that way, and the
// report says so.
//
// # Layers
//
// A TSV relation layer joins annotations of the one span layer its BT_
// column names (INCEpTION resolves both ends of a relation in that
// layer), so claims, speakers and cues share one span layer,
// webanno.custom.Attribution, with the label in the feature “label”
// (claim, speaker, cue or any other label id of the schema). Its other
// features are a claim's stance, its target when it differs from the
// document's topic, a note, and “speaker”: the speaker entity's name on
// every speaker mention, and on a claim attributed to a speaker without a
// mention. The relation layer webanno.custom.AttributionLink has the
// feature “role”: “speaker” from a claim to its speaker mention, “cue” from
// a claim to its cue, and “continues” from each fragment of a
// discontinuous claim to the next; a discontinuous claim is one span per
// fragment, and only the first carries the features and links. To open an
// export in INCEpTION, create the two layers with these string features
// first (the relation layer attached to the span layer), as INCEpTION asks
// of every TSV import.
//
// # Tokens and sentences
//
// Tokens are runs of letters and digits (with marks, and apostrophes or
// hyphens inside words) and every other character that is not white space,
// with what joins it (combining marks, emoji sequences, flags); no token
// crosses the start or end of an exported span, so every span covers
// whole tokens and no sub-token lines are needed. A sentence ends at a line
// break, or at a full stop, question or exclamation mark followed by white
// space, unless a span goes on across it. The text between two sentences
// is written at the end of the first (its #Text lines), except one final
// line break, which the format's own line break stands for; this way the
// text comes back exactly, in INCEpTION too (INCEpTION adds one line break
// at the end of a document).
//
// # What it cannot hold
//
// Document titles (a zip archive of several documents names each file
// after its title) and topics, annotation ids, the annotator, times, the
// schema's label names, colours and keys; white space at the edges of a
// span (tokens hold none: such spans are exported without it, and
// reported); white space other than spaces before a document's first
// word. Speakers with the same name come back as one speaker. The export
// report lists what it left out.
//
// # Import
//
// Import reads WebAnno TSV 3.0 to 3.3 as INCEpTION does: the text is
// rebuilt from the #Text lines (a gap before a sentence filled with
// spaces), stacked values (a|b), disambiguation ids (value[3], relation
// ends 1-1[2_3]), sub-token lines (1-3.1) and escaped values. Spans of
// webanno.custom.Attribution, and of any span layer named Claim, Speaker,
// Cue, Content or Source, map to Sayso's labels; spans of other layers
// (named entities, parts of speech, …) are imported with the label of
// their “label” feature, else their first feature with a value, else the
// layer's name, and the report names each such layer. Features named
// stance, target, note and speaker are read on any layer. A relation
// between a claim and a speaker or cue becomes a link, whatever its layer
// and direction; “continues” joins fragments. Other relations, chains and
// slot features are reported, not imported. A file that is not WebAnno
// TSV 3 is refused with the line number where reading stopped.
package webanno
