package agreement

import (
	"fmt"

	"sayso/internal/annotation"
)

// AlphaNominal is Krippendorff's alpha for nominal data with missing values,
// computed through the coincidence matrix (Krippendorff 2011, "Computing
// Krippendorff's Alpha-Reliability", section C). table[u] holds the values
// the annotators gave unit u, "" for a missing value; only the values of a
// unit matter, not which annotator gave them, so rows may differ in length.
//
// Units with fewer than two values are not pairable and are left out. With
// n_uc the number of values c in unit u, m_u the values in u, n_c the
// pairable values c and n = Σ n_c:
//
//	o_ck  = Σ_u n_uc·n_uk / (m_u − 1)                  (c ≠ k)
//	alpha = 1 − (n − 1) · Σ_{c≠k} o_ck / Σ_{c≠k} n_c·n_k
//
// It returns ErrUndefined when there are no pairable values or only one
// value is used (the expected disagreement is 0, alpha is 0/0), and never
// NaN.
func AlphaNominal(table [][]string) (float64, error) {
	nc := map[string]float64{} // pairable values per category
	observed := 0.0            // Σ_{c≠k} o_ck
	for _, row := range table {
		counts := map[string]float64{}
		m := 0.0
		for _, v := range row {
			if v != "" {
				counts[v]++
				m++
			}
		}
		if m < 2 {
			continue
		}
		same := 0.0
		for c, x := range counts {
			nc[c] += x
			same += x * x
		}
		observed += (m*m - same) / (m - 1)
	}
	n, same := 0.0, 0.0
	for _, x := range nc {
		n += x
		same += x * x
	}
	expected := n*n - same // Σ_{c≠k} n_c·n_k
	if n < 2 {
		return 0, fmt.Errorf("nominal alpha of %d units: no unit has two values: %w", len(table), ErrUndefined)
	}
	if expected == 0 {
		return 0, fmt.Errorf("nominal alpha of %d units: every value is the same: %w", len(table), ErrUndefined)
	}
	return 1 - (n-1)*observed/expected, nil
}

// AlphaResult is stance agreement among annotators by Krippendorff's alpha.
type AlphaResult struct {
	Alpha float64
	// Method names the measure and its units, for people to read.
	Method        string
	Annotators    int
	MinAnnotators int // least annotators marking a unit for it to count
	Units         int // units used
	Values        int // pairable stance values in them
}

// DefaultMinAnnotators is the default of StanceAlpha's minAnnotators for n
// annotators: half of them rounded up, and at least 2: the claims most
// students marked.
func DefaultMinAnnotators(n int) int {
	return max(2, (n+1)/2)
}

// StanceAlpha is Krippendorff's alpha (nominal) of the claims' stances. The
// units are the claim Units marked by at least minAnnotators annotators (0
// for DefaultMinAnnotators); an annotator who did not mark a unit, or left
// its stance empty, is a missing value. Requiring most annotators to have
// marked a unit keeps claims few people saw from counting as agreement
// about stance. On error the result still carries Method and the counts.
func StanceAlpha(annotators []Annotator, minAnnotators int) (AlphaResult, error) {
	n := len(annotators)
	if minAnnotators == 0 {
		minAnnotators = DefaultMinAnnotators(n)
	}
	r := AlphaResult{
		Annotators:    n,
		MinAnnotators: minAnnotators,
		Method: fmt.Sprintf("Krippendorff's alpha (nominal), units = claims clustered by ≥50%% overlap, marked by ≥ %d of %d annotators",
			minAnnotators, n),
	}
	if n < 2 {
		return r, fmt.Errorf("stance alpha of %d annotators: %w", n, ErrTooFewAnnotators)
	}
	if minAnnotators < 1 || minAnnotators > n {
		return r, fmt.Errorf("stance alpha: minimum of %d annotators out of 1..%d: %w", minAnnotators, n, ErrInvalid)
	}
	var table [][]string
	for _, u := range Units(annotators, annotation.LabelClaim) {
		if len(u.Members) < minAnnotators {
			continue
		}
		row := make([]string, n)
		values := 0
		for _, m := range u.Members {
			row[m.Annotator] = m.Annotation.Stance
			if m.Annotation.Stance != "" {
				values++
			}
		}
		r.Units++
		if values >= 2 {
			r.Values += values
		}
		table = append(table, row)
	}
	if r.Units == 0 {
		return r, fmt.Errorf("stance alpha: no claim marked by %d of %d annotators: %w", minAnnotators, n, ErrNoUnits)
	}
	a, err := AlphaNominal(table)
	if err != nil {
		return r, fmt.Errorf("stance alpha: %w", err)
	}
	r.Alpha = a
	return r, nil
}
