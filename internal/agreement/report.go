package agreement

import (
	"fmt"
	"math"

	"sayso/internal/annotation"
)

// Weights weigh the parts of a Report's Score. Only their ratios matter.
type Weights struct {
	Claims      float64 // claims F1 (overlap matching)
	Speakers    float64 // speaker mentions F1 (overlap matching)
	Stance      float64 // stance accuracy on matched claims
	Attribution float64 // attribution accuracy on matched claims
}

// DefaultWeights: claims 0.4, speakers 0.2, stance 0.2, attribution 0.2.
func DefaultWeights() Weights {
	return Weights{Claims: 0.4, Speakers: 0.2, Stance: 0.2, Attribution: 0.2}
}

func (w Weights) validate() error {
	sum := 0.0
	for _, x := range []float64{w.Claims, w.Speakers, w.Stance, w.Attribution} {
		if x < 0 || math.IsNaN(x) || math.IsInf(x, 0) {
			return fmt.Errorf("weights %+v: each must be a finite number ≥ 0: %w", w, ErrInvalid)
		}
		sum += x
	}
	if sum == 0 {
		return fmt.Errorf("weights %+v: at least one must be > 0: %w", w, ErrInvalid)
	}
	return nil
}

// Accuracy is the share of assessed items that were right.
type Accuracy struct {
	Correct int
	Total   int // items assessed
	// Value is Correct / Total. When Total is 0 it is 1 if the key had
	// nothing to assess, and 0 if it had but the annotator matched none of
	// those claims.
	Value float64
}

func newAccuracy(correct, total, keyAssessable int) Accuracy {
	a := Accuracy{Correct: correct, Total: total}
	switch {
	case total > 0:
		a.Value = float64(correct) / float64(total)
	case keyAssessable == 0:
		a.Value = 1
	}
	return a
}

// Spans are one label's scores with both kinds of matching.
type Spans struct {
	Exact   PRF
	Overlap PRF
}

// Report is one annotator's result against an answer key.
type Report struct {
	Annotator string
	Claims    Spans
	Speakers  Spans // speaker mentions
	// Stance: matched claims (overlap matching) whose key claim has a
	// stance, right when the stances are equal.
	Stance Accuracy
	// Attribution: matched claims whose key claim names a speaker, right as
	// the package doc explains.
	Attribution Accuracy
	// Score is 100 × the weighted mean of claims F1, speakers F1 (both by
	// overlap), stance and attribution accuracy: 0..100.
	Score float64
}

// Compare scores student against key with weights w.
func Compare(key, student Annotator, w Weights) (Report, error) {
	if err := w.validate(); err != nil {
		return Report{}, fmt.Errorf("scoring %q: %w", student.Name, err)
	}
	return compareViews(newView(&key.Project), student, w), nil
}

// CompareAll scores every student against key, indexing the key once.
func CompareAll(key Annotator, students []Annotator, w Weights) ([]Report, error) {
	if err := w.validate(); err != nil {
		return nil, fmt.Errorf("scoring against %q: %w", key.Name, err)
	}
	kv := newView(&key.Project)
	out := make([]Report, len(students))
	for i, s := range students {
		out[i] = compareViews(kv, s, w)
	}
	return out, nil
}

func compareViews(kv *view, student Annotator, w Weights) Report {
	sv := newView(&student.Project)
	r := Report{Annotator: student.Name}
	r.Claims.Exact, _ = compare(kv, sv, annotation.LabelClaim, Exact)
	var pairs []matched
	r.Claims.Overlap, pairs = compare(kv, sv, annotation.LabelClaim, Overlap)
	r.Speakers.Exact, _ = compare(kv, sv, annotation.LabelSpeaker, Exact)
	r.Speakers.Overlap, _ = compare(kv, sv, annotation.LabelSpeaker, Overlap)

	var stanceOK, stanceN, attrOK, attrN int
	for _, p := range pairs {
		if p.key.Stance != "" {
			stanceN++
			if p.other.Stance == p.key.Stance {
				stanceOK++
			}
		}
		if kv.hasSpeaker(p.key) {
			attrN++
			if attributed(kv, p.key, sv, p.other, p.doc) {
				attrOK++
			}
		}
	}
	var keyStances, keySpeakers int
	for _, doc := range kv.docOrder {
		for _, c := range kv.groups[group{doc, annotation.LabelClaim}] {
			if c.Stance != "" {
				keyStances++
			}
			if kv.hasSpeaker(c) {
				keySpeakers++
			}
		}
	}
	r.Stance = newAccuracy(stanceOK, stanceN, keyStances)
	r.Attribution = newAccuracy(attrOK, attrN, keySpeakers)

	sum := w.Claims + w.Speakers + w.Stance + w.Attribution
	r.Score = 100 * (w.Claims*r.Claims.Overlap.F1 + w.Speakers*r.Speakers.Overlap.F1 +
		w.Stance*r.Stance.Value + w.Attribution*r.Attribution.Value) / sum
	return r
}
