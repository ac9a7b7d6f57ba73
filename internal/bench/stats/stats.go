// Package stats summarises benchmark samples: the median with min and max
// of repeated runs, nearest-rank percentiles of latency samples, and the
// longest of timed slices.
package stats

import (
	"math"
	"slices"
	"time"
)

// Summary is the median, minimum and maximum of a set of samples.
type Summary struct {
	Median float64 `json:"median"`
	Min    float64 `json:"min"`
	Max    float64 `json:"max"`
	N      int     `json:"n"`
}

// Summarize returns the summary of xs; the zero Summary when xs is empty.
// The median of an even number of samples is the mean of the middle two.
func Summarize(xs []float64) Summary {
	if len(xs) == 0 {
		return Summary{}
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	med := s[n/2]
	if n%2 == 0 {
		med = (s[n/2-1] + s[n/2]) / 2
	}
	return Summary{Median: med, Min: s[0], Max: s[n-1], N: n}
}

// Percentile returns the nearest-rank p-th percentile (0 < p ≤ 100) of xs:
// the smallest sample such that at least p% of the samples are less than
// or equal to it. It returns NaN when xs is empty.
func Percentile(xs []float64, p float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	rank := int(math.Ceil(p / 100 * float64(len(s))))
	rank = min(max(rank, 1), len(s))
	return s[rank-1]
}

// Median is Summarize(xs).Median.
func Median(xs []float64) float64 { return Summarize(xs).Median }

// LongestSlice is, for work cut into slices and timed over several runs
// (runs[r][i] is slice i of run r), the largest over slice positions of
// the median time of that slice across the runs: the longest slice as the
// work is cut, with load from other jobs on any one run left out.
func LongestSlice(runs [][]time.Duration) time.Duration {
	if len(runs) == 0 {
		return 0
	}
	var longest time.Duration
	for i := range runs[0] {
		var at []time.Duration
		for _, r := range runs {
			if i < len(r) {
				at = append(at, r[i])
			}
		}
		slices.Sort(at)
		longest = max(longest, at[len(at)/2])
	}
	return longest
}
