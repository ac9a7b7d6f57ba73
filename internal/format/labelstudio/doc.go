// Package labelstudio exports and imports projects as Label Studio tasks
// (the JSON a Label Studio project exports and imports), and writes the
// labelling configuration that matches them.
//
// # Shape
//
// One task per document:
//
//	[{"data": {"text": "…", "title": "…", "document_id": "d1", "topic": "…"},
//	  "annotations": [{"result": [
//	    {"id": "a3", "from_name": "label", "to_name": "text", "type": "labels",
//	     "value": {"start": 9, "end": 31, "text": "…", "labels": ["claim"]}},
//	    {"id": "a3", "from_name": "stance", "to_name": "text", "type": "choices",
//	     "value": {"start": 9, "end": 31, "text": "…", "choices": ["favor"]}},
//	    {"id": "a3", "from_name": "target", "to_name": "text", "type": "textarea",
//	     "value": {"start": 9, "end": 31, "text": ["…"]}},
//	    {"from_id": "a3", "to_id": "a1", "type": "relation", "direction": "right",
//	     "labels": ["speaker"]}]}],
//	  "meta": {"offset_unit": "codepoint", "generator": "Sayso", "annotator": "Ana"}}]
//
// Every span annotation is a "labels" region named after its label id. The
// per-region results of a region share its id: the claim's stance is a
// "choices" result, and its target, its note (on any region) and the name
// of the speaker entity (on speaker mentions, and on claims attributed to a
// speaker without a mention) are "textarea" results named target, note and
// speaker. A claim's links are relations labelled "speaker" (to its speaker
// mention) and "cue" (to its cue). Label Studio regions are contiguous, so
// a discontinuous claim is one region per fragment, the later ones with ids
// "a3-2", "a3-3", joined in order by relations labelled "continues".
//
// [Config] returns the labelling configuration for a schema: the Labels,
// the Text, the three Relation values and the per-region Choices and
// TextAreas, with every value escaped for XML.
//
// # Offsets
//
// Label Studio's Text tag counts value.start and value.end in Unicode code
// points: its editor converts the browser's UTF-16 positions with
// charsToCodePoints ("in python and other modern tools complex unicode
// symbols handled as code points", web/libs/editor/src/utils/selection-tools.js
// in github.com/HumanSignal/label-studio; the fix of issues #1008 and #1347,
// label-studio-frontend pull request #308). Export writes code points. Older
// versions wrote UTF-16 units, which shifts every region after an emoji, so
// Import checks each region's value.text: when it matches the text at the
// code-point offsets they are used, when it matches at UTF-16 offsets those
// are converted (and the report says so), and otherwise the region is
// skipped. A region without value.text is read in code points.
//
// # What it cannot hold
//
// Speaker entities are held only by name (mentions with the same name are
// one speaker), timestamps not at all, and the schema's colours and keys
// only in the configuration. A speaker entity without any mention cannot
// be imported back.
//
// # Import
//
// Import reads an array of tasks or a single task. The text is data.text,
// or the only string in data. Of several annotations of a task it takes
// the first that was not cancelled (Sayso holds one annotator's work per
// document) and reports the others; a task without one falls back on its
// first prediction. Labels claim, content, speaker, source and cue in any
// case map to Sayso's labels; others join the schema. Relations between a
// claim and a speaker or cue become links whatever their label or
// direction; others are reported, as are results of other types and
// task-level choices or text areas.
package labelstudio
