package agreement

import (
	"fmt"
	"sort"

	"sayso/internal/annotation"
)

// FleissKappa is Fleiss' kappa (Fleiss 1971). counts[i][j] is how many
// raters put subject i in category j; every subject must have the same
// number of raters n ≥ 2. With N subjects:
//
//	p_j   = Σ_i n_ij / (N·n)
//	P_i   = (Σ_j n_ij² − n) / (n·(n − 1))
//	kappa = (mean P_i − Σ_j p_j²) / (1 − Σ_j p_j²)
//
// It returns ErrInvalid for a malformed table and ErrUndefined when every
// rating is in one category (Σ p_j² = 1).
func FleissKappa(counts [][]int) (float64, error) {
	if len(counts) == 0 {
		return 0, fmt.Errorf("Fleiss' kappa: no subjects: %w", ErrNoUnits)
	}
	k := len(counts[0])
	n := -1
	for i, row := range counts {
		if len(row) != k {
			return 0, fmt.Errorf("Fleiss' kappa: subject %d has %d categories, subject 0 has %d: %w", i, len(row), k, ErrInvalid)
		}
		sum := 0
		for _, x := range row {
			if x < 0 {
				return 0, fmt.Errorf("Fleiss' kappa: subject %d has a negative count: %w", i, ErrInvalid)
			}
			sum += x
		}
		if n == -1 {
			n = sum
		}
		if sum != n {
			return 0, fmt.Errorf("Fleiss' kappa: subject %d has %d ratings, subject 0 has %d: %w", i, sum, n, ErrInvalid)
		}
	}
	if n < 2 {
		return 0, fmt.Errorf("Fleiss' kappa: %d raters per subject: %w", n, ErrTooFewAnnotators)
	}
	N, nf := float64(len(counts)), float64(n)
	pj := make([]float64, k)
	meanP := 0.0
	for _, row := range counts {
		sq := 0.0
		for j, x := range row {
			pj[j] += float64(x)
			sq += float64(x) * float64(x)
		}
		meanP += (sq - nf) / (nf * (nf - 1))
	}
	meanP /= N
	pe := 0.0
	for j := range pj {
		pj[j] /= N * nf
		pe += pj[j] * pj[j]
	}
	if pe >= 1 {
		return 0, fmt.Errorf("Fleiss' kappa: every rating is in one category: %w", ErrUndefined)
	}
	return (meanP - pe) / (1 - pe), nil
}

// KappaResult is stance agreement among annotators by Fleiss' kappa.
type KappaResult struct {
	Kappa      float64
	Method     string // the measure and its units, for people to read
	Annotators int
	Units      int      // units used
	Categories []string // stance values seen, sorted
}

// StanceKappa is Fleiss' kappa of the claims' stances on the claim Units
// that every annotator marked and gave a stance. On error the result still
// carries Method and the counts.
func StanceKappa(annotators []Annotator) (KappaResult, error) {
	n := len(annotators)
	r := KappaResult{
		Annotators: n,
		Method: fmt.Sprintf("Fleiss' kappa, units = claims clustered by ≥50%% overlap that all %d annotators marked with a stance",
			n),
	}
	if n < 2 {
		return r, fmt.Errorf("stance kappa of %d annotators: %w", n, ErrTooFewAnnotators)
	}
	var rows [][]string
	for _, u := range Units(annotators, annotation.LabelClaim) {
		if len(u.Members) < n {
			continue
		}
		row := make([]string, 0, n)
		for _, m := range u.Members {
			if m.Annotation.Stance != "" {
				row = append(row, m.Annotation.Stance)
			}
		}
		if len(row) == n {
			rows = append(rows, row)
		}
	}
	r.Units = len(rows)
	if r.Units == 0 {
		return r, fmt.Errorf("stance kappa: no claim all %d annotators marked with a stance: %w", n, ErrNoUnits)
	}
	index := map[string]int{}
	for _, row := range rows {
		for _, v := range row {
			if _, ok := index[v]; !ok {
				index[v] = 0
				r.Categories = append(r.Categories, v)
			}
		}
	}
	sort.Strings(r.Categories)
	for j, c := range r.Categories {
		index[c] = j
	}
	counts := make([][]int, len(rows))
	for i, row := range rows {
		counts[i] = make([]int, len(r.Categories))
		for _, v := range row {
			counts[i][index[v]]++
		}
	}
	k, err := FleissKappa(counts)
	if err != nil {
		return r, fmt.Errorf("stance kappa: %w", err)
	}
	r.Kappa = k
	return r, nil
}
