// Package brat reads and writes brat standoff files (https://brat.nlplab.org/standoff.html)
// in the scheme of the PolNeAR attribution corpus: a .txt file with the
// text and a .ann file with its annotations, one per line.
//
// # Offsets
//
// brat offsets count Unicode code points of the text after brat has read it
// with universal newlines ("\r\n" and "\r" become "\n"), which is exactly
// how Sayso counts and normalises. A text-bound line's text is the texts
// of its spans joined by one space (brat's DISCONT_SEP), as in every file
// of the PolNeAR and brat tutorial corpora.
//
// # Mapping
//
//	Sayso                     brat
//	speaker annotation        T  Source
//	cue annotation            T  Cue
//	claim annotation          T  Content (discontinuous: "T9\tContent 10 20;25 40\t…")
//	any other label           T  the label id, with characters brat cannot hold as '_'
//	claim → mention and cue   T  Attribution trigger + E Attribution:Tt Content:Tc Cue:Tq Source:Ts
//	claim → cue only          T  Attribution-no-source trigger + E Attribution-no-source:Tt Content:Tc Cue:Tq
//	stance                    A  Stance Tc favor (on the Content span)
//	speaker entity's name     #  AnnotatorNotes Ts "Speaker: Wang Wen" (on every mention, and on a
//	                             claim whose speaker has no mention)
//	stance target             #  AnnotatorNotes Tc "Stance target: the summit"
//	note                      #  AnnotatorNotes Tx, one line per line of the note
//
// brat requires an event trigger: a text-bound span of the event's own
// type, used by nothing else. Sayso has no trigger span, so the export
// writes a copy of the cue's span as the trigger, which is what nearly
// every PolNeAR attribution does; a claim with a speaker mention but no
// cue gets a copy of the mention's span. On import a trigger that copies
// the cue (or, without a cue, the source) is dropped. One that differs
// from the cue (9 of PolNeAR training's 22,501: "response to" for the cue
// "In response to") is kept as an annotation labelled "trigger" whose Cue
// is the attribution's cue, and the export writes it back, with its own
// span, as the trigger of the first attribution with that cue. An
// attribution with a trigger but no cue gets the trigger as its cue. The
// report says which.
//
// An event may have several contents (Content, Content2, …, brat's
// numbering of repeated roles): each becomes a claim with the event's
// source and cue, and a stance or note on the event is every one's. A
// content that an earlier event already attributes (PolNeAR nests
// attributions) keeps the first, and the report says so. The export
// writes one event per claim.
//
// A note line that would start like a field line ("Speaker: ",
// "Stance target: " or "Note: ") is written with "Note: " in front, which
// the import removes.
//
// brat cannot hold line breaks inside a span's line, so a fragment that
// crosses a line break is written as several spans split at the break,
// the way brat itself stores such a selection, and comes back as several
// fragments; an annotation made only of line breaks is left out. Line
// breaks in names, targets and stance values become spaces.
//
// The export also writes annotation.conf (the labels as entities, the two
// attribution events, the Stance attribute with the schema's values, and
// any overlap allowed) and visual.conf (the labels' names and colours).
// Documents are named after their titles, made safe for file systems, or
// after their ids, numbered when two would share a name.
//
// # What brat cannot hold
//
// Document titles (beyond the file name) and topics, annotation ids,
// annotators, creation and modification times, the quote's context and
// label keys. Speakers with the same name come back as one speaker.
// Stance values are written as they are; brat's configuration cannot
// declare a value with a comma or a vertical bar in it.
//
// # Import
//
// FromDir, FromZip and PairFiles (for files dropped or chosen together,
// zips among them) pair each .ann file with its .txt by name: in the same
// folder, with or without an annotator suffix (PolNeAR's NAME_d473.ann
// belongs to NAME.txt), else in the nearest other folder (PolNeAR's
// text/ beside attributions/). A text annotated by several annotators
// gives one document per annotation file, named after it. An annotation
// file without its text is returned with Text nil; FitsText tells whether
// it belongs on a text the app has open.
//
// Every line is parsed. Source, Cue and Content spans (and spans labelled
// speaker, cue or claim) become speakers, cues and claims; other labels
// (PolNeAR's Discuss and Discard, the tutorial's Person…) become extra
// labels of the schema. Attribution and Attribution-no-source events
// become claim links. Speaker entities are one per distinct name note,
// normalization reference or mention text (see resolveSpeakers), joined by
// equivalences (*) between speaker mentions. Stance attributes, on the
// Content span or on its attribution, become stances; notes become
// targets, names and notes (a note on an attribution is its claim's). Everything else —
// relations, other events, other attributes, normalizations and
// equivalences of other spans, notes on what was not imported, lines that
// cannot be read, spans whose text does not match the document — is listed
// in the report with the reason. A single-span line whose text does not
// match is placed where its text is found, if it is, and reported.
// Fragments are sorted, and overlapping or touching ones merged.
package brat
