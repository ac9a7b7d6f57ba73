package app

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
)

// clutteredArticle is a pasted web page: the article with what the page
// had around it, and a typo inside a claim.
const clutteredArticle = "Harbour town splits over car-free plan\n" +
	"Leave a reply\n" +
	"Mayor Ines Okafor said the plan would “give the streets back to people.”\n" +
	"Tomas Reyes called it “a slow deth for small businesses.”\n" +
	"Facebook 20 Views\n" +
	"Wang Wen said: “Towns that tried it saw more shoppers.”\n"

// annotatedClutter is clutteredArticle pasted and annotated: claims,
// speakers linked, a cue, and a claim on the clutter itself.
func annotatedClutter(t *testing.T) *State {
	t.Helper()
	st := NewState(fixedClock)
	Update(st, Paste{Title: "Harbour", Text: clutteredArticle})
	tag := func(label, quote string) string {
		Update(st, Tag{Label: label, Sel: cp(t, clutteredArticle, quote)})
		require.NotEmpty(t, st.Selected, st.Message.Text)
		return st.Selected
	}
	tag(annotation.LabelSpeaker, "Mayor Ines Okafor")
	tag(annotation.LabelClaim, "“give the streets back to people.”")
	Update(st, LinkNearest{})
	Update(st, SetStance{Value: "favor"})
	tag(annotation.LabelSpeaker, "Tomas Reyes")
	tag(annotation.LabelCue, "called")
	tag(annotation.LabelClaim, "“a slow deth for small businesses.”")
	Update(st, LinkNearest{})
	Update(st, SetStance{Value: "against"})
	tag(annotation.LabelClaim, "“Towns that tried it saw more shoppers.”")
	tag(annotation.LabelClaim, "Facebook 20 Views")
	Update(st, Select{ID: ""})
	return st
}

func quotesByID(st *State) map[string]string {
	out := map[string]string{}
	for _, a := range st.Store.Annotations(st.Doc) {
		out[a.ID] = a.Quote
	}
	return out
}

func TestEditingTheTextCarriesTheAnnotationsOver(t *testing.T) {
	st := annotatedClutter(t)
	before := st.Store.Project()
	beforeQuotes := quotesByID(st)
	idOf := func(quote string) string {
		for id, q := range beforeQuotes {
			if q == quote {
				return id
			}
		}
		t.Fatalf("no annotation %q", quote)
		return ""
	}
	typo, clutter := idOf("“a slow deth for small businesses.”"), idOf("Facebook 20 Views")

	Update(st, OpenTextEditor{})
	require.True(t, st.TextEditor)
	edited := strings.NewReplacer("Leave a reply\n", "", "Facebook 20 Views\n", "", "deth", "death").Replace(clutteredArticle)
	Update(st, SaveText{Text: edited})
	require.False(t, st.TextEditor, "saving closes the editor")

	d, x, ok := st.Store.Document(st.Doc)
	require.True(t, ok)
	require.Equal(t, edited, d.Text)
	assert.Equal(t, "Harbour", d.Title)
	after := quotesByID(st)
	for id, q := range beforeQuotes {
		switch id {
		case clutter:
			assert.NotContains(t, after, id, "its text is gone")
		case typo:
			assert.Equal(t, "“a slow death for small businesses.”", after[id])
			a, _ := st.Store.Annotation(id)
			assert.NotEmpty(t, a.Anchored, "marked ≈: the edit changed its text")
			assert.Positive(t, a.AnchorConfidence)
		default:
			assert.Equal(t, q, after[id], "moved with the text")
			a, _ := st.Store.Annotation(id)
			assert.Empty(t, a.Anchored, "%s only moved: not marked", id)
		}
	}
	for _, a := range st.Store.Annotations(st.Doc) {
		for _, f := range a.Fragments {
			assert.Equal(t, a.Quote, x.Slice(f.Start, f.End), "%s sits on its quote", a.ID)
		}
	}
	orphans := st.Store.Orphans()
	require.Len(t, orphans, 1)
	assert.Equal(t, clutter, orphans[0].ID)
	assert.Equal(t, "Facebook 20 Views", orphans[0].Quote)
	assert.Contains(t, st.Message.Text, "1 found again")
	assert.Contains(t, st.Message.Text, "Not placed")
	slow, _ := st.Store.Annotation(typo)
	assert.NotEmpty(t, slow.SpeakerMention, "the claim keeps its speaker")
	assert.Equal(t, len(x.Paragraphs()), len(st.Paras), "the paragraphs are those of the new text")

	// One undo step brings back the old text and every annotation exactly.
	Update(st, Undo{})
	assert.Equal(t, before, st.Store.Project())
	assert.Empty(t, st.Store.Orphans())
	_, x, _ = st.Store.Document(st.Doc)
	assert.Equal(t, len(x.Paragraphs()), len(st.Paras))
	Update(st, Redo{})
	assert.Equal(t, edited, st.shownText())
	assert.Len(t, st.Store.Orphans(), 1)
}

func TestEditingTheTextRoundTripsThroughTheNativeFormat(t *testing.T) {
	st := annotatedClutter(t)
	Update(st, SaveText{Text: strings.Replace(clutteredArticle, "Leave a reply\n", "", 1)})
	file := Update(st, Export{})[0].(Download)
	again := NewState(fixedClock)
	Update(again, Import{Name: "x.sayso.json", Data: file.Data})
	require.NotEqual(t, "error", again.Message.Kind, again.Message.Text)
	assert.Equal(t, st.Store.Project(), again.Store.Project(), "the new text and its hash export and load")
}

func TestEditingTheTextAsksForAChange(t *testing.T) {
	st := annotatedClutter(t)
	rev := st.Store.Revision()
	Update(st, SaveText{Text: clutteredArticle})
	assert.Equal(t, rev, st.Store.Revision(), "the same text changes nothing")
	assert.Contains(t, st.Message.Text, "unchanged")
	Update(st, OpenTextEditor{})
	Update(st, SaveText{Text: "  \n "})
	assert.Equal(t, "error", st.Message.Kind)
	assert.True(t, st.TextEditor, "an empty text is refused and the editor stays open")
	Update(st, Escape{EditedText: st.shownText()})
	assert.False(t, st.TextEditor, "Esc closes the editor")
}

// Esc or Cancel in the text editor drops nothing without asking: with the
// text changed, the app's own question comes first; unchanged, the editor
// closes at once.
func TestCancellingAnEditedTextAsksBeforeDiscarding(t *testing.T) {
	for _, tc := range []struct {
		name    string
		close   func(text string) Action
		edit    func(shown string) string
		asks    bool
		answer  bool // the answer to the question, when asked
		stays   bool // the editor is still open at the end
		comment string
	}{
		{"Esc, unchanged", func(s string) Action { return Escape{EditedText: s} }, func(s string) string { return s }, false, false, false, "closes at once"},
		{"Cancel, unchanged", func(s string) Action { return CloseTextEditor{Text: s} }, func(s string) string { return s }, false, false, false, "closes at once"},
		{"Cancel, only the line breaks differ", func(s string) Action { return CloseTextEditor{Text: s} }, func(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") }, false, false, false, "saving would change nothing"},
		{"Esc, changed, discard", func(s string) Action { return Escape{EditedText: s} }, func(s string) string { return strings.Replace(s, "Leave a reply\n", "", 1) }, true, true, false, "yes discards"},
		{"Cancel, changed, keep editing", func(s string) Action { return CloseTextEditor{Text: s} }, func(s string) string { return s + "More." }, true, false, true, "no goes back to the editor"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := annotatedClutter(t)
			before := st.shownText()
			rev := st.Store.Revision()
			Step(st, OpenTextEditor{})
			require.True(t, st.TextEditor)
			Step(st, tc.close(tc.edit(before)))
			if tc.asks {
				require.NotNil(t, st.Question, "asked first")
				assert.Equal(t, "Discard your changes to the text?", st.Question.Text)
				assert.True(t, st.TextEditor, "the editor stays open under the question")
				if tc.answer {
					Step(st, Answer{Yes: true})
				} else {
					Step(st, Escape{}) // Esc answers Cancel
				}
			} else {
				assert.Nil(t, st.Question, "nothing to ask")
			}
			assert.Nil(t, st.Question)
			assert.Equal(t, tc.stays, st.TextEditor, tc.comment)
			assert.Equal(t, before, st.shownText(), "the text is never changed by cancelling")
			assert.Equal(t, rev, st.Store.Revision())
		})
	}
}

func TestTheTextOfAnExerciseCannotBeEdited(t *testing.T) {
	file := Update(teacherState(t), ExportExercise{})[0].(Download)
	st := NewState(fixedClock)
	Update(st, OpenExercise{Name: "x", Data: file.Data})
	require.NotEmpty(t, st.Doc)
	Update(st, SetStudentName{Name: "Ana"})
	textBefore := st.shownText()

	Update(st, OpenTextEditor{})
	assert.False(t, st.TextEditor)
	assert.Equal(t, "error", st.Message.Kind)
	assert.Contains(t, st.Message.Text, "cannot be edited")
	Update(st, SaveText{Text: "Something else entirely."})
	assert.Equal(t, textBefore, st.shownText(), "refused even when asked directly")
}

func TestPastedArticlesStartWithNoTopicAndTakeOneExplicitly(t *testing.T) {
	st := NewState(fixedClock)
	Update(st, Paste{Title: "Council votes on car-free plan", Text: "Okafor said it would work."})
	d, _, _ := st.Store.Document(st.Doc)
	assert.Empty(t, d.Topic, "the headline is not silently the stance target")
	Update(st, Tag{Label: annotation.LabelClaim, Sel: cp(t, "Okafor said it would work.", "it would work")})
	assert.Empty(t, selected(t, st).Target)

	Update(st, UseTopic{})
	assert.Empty(t, selected(t, st).Target, "no topic to use yet")
	assert.Contains(t, st.Message.Text, "no topic")

	Update(st, TopicFromTitle{})
	d, _, _ = st.Store.Document(st.Doc)
	assert.Equal(t, "Council votes on car-free plan", d.Topic)
	Update(st, UseTopic{})
	assert.Equal(t, "Council votes on car-free plan", selected(t, st).Target)
	Update(st, Undo{})
	assert.Empty(t, selected(t, st).Target, "each is one undo step")
}

func TestSavingAnEditedTextSaysWhatBecameOfEachAnnotation(t *testing.T) {
	for _, tc := range []struct {
		name, edited, want string
	}{
		{
			"every annotation only moved",
			strings.Replace(clutteredArticle, "Leave a reply\n", "", 1),
			"Saved the edited text. 7 annotations kept. Undo with Ctrl+Z.",
		},
		{
			"one found again and one gone",
			strings.NewReplacer("Leave a reply\n", "", "Facebook 20 Views\n", "", "deth", "death").Replace(clutteredArticle),
			"Saved the edited text. 5 annotations kept; 1 found again where the edit changed their text (marked ≈: check them); 1 whose text is gone, kept under “Not placed”. Undo with Ctrl+Z.",
		},
		{
			"a control character removed",
			strings.Replace(clutteredArticle, "Leave a reply", "Leave a\x01 comment", 1),
			"Saved the edited text. 7 annotations kept. Removed 1 control character that cannot be shown. Undo with Ctrl+Z.",
		},
		{
			"every annotation gone",
			"A different article altogether.",
			"Saved the edited text. 7 whose text is gone, kept under “Not placed”. Undo with Ctrl+Z.",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := annotatedClutter(t)
			Update(st, SaveText{Text: tc.edited})
			assert.Equal(t, "info", st.Message.Kind)
			assert.Equal(t, tc.want, st.Message.Text)
		})
	}
}

func TestAnEditedTextWithoutAnnotationsIsSavedWithoutCounts(t *testing.T) {
	st := NewState(fixedClock)
	Update(st, Paste{Title: "Plain", Text: "One short article."})
	Update(st, SaveText{Text: "One short article, edited."})
	assert.Equal(t, "Saved the edited text. Undo with Ctrl+Z.", st.Message.Text)
}

func TestAnEditedTextMayBeAsLongAsAPasteAndNoLonger(t *testing.T) {
	st := NewState(fixedClock)
	Update(st, Paste{Title: "Plain", Text: "One short article."})
	longest := strings.Repeat("word ", MaxPasteBytes/5)
	require.Equal(t, MaxPasteBytes, len(longest))
	Update(st, SaveText{Text: longest + "x"})
	assert.Equal(t, "error", st.Message.Kind)
	assert.Contains(t, st.Message.Text, "The text is too long (10.0 MB)")
	Update(st, SaveText{Text: longest})
	assert.Equal(t, "info", st.Message.Kind, st.Message.Text)
	assert.Equal(t, MaxPasteBytes, len(st.shownText()), "saved whole")
}
