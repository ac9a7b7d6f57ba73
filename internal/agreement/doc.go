// Package agreement holds the numbers a teacher needs after a classroom
// exercise: how close each student's annotations are to an answer key, and
// how far students agree with each other.
//
// It works on plain values: each person's work is an Annotator (a name and
// the annotation.Project they exported). Nothing here touches the DOM, the
// store or a file; every function is deterministic for a given input.
//
// # Documents
//
// Students import the same handed-out file, but a document can also have
// been pasted again under a new id. A document is therefore identified by
// its text when the project lists it with its text, and by its id otherwise;
// two projects' documents with the same text are the same document.
//
// # Spans and matching
//
// Annotations are compared through their hull (first fragment's start to
// last fragment's end, code points), only with annotations of the same
// document and label. Orphans and annotations without fragments are left
// out. Two spans match
//
//   - exactly when they have the same start and end;
//   - by overlap when |a ∩ b| / max(|a|, |b|) ≥ 0.5 (OverlapRatio). Dividing
//     by the longer span keeps the ratio symmetric and stops a short span
//     matching a long one that merely contains it.
//
// Matching is one to one: candidate pairs are taken greedily by decreasing
// ratio, ties going to the earlier key span and then the earlier other span
// (spans are put in reading order first), so two student spans over one key
// span count once. Precision, recall and F1 are micro-averaged: matches and
// span counts are summed over documents (and labels) before dividing. When
// both sides are empty P = R = F1 = 1 (nothing to find, nothing wrong); when
// only one side is empty, or P + R = 0, the undefined values are 0.
//
// # Speakers
//
// Speaker entity ids are made up by each annotator's copy of the tool, so
// they never compare across people. A student's claim is correctly
// attributed when the name of its speaker entity equals the name of the key
// claim's speaker entity after NormalizeName (lower case, white space
// collapsed), or when the span of its linked speaker mention shares at least
// one code point with a mention of the key claim's speaker in that
// document. The first rule accepts "Wang Wen" linked to another "wang  wen"
// mention; the second accepts an unnamed or differently spelled entity when
// the student pointed at the right words, including a longer mention such as
// "Wang Wen, dean of …".
//
// # Agreement among annotators
//
// Without a key, annotations of one label are clustered into units (Units):
// a seed annotation and, from every other annotator, the unassigned
// annotation that matches the seed by overlap best. Stance agreement is then
// Krippendorff's alpha for nominal data on units marked by enough
// annotators (StanceAlpha, AlphaNominal), or Fleiss' kappa on units every
// annotator marked with a stance (StanceKappa, FleissKappa). Units of
// every label, summarised, are the candidates a teacher adjudicates
// (Candidates); Coverage counts, per stretch of text, how many annotators
// marked it, for a heat map. PairwiseF1 is span agreement between every two
// annotators.
package agreement
