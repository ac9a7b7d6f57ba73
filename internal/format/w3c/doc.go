// Package w3c reads and writes annotations in the W3C Web Annotation Data
// Model (https://www.w3.org/TR/annotation-model/), serialised as JSON-LD
// with the context http://www.w3.org/ns/anno.jsonld.
//
// # Offsets
//
// TextPositionSelector start and end count Unicode code points of the
// document text, as Sayso does everywhere: the Recommendation says that
// "the selection of the text MUST be in terms of unicode code points (the
// 'character number'), not in terms of code units" (§4.2.5, Text Position
// Selector, https://www.w3.org/TR/annotation-model/#text-position-selector),
// so a JavaScript consumer must not use UTF-16 string indices directly.
//
// # Export
//
// Export writes one AnnotationCollection whose first (and only) page lists
// one Annotation per span annotation. Every Annotation carries its own
// @context, so that each item also stands alone, and:
//
//   - id: urn:sayso:anno:<document id>:<annotation id> (ids percent-encoded);
//     unique within one export;
//   - motivation: "identifying" for speaker mentions, "classifying" for
//     claims with a stance, "tagging" otherwise;
//   - created, modified (RFC 3339, UTC) and creator ({"type": "Person",
//     "name": …}) when set;
//   - body: TextualBody values told apart by purpose — the label id
//     ("tagging"), the stance ("classifying"), the stance target
//     ("describing"), the speaker entity's name ("identifying") and the
//     note ("commenting") — and, for the speaker entity's identity, a
//     SpecificResource body with purpose "identifying" whose source is
//     urn:sayso:speaker:<speaker id> (on mentions and on claims; a
//     TextualBody with an id would count as an external resource, which
//     may not have a purpose);
//   - links from a claim to its speaker mention and to its cue: a
//     SpecificResource body with purpose "linking" whose source is the
//     linked annotation's id (which of the two it is follows from the
//     linked annotation's label);
//   - target: a SpecificResource whose source is the document's IRI,
//     urn:sayso:doc:<SHA-256 of the text> (see SourceIRI), with two
//     selectors describing the same text: a TextQuoteSelector (exact, and
//     32 code points of prefix and suffix) and a TextPositionSelector.
//
// A discontinuous claim has one target per fragment, in reading order,
// each a SpecificResource as above. The model has no type for "all of
// these together" that the W3C test suite accepts: its schemas take only
// Choice (one of them) as a resource with items, and a List, Composite or
// Independents target fails the MUST assertion
// 3.2-targetObjectsRecognized. By the model the bodies then apply to each
// fragment; Sayso reads all targets of one annotation in one source back
// as the fragments of one annotation.
//
// # What the format cannot hold
//
// The document text (a W3C annotation points at its source), document
// titles and topics, the schema's label names, colours and keys, and
// stance values no claim uses. Speakers are kept by their names and ids.
// Two documents with the same text have the same source IRI and come back
// as one document; imported documents are titled by their source IRI.
//
// # Import
//
// Import takes a single Annotation, an array of them, an AnnotationPage or
// an AnnotationCollection whose pages are in the file, and the texts by
// source IRI (Texts gives them for a project). Each annotation is placed
// by its TextPositionSelector when the text there reads its quote, and
// otherwise re-anchored by its TextQuoteSelector (exact, then prefix and
// suffix, then a fuzzy match; see package anchor), with a line in the
// report. Several targets, and the items of a List, Composite or
// Independents target (from older data), are the fragments of one
// annotation; a Choice is its first item. A quote that refines another
// selector (a FragmentSelector, say) is searched in the whole text. The
// report lists what could not be placed — an annotation whose document
// text was not given, or whose text is not found — with its quote, and
// every body, target and link that could not be mapped.
//
// Annotations made by other tools (Hypothesis and the like) name their
// document by its web address, not by a Sayso source IRI. ImportWith,
// given the text open in the app (Options.OpenText), places those on it by
// their quote and its prefix and suffix, their TextPositionSelector only a
// hint (it counts another rendering of the page), and returns a Placement
// counting how many were placed and how; a RangeSelector or other
// selector beside a quote is not reported. Hypothesis's own API shape
// (no body, a "text" and "tags") keeps its text as the note and its tags.
//
// An annotation that breaks the model still opens, with a report line per
// problem, each starting "it breaks the Web Annotation model: ": no
// @context (on it or around it), an id missing, not an IRI or used
// before, no type or not Annotation, a TextualBody without value, a
// creator, created, modified or generated that is malformed, several
// values where the model allows one (id, created, modified, generated,
// bodyValue, canonical, a body's value, a selector's exact, prefix,
// suffix, start, end), a bodyValue that is not a string, a body beside a
// bodyValue. Every value of a body or bodyValue given several is kept, and
// a number is kept as written. The first tagging body gives the label (matched to
// the schema by id or name; a new tag becomes a new label; no tag gives
// the label "annotation"); a commenting body or a bodyValue, and any
// other textual body, becomes the note.
package w3c
