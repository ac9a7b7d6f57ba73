package agreement

// PRF is precision, recall and F1 of compared spans against reference
// spans, with the counts they come from.
type PRF struct {
	Matched int // one-to-one matched pairs (true positives)
	Key     int // reference spans
	Other   int // compared spans

	Precision float64 // Matched / Other
	Recall    float64 // Matched / Key
	F1        float64 // harmonic mean of Precision and Recall
}

// NewPRF computes precision, recall and F1 from counts. When key and other
// are both 0 all three are 1: nothing was to be found and nothing wrong was
// marked. Otherwise a ratio with a zero denominator is 0, and F1 is 0 when
// P + R = 0.
func NewPRF(matched, key, other int) PRF {
	p := PRF{Matched: matched, Key: key, Other: other}
	if key == 0 && other == 0 {
		p.Precision, p.Recall, p.F1 = 1, 1, 1
		return p
	}
	if other > 0 {
		p.Precision = float64(matched) / float64(other)
	}
	if key > 0 {
		p.Recall = float64(matched) / float64(key)
	}
	if s := p.Precision + p.Recall; s > 0 {
		p.F1 = 2 * p.Precision * p.Recall / s
	}
	return p
}

// plus adds the counts of q to p (micro-averaging) and recomputes.
func (p PRF) plus(q PRF) PRF {
	return NewPRF(p.Matched+q.Matched, p.Key+q.Key, p.Other+q.Other)
}
