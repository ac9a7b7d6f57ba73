package app

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/exchange"
	"sayso/internal/exercise"
	"sayso/internal/format/labelstudio"
	"sayso/internal/suggest"
	"sayso/internal/text"
)

// suggested runs Suggest to the end, as the browser layer does (one
// SuggestMore for each SuggestLater), and returns how many slices it took.
func suggested(t *testing.T, st *State) int {
	t.Helper()
	effects := Update(st, Suggest{})
	slices := 1
	for len(effects) > 0 {
		require.IsType(t, SuggestLater{}, effects[0])
		effects = Update(st, SuggestMore{})
		slices++
		require.Less(t, slices, 10000)
	}
	return slices
}

// quoteOfSuggestion is the text of a suggestion's claim.
func quoteOfSuggestion(st *State, s Suggested) string {
	_, x, _ := st.Store.Document(st.Doc)
	return annotation.QuoteOf(x, s.Claim)
}

func current(t *testing.T, st *State) Suggested {
	t.Helper()
	list, cur := st.Suggestions()
	require.GreaterOrEqual(t, cur, 0, "a suggestion is current")
	return list[cur]
}

// sampleFound is what the finder finds in the sample article: the tests
// take their expectations from it, so that a better finder does not break
// them (its own tests check what it finds).
func sampleFound(t *testing.T) (n int, speakerOf func(i int) string) {
	t.Helper()
	res := suggest.Suggest(SampleText)
	require.GreaterOrEqual(t, len(res.Suggestions), 3, "the finder finds the sample's attributions")
	return len(res.Suggestions), func(i int) string {
		if k := res.Suggestions[i].Speaker; k >= 0 {
			return res.Speakers[k].Name
		}
		return ""
	}
}

func claimsOf(st *State) []*annotation.Annotation {
	var out []*annotation.Annotation
	for _, a := range st.Store.Annotations(st.Doc) {
		if a.Label == annotation.LabelClaim {
			out = append(out, a)
		}
	}
	return out
}

func TestSuggestShowsSuggestionsAndAddsNoAnnotation(t *testing.T) {
	n, _ := sampleFound(t)
	st := sampleState(t)
	rev := st.Store.Revision()
	suggested(t, st)
	list, cur := st.Suggestions()
	assert.Len(t, list, n, "every attribution the finder found")
	assert.Equal(t, 0, cur, "the first one is current")
	assert.Equal(t, 0, st.Store.Len(), "suggestions are not annotations")
	assert.Equal(t, rev, st.Store.Revision())
	_, canUndo := st.Store.CanUndo()
	assert.False(t, canUndo, "suggesting is no undo step")
	assert.Contains(t, st.Announce.Text, "Suggest found "+plural(n, "suggestion"), "the live region says what was found")
	assert.Empty(t, st.Message.Text, "no notice: the Suggestions group shows the count, and a notice would push the page down")
}

func TestAcceptMakesALinkedClaimAsOneUndoStep(t *testing.T) {
	n, speakerOf := sampleFound(t)
	st := sampleState(t)
	suggested(t, st)
	first := current(t, st)
	Update(st, AcceptSuggestion{})
	require.Equal(t, 3, st.Store.Len(), "a claim, its cue and its speaker mention: %s", st.Message.Text)
	claims := claimsOf(st)
	require.Len(t, claims, 1)
	c := claims[0]
	assert.Equal(t, first.Claim, c.Fragments)
	m, ok := st.Store.Annotation(c.SpeakerMention)
	require.True(t, ok, "the claim is linked to its speaker mention")
	assert.Equal(t, []text.Span{first.Source}, m.Fragments)
	sp, ok := st.Store.Speaker(c.Speaker)
	require.True(t, ok)
	assert.Equal(t, speakerOf(0), sp.Name, "the entity is named as the finder named it")
	q, ok := st.Store.Annotation(c.Cue)
	require.True(t, ok, "the claim is linked to its cue")
	assert.Equal(t, []text.Span{first.Cue}, q.Fragments)
	assert.Equal(t, c.ID, st.Selected, "the new claim is selected")

	list, _ := st.Suggestions()
	assert.Len(t, list, n-1, "the accepted suggestion is no longer shown")
	assert.NotEqual(t, first.key, current(t, st).key, "the next one is current")

	Update(st, Undo{})
	assert.Equal(t, 0, st.Store.Len(), "one undo takes the claim, cue and mention back")
	assert.Empty(t, st.Store.Speakers())
	list, _ = st.Suggestions()
	assert.Len(t, list, n, "the suggestion is offered again after the undo")
}

func TestASecondReferenceJoinsTheSpeakerEntity(t *testing.T) {
	n, speakerOf := sampleFound(t)
	// Two suggestions the finder gives the same speaker (“Mayor Ines
	// Okafor, …” and later “Okafor”).
	first, second := -1, -1
	for i := 0; i < n && second < 0; i++ {
		for j := i + 1; j < n && speakerOf(i) != ""; j++ {
			if speakerOf(j) == speakerOf(i) {
				first, second = i, j
				break
			}
		}
	}
	require.GreaterOrEqual(t, second, 0, "the sample has a speaker with two attributions")
	st := sampleState(t)
	suggested(t, st)
	Update(st, SelectSuggestion{Index: second})
	Update(st, AcceptSuggestion{})
	Update(st, SelectSuggestion{Index: first})
	Update(st, AcceptSuggestion{})
	claims := claimsOf(st)
	require.Len(t, claims, 2)
	assert.Equal(t, claims[0].Speaker, claims[1].Speaker)
	require.Len(t, st.Store.Speakers(), 1)
	assert.Equal(t, speakerOf(first), st.Store.Speakers()[0].Name)
}

func TestAcceptJoinsAnExistingSpeakerOfTheSameName(t *testing.T) {
	st := sampleState(t)
	// The person made the entity first, from another mention.
	Update(st, Tag{Label: annotation.LabelSpeaker, Sel: cp(t, SampleText, "Reyes told")})
	Update(st, RenameSpeaker{Name: "Tomas Reyes"})
	require.Equal(t, "Tomas Reyes", st.Store.Speakers()[0].Name)
	suggested(t, st)
	for !strings.Contains(quoteOfSuggestion(st, current(t, st)), "slow death") {
		Update(st, NextSuggestion{Delta: 1})
	}
	Update(st, AcceptSuggestion{})
	claims := claimsOf(st)
	require.Len(t, claims, 1)
	assert.Equal(t, st.Store.Speakers()[0].ID, claims[0].Speaker)
	assert.Len(t, st.Store.Speakers(), 1, "no second Tomas Reyes")
}

func TestSuggestionsNeverDuplicateAnnotations(t *testing.T) {
	st := sampleState(t)
	// The person tagged the first claim (same span as the suggestion) and
	// the cue of the second.
	suggested(t, st)
	list, _ := st.Suggestions()
	_, err := st.Store.Add(st.Doc, annotation.LabelClaim, list[0].Claim)
	require.NoError(t, err)
	cueID, err := st.Store.Add(st.Doc, annotation.LabelCue, []text.Span{list[1].Cue})
	require.NoError(t, err)

	shown, _ := st.Suggestions()
	assert.Len(t, shown, len(list)-1, "a suggestion whose claim exists is not shown")
	Update(st, AcceptAllSuggestions{})
	seen := map[string]bool{}
	for _, a := range st.Store.Annotations(st.Doc) {
		k := a.Label + " " + fragmentsKey(a.Fragments)
		assert.False(t, seen[k], "two %ss over %s", a.Label, fragmentsKey(a.Fragments))
		seen[k] = true
	}
	n, _ := sampleFound(t)
	assert.Len(t, claimsOf(st), n)
	for _, c := range claimsOf(st) {
		if fragmentsKey(c.Fragments) == fragmentsKey(list[1].Claim) {
			assert.Equal(t, cueID, c.Cue, "the person's cue is linked, not a copy")
		}
	}
}

func TestRejectedSuggestionsDoNotComeBack(t *testing.T) {
	kv := &memKV{m: map[string]string{}}
	st := sampleState(t)
	suggested(t, st)
	n, _ := sampleFound(t)
	rejected := current(t, st)
	Update(st, RejectSuggestion{})
	list, _ := st.Suggestions()
	assert.Len(t, list, n-1)
	assert.Equal(t, 0, st.Store.Len())

	suggested(t, st)
	list, _ = st.Suggestions()
	assert.Len(t, list, n-1, "Suggest again does not bring it back")
	for _, s := range list {
		assert.NotEqual(t, rejected.key, s.key)
	}

	require.True(t, st.ShouldSave(), "a rejection is saved even with no annotation changed")
	Update(st, Autosave{Storage: kv})
	assert.False(t, st.ShouldSave())
	for k, v := range kv.m {
		if k != keySuggest {
			assert.NotContains(t, v, rejected.key, "not in the project's records (%s)", k)
		}
	}

	again := NewState(fixedClock)
	Update(again, RestoreAutosave{Storage: kv})
	require.Equal(t, st.Doc, again.Doc)
	suggested(t, again)
	list, _ = again.Suggestions()
	assert.Len(t, list, n-1, "a reload remembers the rejection")

	Update(again, RejectAllSuggestions{})
	list, _ = again.Suggestions()
	assert.Empty(t, list)
	assert.Equal(t, 0, again.Store.Len())

	// New forgets them with the autosave.
	effects := Update(again, CloseDocument{})
	require.Contains(t, effects, Effect(Forget{}))
	require.NoError(t, ForgetSnapshots(kv))
	_, kept := kv.m[keySuggest]
	assert.False(t, kept)
	Update(again, LoadSample{})
	suggested(t, again)
	list, _ = again.Suggestions()
	assert.Len(t, list, n, "a new start offers everything again")
}

func TestNextGoesThroughTheSuggestionsInTextOrder(t *testing.T) {
	st := sampleState(t)
	suggested(t, st)
	list, _ := st.Suggestions()
	for i := 1; i <= len(list); i++ {
		Update(st, NextSuggestion{Delta: 1})
		_, cur := st.Suggestions()
		assert.Equal(t, i%len(list), cur)
	}
	Update(st, NextSuggestion{Delta: -1})
	_, cur := st.Suggestions()
	assert.Equal(t, len(list)-1, cur, "back from the first goes to the last")
	Update(st, SelectSuggestion{Index: 4})
	_, cur = st.Suggestions()
	assert.Equal(t, 4, cur)
}

func TestAcceptAllIsOneUndoStep(t *testing.T) {
	st := sampleState(t)
	n, speakerOf := sampleFound(t)
	suggested(t, st)
	Update(st, AcceptAllSuggestions{})
	assert.Len(t, claimsOf(st), n)
	list, cur := st.Suggestions()
	assert.Empty(t, list)
	assert.Equal(t, -1, cur)
	want := map[string]bool{}
	for i := range n {
		if speakerOf(i) != "" {
			want[speakerOf(i)] = true
		}
	}
	got := map[string]bool{}
	for _, sp := range st.Store.Speakers() {
		got[sp.Name] = true
	}
	assert.Equal(t, want, got, "one entity per speaker the finder named")
	for _, c := range claimsOf(st) {
		assert.NotEmpty(t, c.Cue, "claim %q has its cue", c.Quote)
	}
	Update(st, Undo{})
	assert.Equal(t, 0, st.Store.Len(), "one undo takes them all back")
	list, _ = st.Suggestions()
	assert.Len(t, list, n)
	Update(st, Redo{})
	assert.Len(t, claimsOf(st), n)
}

func TestSuggestionKeys(t *testing.T) {
	sel := &Selection{Start: 0, End: 4}
	tests := []struct {
		name    string
		suggest bool // Suggest ran before the key
		ev      KeyEvent
		want    Action
	}{
		{name: "g suggests", ev: KeyEvent{Key: "g"}, want: Suggest{}},
		{name: "a accepts", suggest: true, ev: KeyEvent{Key: "a"}, want: AcceptSuggestion{}},
		{name: "Enter accepts", suggest: true, ev: KeyEvent{Key: "Enter"}, want: AcceptSuggestion{}},
		{name: "x rejects", suggest: true, ev: KeyEvent{Key: "x"}, want: RejectSuggestion{}},
		{name: "n goes to the next", suggest: true, ev: KeyEvent{Key: "n"}, want: NextSuggestion{Delta: 1}},
		{name: "a does nothing with no suggestion", ev: KeyEvent{Key: "a"}},
		{name: "Enter in a field is the field's", suggest: true, ev: KeyEvent{Key: "Enter", InField: true}},
		{name: "Enter on a button presses it", suggest: true, ev: KeyEvent{Key: "Enter", OnButton: true}},
		{name: "a on a button accepts", suggest: true, ev: KeyEvent{Key: "a", OnButton: true}, want: AcceptSuggestion{}},
		{name: "a label key with a selection tags", suggest: true, ev: KeyEvent{Key: "c", Sel: sel},
			want: Tag{Label: annotation.LabelClaim, Sel: *sel}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := sampleState(t)
			if tt.suggest {
				suggested(t, st)
			}
			got, ok := KeyAction(st, tt.ev)
			assert.Equal(t, tt.want != nil, ok)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestAnExerciseCanTurnSuggestOff(t *testing.T) {
	tests := []struct {
		name      string
		on        bool
		wantFound int
	}{
		{name: "off: the student has no Suggest", on: false, wantFound: 0},
		{name: "on: the student may use it", on: true, wantFound: len(suggest.Suggest(SampleText).Suggestions)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := teacherState(t)
			Update(st, SetExerciseSuggest{On: tt.on})
			dl := Update(st, ExportExercise{})[0].(Download)
			e, err := exercise.Decode(dl.Data)
			require.NoError(t, err)
			assert.Equal(t, !tt.on, e.NoSuggest)

			student := NewState(fixedClock)
			Update(student, OpenExercise{Name: "week3", Data: dl.Data})
			Update(student, SetStudentName{Name: "Sam"})
			assert.Equal(t, tt.on, student.SuggestAllowed())
			_, ok := KeyAction(student, KeyEvent{Key: SuggestKey})
			assert.Equal(t, tt.on, ok, "the key")
			suggested(t, student)
			list, _ := student.Suggestions()
			assert.Len(t, list, tt.wantFound)
			if !tt.on {
				assert.Equal(t, "error", student.Message.Kind)
			}

			// The setting survives a reload of the student's page.
			kv := &memKV{m: map[string]string{}}
			Update(student, Tag{Label: annotation.LabelClaim, Sel: cp(t, SampleText, slowDeath)})
			Update(student, Autosave{Storage: kv})
			again := NewState(fixedClock)
			Update(again, RestoreAutosave{Storage: kv})
			assert.Equal(t, tt.on, again.SuggestAllowed(), "after a reload")
		})
	}
}

// TestSuggestionsAreNotExported exports in every format before and after
// Suggest (with suggestions shown, none accepted): the files are the same,
// but Label Studio's, which holds the suggestions as its tasks'
// "predictions" and the annotations as before.
func TestSuggestionsAreNotExported(t *testing.T) {
	for _, f := range exchange.Formats() {
		t.Run(f.ID, func(t *testing.T) {
			st := annotatedState(t)
			before := exportAs(t, st, f.ID)
			suggested(t, st)
			list, _ := st.Suggestions()
			require.NotEmpty(t, list)
			after := exportAs(t, st, f.ID)
			if f.ID != labelstudio.ID {
				assert.Equal(t, string(before.Data), string(after.Data))
				return
			}
			was, now := labelStudioTasks(t, before.Data), labelStudioTasks(t, after.Data)
			require.Len(t, now, 1)
			assert.Equal(t, was[0]["annotations"], now[0]["annotations"], "the annotations are as before")
			assert.Nil(t, was[0]["predictions"])
			preds := now[0]["predictions"].([]any)
			require.Len(t, preds, 1)
			claims := 0
			for _, r := range preds[0].(map[string]any)["result"].([]any) {
				if predictedClaim(r) {
					claims++
				}
			}
			assert.Equal(t, len(list), claims, "one predicted claim per suggestion shown")

			// Accepted and rejected suggestions are no predictions.
			Update(st, AcceptSuggestion{})
			Update(st, RejectSuggestion{})
			again := labelStudioTasks(t, exportAs(t, st, f.ID).Data)
			claims = 0
			for _, r := range again[0]["predictions"].([]any)[0].(map[string]any)["result"].([]any) {
				if predictedClaim(r) {
					claims++
				}
			}
			assert.Equal(t, len(list)-2, claims)
		})
	}
}

// predictedClaim reports whether a Label Studio result is a claim's first
// region (the others have ids ending in -2, -3, …).
func predictedClaim(r any) bool {
	m := r.(map[string]any)
	v, ok := m["value"].(map[string]any)
	return ok && fmt.Sprint(v["labels"]) == "[claim]" && !strings.Contains(fmt.Sprint(m["id"]), "-")
}

// labelStudioTasks reads the tasks of a Label Studio export (a zip).
func labelStudioTasks(t *testing.T, data []byte) []map[string]any {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	require.NoError(t, err)
	for _, f := range zr.File {
		if !strings.HasSuffix(f.Name, ".tasks.json") {
			continue
		}
		r, err := f.Open()
		require.NoError(t, err)
		var tasks []map[string]any
		require.NoError(t, json.NewDecoder(r).Decode(&tasks))
		return tasks
	}
	t.Fatal("no tasks in the Label Studio export")
	return nil
}

func TestALongArticleIsSuggestedInSlices(t *testing.T) {
	body := strings.Repeat(SampleText[strings.Index(SampleText, "\n\n")+2:]+"\n\n", 600) // about 1 MB
	st := NewState(fixedClock)
	Update(st, Paste{Title: "Long", Text: body})
	require.Greater(t, len(body), 900_000)
	slices := suggested(t, st)
	assert.GreaterOrEqual(t, slices, len([]rune(body))/SuggestSliceChars, "no slice does more than its share")
	list, _ := st.Suggestions()
	assert.Len(t, list, len(suggest.Suggest(body).Suggestions), "as many as the finder finds at once")
}

func TestSuggestSlicesEndEarlyWhenTheClockSaysTheyTookLong(t *testing.T) {
	body := strings.Repeat(SampleText[strings.Index(SampleText, "\n\n")+2:]+"\n\n", 100)
	still := NewState(fixedClock)
	Update(still, Paste{Title: "Long", Text: body})
	stillSlices := suggested(t, still)
	// A clock that moves 3 ms each time it is read: a slow machine.
	now := time.Date(2026, 12, 5, 12, 0, 0, 0, time.UTC)
	slow := NewState(func() time.Time { now = now.Add(3 * time.Millisecond); return now })
	Update(slow, Paste{Title: "Long", Text: body})
	slowSlices := suggested(t, slow)
	assert.Greater(t, slowSlices, stillSlices, "less text per slice when the slices take long")
	want, _ := still.Suggestions()
	got, _ := slow.Suggestions()
	assert.Equal(t, want, got, "the same suggestions however the work was cut")
}

func TestRejectionsAreKeptInLocalStorageBesideTheIndexedDBRecords(t *testing.T) {
	local := &memKV{m: map[string]string{}}
	idb := &memKV{m: map[string]string{}}
	st := sampleState(t)
	carryOut(t, st, idb, persistOf(t, Update(st, Autosave{Memory: local})))
	suggested(t, st)
	n, _ := sampleFound(t)
	Update(st, RejectSuggestion{})
	require.True(t, st.ShouldSave())

	effects := Update(st, Autosave{Memory: local})
	assert.Empty(t, effects, "no records changed: nothing for IndexedDB")
	assert.Contains(t, local.m, keySuggest, "the rejection is in localStorage")
	assert.False(t, st.ShouldSave())

	again := NewState(fixedClock)
	Update(again, RestoreAutosave{Storage: local, Stored: prefixed(idb.m)})
	require.Equal(t, st.Doc, again.Doc)
	suggested(t, again)
	list, _ := again.Suggestions()
	assert.Len(t, list, n-1, "a reload remembers the rejection")
}

// prefixed returns kv's autosave records without StorePrefix, as the
// browser layer reads them from IndexedDB.
func prefixed(m map[string]string) map[string]string {
	out := map[string]string{}
	for k, v := range m {
		if name, ok := strings.CutPrefix(k, StorePrefix); ok {
			out[name] = v
		}
	}
	return out
}

func TestSuggestionKeysWithNothingSuggestedDoNothing(t *testing.T) {
	st := NewState(fixedClock)
	Update(st, Paste{Title: "Plain", Text: "The harbour reopens in May after the repairs."})
	suggested(t, st)
	list, cur := st.Suggestions()
	assert.Empty(t, list)
	assert.Equal(t, -1, cur)
	rev, msg := st.Store.Revision(), st.Message
	require.NotPanics(t, func() {
		Update(st, RejectSuggestion{})
		Update(st, NextSuggestion{Delta: 1})
		Update(st, SelectSuggestion{Index: 0})
		Update(st, AcceptAllSuggestions{})
		Update(st, RejectAllSuggestions{})
	})
	assert.Equal(t, rev, st.Store.Revision(), "nothing accepted: no change, no undo step")
	assert.Equal(t, msg, st.Message, "nothing said")
}

func TestSelectingASuggestionPastTheLastChangesNothing(t *testing.T) {
	st := sampleState(t)
	suggested(t, st)
	list, before := st.Suggestions()
	n := len(list)
	require.Positive(t, n)
	require.NotPanics(t, func() { Update(st, SelectSuggestion{Index: n}) })
	_, after := st.Suggestions()
	assert.Equal(t, before, after)
	Update(st, SelectSuggestion{Index: n - 1})
	_, last := st.Suggestions()
	assert.Equal(t, n-1, last)
}

func TestASuggestionMayStartTheTextOrEndItAndKeepsItsSpeaker(t *testing.T) {
	tests := []struct {
		body  string
		claim text.Span
	}{
		{"“We will reopen the harbour in May,” Mayor Ines Okafor said.", text.Span{Start: 0, End: 36}},
		{"Mayor Ines Okafor said: “We will reopen the harbour in May.”", text.Span{Start: 24, End: 60}},
	}
	for _, tc := range tests {
		t.Run(tc.body, func(t *testing.T) {
			st := NewState(fixedClock)
			Update(st, Paste{Title: "Harbour", Text: tc.body})
			suggested(t, st)
			list, _ := st.Suggestions()
			require.Len(t, list, 1)
			assert.Equal(t, []text.Span{tc.claim}, list[0].Claim)
			assert.Equal(t, "Mayor Ines Okafor", list[0].Speaker, "the first speaker found is linked")
		})
	}
}

func TestOnlyAcceptingOrRejectingSeveralSuggestionsIsSaidInTheMessage(t *testing.T) {
	st := sampleState(t)
	suggested(t, st)
	list, _ := st.Suggestions()
	require.Greater(t, len(list), 3)
	st.Message = Message{}
	Update(st, RejectSuggestion{})
	assert.Empty(t, st.Message.Text, "one rejected: the page's announcement says it, not a message")
	Update(st, AcceptSuggestion{})
	assert.Empty(t, st.Message.Text, "one accepted: the selection shows it")
	Update(st, RejectAllSuggestions{})
	assert.Equal(t, fmt.Sprintf("Rejected %d suggestions: they will not be suggested again for this article.", len(list)-2), st.Message.Text)
}

func TestSuggestSaysWhatItFoundInTheLiveRegionNotInANotice(t *testing.T) {
	long := strings.Repeat(SampleText+"\n\n", 2*SuggestSliceChars/len(SampleText))
	for _, tt := range []struct{ name, text string }{
		{name: "found in the key's slice", text: SampleText},
		{name: "found in later slices", text: long},
	} {
		t.Run(tt.name, func(t *testing.T) {
			st := NewState(fixedClock)
			warmUp(t, st)
			Step(st, Paste{Title: "A", Text: tt.text})
			st.info("An earlier notice.")
			plan := Step(st, Suggest{})
			n := 1
			for ; slices.Contains(plan.Effects, Effect(SuggestLater{})); n++ {
				plan = Step(st, SuggestMore{})
			}
			assert.Equal(t, tt.text == SampleText, n == 1, "%d slices", n)
			list, _ := st.Suggestions()
			require.NotEmpty(t, list)
			assert.Equal(t, "Suggest found "+plural(len(list), "suggestion")+", shown with dashed lines: a or Enter accepts the current one, x rejects it, n goes to the next.",
				st.Announce.Text, "said once, without the earlier notice")
			assert.Equal(t, Message{}, st.Message, "no notice above the workspace")
		})
	}
}

func TestSuggestThatFindsNothingStillSaysSoInANotice(t *testing.T) {
	st := NewState(fixedClock)
	Step(st, Paste{Title: "A", Text: "The weather was mild and the trains ran on time."})
	plan := Step(st, Suggest{})
	for slices.Contains(plan.Effects, Effect(SuggestLater{})) {
		plan = Step(st, SuggestMore{})
	}
	assert.Equal(t, Message{Kind: "info", Text: "Suggest found no claims in this document."}, st.Message, "no Suggestions group appears: the notice says it")
}

// A person moving through the suggestions by key hears each one: which
// is current, of how many, and what it is; what an accept or a reject
// did; and when none is left.
func TestMovingThroughSuggestionsSaysEachOneInTheLiveRegion(t *testing.T) {
	st := sampleState(t)
	suggested(t, st)
	list, _ := st.Suggestions()
	n := len(list)
	require.Greater(t, n, 3)
	said := func(s Suggested) string {
		kind := "suggested claim"
		if s.Direct {
			kind = "suggested quote"
		}
		who := s.Speaker
		if who == "" {
			who = "no speaker found"
		}
		return kind + " “" + quoteOfSuggestion(st, s) + "”, " + who
	}
	claimSaid := func(s Suggested) string {
		who := s.Speaker
		if who == "" {
			who = "no speaker"
		}
		return "Claim “" + quoteOfSuggestion(st, s) + "”, no stance, " + who
	}
	steps := []struct {
		name   string
		action Action
		want   string
	}{
		{"next", NextSuggestion{Delta: 1}, fmt.Sprintf("Suggestion 2 of %d: %s.", n, said(list[1]))},
		{"back", NextSuggestion{Delta: -1}, fmt.Sprintf("Suggestion 1 of %d: %s.", n, said(list[0]))},
		{"picked from the list", SelectSuggestion{Index: 2}, fmt.Sprintf("Suggestion 3 of %d: %s.", n, said(list[2]))},
		{"rejected", RejectSuggestion{}, fmt.Sprintf("Rejected: %s. Suggestion 3 of %d: %s.", said(list[2]), n-1, said(list[3]))},
		{"accepted", AcceptSuggestion{}, fmt.Sprintf("Accepted: %s. Suggestion 3 of %d: %s.", claimSaid(list[3]), n-2, said(list[4%n]))},
		{"all rejected", RejectAllSuggestions{}, fmt.Sprintf("Rejected %d suggestions: they will not be suggested again for this article.", n-2)},
		{"next with none left", NextSuggestion{Delta: 1}, "No suggestions left."},
	}
	for _, step := range steps {
		seq := st.Announce.Seq
		Step(st, step.action)
		assert.Equal(t, step.want, st.Announce.Text, step.name)
		assert.Greater(t, st.Announce.Seq, seq, "%s: said anew", step.name)
	}
}
