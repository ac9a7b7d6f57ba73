package suggest

import (
	"strings"
	"testing"
	"time"

	"sayso/internal/bench/stats"
	"sayso/internal/text"
)

// article is a made-up news article of about 3 KB, written for these
// benchmarks, with the constructions the suggester looks for.
func article() string {
	paras := []string{
		"City council votes to rebuild the old harbour bridge",
		"“We cannot wait another winter,” Mayor Lena Ortiz said on Tuesday, after the council voted seven to two to rebuild the harbour bridge.",
		"Ortiz said that the work would start in April and take about eighteen months. She added that the city would keep one lane open for buses.",
		"Council member Frank Hale, who voted against the plan, said the cost had been underestimated. “The numbers do not add up,” he told reporters outside the chamber. “We are borrowing against our children’s future.\n“And nobody has asked the people who live by the water.”",
		"According to the city’s own engineers, the bridge carries twice the traffic it was built for. A senior official in the transport department said the inspection last year found cracks in three of the supports.",
		"The regional government believes the project can be finished before the next election, a spokeswoman said. Officials have said the state will pay for a third of the bill.",
		"Residents were divided. “I drive over it every day and it shakes,” said Omar Aziz, a baker whose shop sits at the foot of the bridge. Others want the money spent on schools.",
		"The White House said in a statement that federal help was being considered. Hale said he would ask for an independent review, and Ortiz said she welcomed it.",
		"“If they find a cheaper way, good,” Ortiz said. “But the bridge has to be rebuilt. That is not in question.”",
	}
	return strings.Join(paras, "\n\n")
}

func BenchmarkSuggestArticle(b *testing.B) {
	doc := article()
	b.SetBytes(int64(len(doc)))
	for b.Loop() {
		Suggest(doc)
	}
}

// BenchmarkNewLexicon measures building the word lists, which the page
// does once (at idle time after start-up, or on the first Suggest).
func BenchmarkNewLexicon(b *testing.B) {
	for b.Loop() {
		NewLexicon()
	}
}

// BenchmarkSuggestArticleBuiltLexicon measures the finder alone on the
// 3 KB article, with the word lists built, as the page runs it.
func BenchmarkSuggestArticleBuiltLexicon(b *testing.B) {
	doc := article()
	lx := NewLexicon()
	b.SetBytes(int64(len(doc)))
	for b.Loop() {
		s := NewIndexed(text.NewIndex(doc), lx)
		for s.Step() {
		}
		s.Result()
	}
}

func BenchmarkSuggestMegabyte(b *testing.B) {
	a := article()
	doc := strings.Repeat(a+"\n\n", 1<<20/len(a)+1)
	b.SetBytes(int64(len(doc)))
	for b.Loop() {
		Suggest(doc)
	}
}

// sliceChars is a slice as the page works in: it was app.SuggestSliceChars;
// the page's slices are now bounded by time, from
// app.SuggestSliceMinChars (5,000) up to 100,000 code points, and this
// stays 20,000 so that the figures compare with earlier ones.
const sliceChars = 20000

// BenchmarkSuggestMegabyteSliced runs the finder on a 1 MB article in
// slices of sliceChars code points, as the page does between idle
// callbacks, the result taken in the last slice. max-slice-ms is the
// longest slice: for each slice of the run, the median of its time over
// the b.N runs (so that another job preempting one run does not count), and
// the largest of those medians.
func BenchmarkSuggestMegabyteSliced(b *testing.B) {
	a := article()
	doc := strings.Repeat(a+"\n\n", 1<<20/len(a)+1)
	b.SetBytes(int64(len(doc)))
	var runs [][]time.Duration
	for b.Loop() {
		var times []time.Duration
		s := New(doc)
		for more := true; more; {
			start := time.Now()
			more = s.Work(sliceChars)
			if !more {
				s.Result()
			}
			times = append(times, time.Since(start))
		}
		runs = append(runs, times)
	}
	b.ReportMetric(float64(stats.LongestSlice(runs).Microseconds())/1000, "max-slice-ms")
	b.ReportMetric(float64(len(runs[0])), "slices/op")
}
