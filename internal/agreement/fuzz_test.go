package agreement

import (
	"errors"
	"math"
	"strconv"
	"testing"
)

// fuzzTable makes a units × annotators table from fuzz input: coders%6+1
// annotators, one byte per cell, byte%6 the value with 0 missing.
func fuzzTable(coders uint8, data []byte) [][]string {
	n := int(coders%6) + 1
	var table [][]string
	for i := 0; i+n <= len(data) && len(table) < 64; i += n {
		row := make([]string, n)
		for j := range n {
			if v := data[i+j] % 6; v != 0 {
				row[j] = strconv.Itoa(int(v))
			}
		}
		table = append(table, row)
	}
	return table
}

// FuzzAlpha checks that nominal alpha is either undefined (ErrUndefined)
// or a finite number ≤ 1 that does not depend on the names of the values
// nor on the order of the annotators.
func FuzzAlpha(f *testing.F) {
	f.Add(uint8(3), []byte{1, 1, 0, 1, 2, 2, 3, 2})
	f.Fuzz(func(t *testing.T, coders uint8, data []byte) {
		table := fuzzTable(coders, data)
		a, err := AlphaNominal(table)
		if err != nil {
			if !errors.Is(err, ErrUndefined) {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		if math.IsNaN(a) || math.IsInf(a, 0) || a > 1+1e-9 {
			t.Fatalf("alpha = %v", a)
		}
		renamed := make([][]string, len(table))
		for u, row := range table {
			renamed[u] = make([]string, len(row))
			for c, v := range row {
				if v != "" {
					renamed[u][len(row)-1-c] = "v" + v // rename and reverse the annotators
				}
			}
		}
		b, err := AlphaNominal(renamed)
		if err != nil || math.Abs(a-b) > 1e-9 {
			t.Fatalf("renamed table: alpha %v, %v; want %v", b, err, a)
		}
	})
}
