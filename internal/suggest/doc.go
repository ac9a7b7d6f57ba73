// Package suggest finds attributions in news text by itself: the claims
// (contents), the cues ("said", "according to") and the sources (speaker
// mentions), each claim linked to its cue and source, and the sources joined
// into speaker entities. It is written rules and lexicons, no learned model,
// so that it runs in the page with nothing to download.
//
// Offsets are Unicode code points of the document text. No span lies outside
// the text or ends inside a grapheme cluster. The work is done paragraph by
// paragraph ([Suggester.Step]) so a caller can spread it over idle slices;
// [Suggest] does it all at once.
//
// The conventions follow PolNeAR's (Newell et al., 2018) as far as rules can:
// a direct quote's content includes its quotation marks, an indirect
// content includes "that" and stops before the sentence's final full stop,
// auxiliaries belong to the cue ("has said"), a quote that continues a
// speaker's earlier quote is a further fragment of the same content, and a
// belief or intention inside what someone said ("voters say they want …")
// is not an attribution of its own.
package suggest
