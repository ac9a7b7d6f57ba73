package agreement

import "fmt"

// Pairwise is span agreement between every two annotators.
type Pairwise struct {
	Names []string
	// F1[i][j] is the overlap-matching F1 of annotator j's spans against
	// annotator i's. F1 is symmetric in its two arguments (precision and
	// recall swap); each pair is computed once and mirrored so the matrix
	// is exactly symmetric. The diagonal is 1.
	F1 [][]float64
	// Mean is the mean of F1 over the pairs i < j.
	Mean float64
}

// PairwiseF1 compares every two annotators' spans of a label ("" for every
// label, matched within each label) by overlap matching.
func PairwiseF1(annotators []Annotator, label string) (Pairwise, error) {
	n := len(annotators)
	if n < 2 {
		return Pairwise{}, fmt.Errorf("pairwise F1 of %d annotators: %w", n, ErrTooFewAnnotators)
	}
	views := newViews(annotators)
	pw := Pairwise{Names: make([]string, n), F1: make([][]float64, n)}
	for i := range annotators {
		pw.Names[i] = annotators[i].Name
		pw.F1[i] = make([]float64, n)
		pw.F1[i][i] = 1
	}
	sum := 0.0
	for i := range n {
		for j := i + 1; j < n; j++ {
			prf, _ := compare(views[i], views[j], label, Overlap)
			pw.F1[i][j], pw.F1[j][i] = prf.F1, prf.F1
			sum += prf.F1
		}
	}
	pw.Mean = sum / float64(n*(n-1)/2)
	return pw, nil
}
