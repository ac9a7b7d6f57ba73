package app

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/text"
)

// slowClock is a clock that moves step each time it is read: a slow
// machine, where every slice runs out of time at its first look.
func slowClock(step time.Duration) func() time.Time {
	now := time.Date(2026, 12, 6, 6, 0, 0, 0, time.UTC)
	return func() time.Time { now = now.Add(step); return now }
}

// sliced runs Suggest to its end, each later slice given idle time, and
// returns how many slices it took.
func sliced(t *testing.T, st *State, idle time.Duration) int {
	t.Helper()
	effects := Update(st, Suggest{})
	slices := 1
	for len(effects) > 0 {
		require.Equal(t, []Effect{SuggestLater{}}, effects)
		effects = Update(st, SuggestMore{Idle: idle})
		slices++
		require.Less(t, slices, 10000)
	}
	return slices
}

// referenceText is the 3 KB reference article of the shared corpus.
func referenceText(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "corpus", "articles", "xi-trump-summit.txt"))
	if err != nil {
		t.Skipf("the shared corpus is not here: %v", err)
	}
	return string(data)
}

// longText is the sample article's body repeated to about n bytes.
func longText(n int) string {
	body := SampleText[strings.Index(SampleText, "\n\n")+2:] + "\n\n"
	return strings.Repeat(body, n/len(body)+1)
}

func TestASlowMachineSuggestsAShortArticleInTheKeysSlice(t *testing.T) {
	for _, tt := range []struct {
		name     string
		body     string
		oneSlice bool
	}{
		{name: "the 3 KB reference article", body: referenceText(t), oneSlice: true},
		{name: "the sample article", body: SampleText, oneSlice: true},
		{name: "a 60 KB article", body: longText(60_000)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			want := freshSuggestions(t, "A", tt.body)
			st := NewState(slowClock(5 * time.Millisecond)) // past SuggestSliceTime at every look
			warmUp(t, st)
			Update(st, Paste{Title: "A", Text: tt.body})
			slices := sliced(t, st, 0)
			if tt.oneSlice {
				assert.Equal(t, 1, slices, "done in the key's own slice: nothing to wait for")
			} else {
				assert.GreaterOrEqual(t, slices, len([]rune(tt.body))/(2*SuggestSliceMinChars), "a long article still yields every few thousand code points")
			}
			got, _ := st.Suggestions()
			assert.Equal(t, want, got, "the same suggestions however the work was cut")
		})
	}
}

func TestIdleTimeLetsASliceOfSuggestDoMore(t *testing.T) {
	body := longText(300_000)
	want := freshSuggestions(t, "A", body)
	for _, tt := range []struct {
		name       string
		idle       time.Duration
		fewerThan  bool // fewer slices than with no idle time
		sameAsNone bool
	}{
		{name: "no idle time said", idle: 0, sameAsNone: true},
		{name: "less idle time than a slice's own", idle: SuggestSliceTime / 2, sameAsNone: true},
		{name: "a frame's idle time", idle: 14 * time.Millisecond, fewerThan: true},
		{name: "a long idle period, bounded by SuggestSliceMaxTime", idle: time.Second, fewerThan: true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			none := NewState(slowClock(time.Millisecond))
			Update(none, Paste{Title: "A", Text: body})
			noneSlices := sliced(t, none, 0)
			st := NewState(slowClock(time.Millisecond))
			Update(st, Paste{Title: "A", Text: body})
			slices := sliced(t, st, tt.idle)
			if tt.sameAsNone {
				assert.Equal(t, noneSlices, slices)
			}
			if tt.fewerThan {
				assert.Less(t, slices, noneSlices)
			}
			got, _ := st.Suggestions()
			assert.Equal(t, want, got, "the same suggestions however the work was cut")
		})
	}
	// The bound: a second of idle time is used as SuggestSliceMaxTime.
	capped := NewState(slowClock(time.Millisecond))
	Update(capped, Paste{Title: "A", Text: body})
	max := NewState(slowClock(time.Millisecond))
	Update(max, Paste{Title: "A", Text: body})
	assert.Equal(t, sliced(t, max, SuggestSliceMaxTime), sliced(t, capped, time.Second))
}

func TestTheTextIsHashedAlongTheSlicesOfSuggest(t *testing.T) {
	for _, tt := range []struct {
		name string
		body string
	}{
		{name: "one slice", body: SampleText},
		{name: "many slices", body: longText(250_000)},
		{name: "many slices, text beyond ASCII", body: strings.Repeat("«Ça ira», a dit Zoë. 東京 🇫🇷 naïve\n\n", 4000) + longText(50_000)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			st := NewState(slowClock(3 * time.Millisecond))
			Update(st, Paste{Title: "A", Text: tt.body})
			d, _, ok := st.Store.Document(st.Doc)
			require.True(t, ok)
			sliced(t, st, 0)
			h, cached := st.cachedDocHash()
			assert.True(t, cached, "the hash is ready when Suggest ends")
			assert.Equal(t, text.Hash(d.Text), h, "the hash of the whole text, as read at once")
			if list, _ := st.Suggestions(); len(list) > 0 {
				Update(st, RejectSuggestion{})
				assert.Contains(t, st.suggest.memory.Rejected, text.Hash(d.Text), "rejections are kept by the text's hash")
			}
		})
	}
}

func TestSuggestionRangesInChunksAddUpToThemAll(t *testing.T) {
	st := NewState(fixedClock)
	Update(st, Paste{Title: "A", Text: longText(40_000)})
	suggested(t, st)
	list, cur := st.Suggestions()
	require.Greater(t, len(list), 20)
	Update(st, NextSuggestion{Delta: 1})
	Update(st, NextSuggestion{Delta: 1})
	list, cur = st.Suggestions()
	require.Equal(t, 2, cur)
	wantIDs, wantPacked := SuggestionRanges(st)

	for _, size := range []int{1, 7, len(list) / 2, len(list)} {
		t.Run("chunks of "+strconv.Itoa(size), func(t *testing.T) {
			var ids []string
			var packed []int32
			for from := 0; from < len(list); from += size {
				chunkIDs, chunk := SuggestionRangesIn(st, list, cur, from, from+size, false)
				names := strings.Fields(chunkIDs)
				for i := 0; i+4 < len(chunk); i += 5 {
					k, err := strconv.Atoi(strings.TrimPrefix(names[chunk[i]], "g"))
					require.NoError(t, err)
					chunk[i] = int32(k) // the index into the whole list, as SuggestionRanges numbers them
				}
				ids = append(ids, names...)
				packed = append(packed, chunk...)
			}
			curIDs, curPacked := SuggestionRangesIn(st, list, cur, 0, 0, true)
			assert.Equal(t, "gcur", curIDs, "the current one's outline alone")
			for i := 0; i+4 < len(curPacked); i += 5 {
				curPacked[i] = int32(len(list))
			}
			assert.Equal(t, wantIDs, strings.Join(append(ids, curIDs), " "))
			assert.Equal(t, wantPacked, append(packed, curPacked...))
		})
	}
}

func TestTheFirstSuggestionsOutlineIsDrawnAloneToo(t *testing.T) {
	st := NewState(fixedClock)
	Update(st, Paste{Title: "A", Text: longText(40_000)})
	suggested(t, st)
	list, cur := st.Suggestions()
	require.Equal(t, 0, cur)
	ids, packed := SuggestionRangesIn(st, list, cur, 0, 0, true)
	assert.Equal(t, "gcur", ids)
	assert.NotEmpty(t, packed, "the current one's fragments")
	ids, packed = SuggestionRangesIn(st, list, cur, 3, 3, false)
	assert.Empty(t, ids)
	assert.Empty(t, packed)
}

func TestSuggestionAtFindsTheFirstSuggestionFromAnOffset(t *testing.T) {
	list := []Suggested{
		{Claim: []text.Span{{Start: 10, End: 20}}},
		{Claim: []text.Span{{Start: 30, End: 40}}},
		{Claim: []text.Span{{Start: 30, End: 35}}},
		{Claim: []text.Span{{Start: 50, End: 60}}},
	}
	for _, tt := range []struct {
		at, want int
	}{
		{at: 0, want: 0}, {at: 10, want: 0}, {at: 11, want: 1}, {at: 30, want: 1},
		{at: 31, want: 3}, {at: 50, want: 3}, {at: 51, want: 4}, {at: 1 << 30, want: 4},
	} {
		assert.Equal(t, tt.want, SuggestionAt(list, tt.at), "from %d", tt.at)
	}
	assert.Equal(t, 0, SuggestionAt(nil, 5))
}

// TestTheHashGrowsWithEachSliceOfSuggest holds the hashing to the finder's
// pace: after the first slice of a long text part of it is hashed, not
// none (the last slice would read it all) and not all of it (the first
// would), and each slice hashes on from where the last stopped.
func TestTheHashGrowsWithEachSliceOfSuggest(t *testing.T) {
	body := longText(250_000)
	st := NewState(slowClock(3 * time.Millisecond))
	Update(st, Paste{Title: "A", Text: body})
	Update(st, Suggest{}) // the word lists' own slice
	require.NotNil(t, st.suggest.work)
	prev := 0
	for slice := 0; st.suggest.work != nil; slice++ {
		require.Less(t, slice, 1000, "Suggest ends")
		Update(st, SuggestMore{})
		if st.suggest.work == nil {
			break
		}
		done, total := st.suggest.work.Progress()
		share := int(int64(len(body)) * int64(done) / int64(total))
		assert.Equal(t, share, st.suggest.hashed, "slice %d: hashed as far as the finder got", slice)
		assert.Greater(t, st.suggest.hashed, prev, "slice %d hashes on", slice)
		assert.Less(t, st.suggest.hashed, len(body), "slice %d leaves the rest", slice)
		prev = st.suggest.hashed
	}
	require.Greater(t, prev, 0, "several slices")
	h, cached := st.cachedDocHash()
	assert.True(t, cached)
	assert.Equal(t, text.Hash(body), h)
}
