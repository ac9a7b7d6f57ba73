// Package corpus generates the benchmark's documents and annotations,
// deterministically from a seed: news-like paragraphs of realistic length
// that mix ASCII with curly quotes, CJK and emoji outside the Basic
// Multilingual Plane, and annotations of every label — claims with stance,
// target, speaker and cue links (some discontinuous), speaker mentions and
// cues — nested in and overlapping one another.
//
// The text is built from sentences whose parts are known as they are
// written: a reported-speech sentence records where its claim, speaker
// and cue are, so every annotation lands on words, never inside an emoji
// or a name. The result is an annotation.Project checked with
// annotation.Load and encoded in the native .sayso.json format that the
// app opens.
//
// GenerateClass builds on it a classroom exercise for the compare view:
// an article of a given number of words, its answer key, and each
// student's export of the same text with a seeded variation of the key's
// annotations.
package corpus
