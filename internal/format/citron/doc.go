// Package citron exports and imports projects in the JSON format of
// Citron, the BBC's quote extraction and attribution system
// (github.com/bbc/citron, docs/data_format.md): one object per document,
//
//	{"text": "…",
//	 "quotes": [{"cue": {"start": 364, "end": 368, "text": "said"},
//	             "sources": [{"start": 350, "end": 363, "text": "Humpty Dumpty"}],
//	             "contents": [{"start": 302, "end": 322, "text": "…"}, …],
//	             "id": "a7"}],
//	 "coreference_groups": [[{"start": 350, "end": 363, "text": "Humpty Dumpty"},
//	                         {"start": 432, "end": 434, "text": "he"}]],
//	 "title": "…", "offset_unit": "codepoint"}
//
// A quote is a claim: its contents are the claim's fragments, its cue the
// claim's cue and its sources the claim's speaker mention. Coreference
// groups are Sayso's speaker entities: each group holds every mention of
// one speaker in the document. "title" and "offset_unit" are Sayso's keys,
// which Citron ignores. A project of one document exports as one JSON
// file; a project of several as a zip archive of one file per document,
// which is how Citron reads a data set (a folder of files). Result.NameEnding
// gives the name's ending, .citron.json or .citron.zip, and InZip recognises
// such an archive among other zips, so that an export opens again.
//
// # Offsets
//
// Citron is Python: start and end index the document's text as a Python
// string (citron/data.py maps every character index of doc.text to a spaCy
// token), so they count code points, as Sayso does. Import checks each
// span's text against the document and, if only UTF-16 offsets match it,
// converts them and says so.
//
// # What it cannot hold
//
// A quote needs a cue, so claims without one are not exported (the report
// names each). A cue is one span: a discontinuous cue is written as the
// stretch that covers it. Stance, target, note, the annotator, timestamps,
// the topic, labels other than claim, speaker and cue, cues no claim links
// to, and claims attributed to a speaker without a mention are not held;
// the report counts them. Speaker names are not held: on import each
// speaker is named after its longest mention.
//
// # Import
//
// Import reads one object, a JSON list of objects, or a zip archive of
// .json files. It needs "text" (Citron's extract command writes quotes
// without it, and those cannot be placed). Quotes' "coreferences" join
// their sources' speaker; "confidence" is not kept. Mentions that no
// coreference ties to others get the speaker the editor would propose.
package citron
