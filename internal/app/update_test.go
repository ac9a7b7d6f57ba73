package app

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/exchange"
)

func fixedClock() time.Time { return time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC) }

// cp returns the code-point span of the n-th occurrence (from 0) of sub in s.
func cp(t *testing.T, s, sub string) Selection {
	t.Helper()
	i := strings.Index(s, sub)
	require.GreaterOrEqual(t, i, 0, "%q not in text", sub)
	start := len([]rune(s[:i]))
	return Selection{Start: start, End: start + len([]rune(sub))}
}

func sampleState(t *testing.T) *State {
	t.Helper()
	st := NewState(fixedClock)
	Update(st, LoadSample{})
	require.NotEmpty(t, st.Doc)
	return st
}

func selected(t *testing.T, st *State) *annotation.Annotation {
	t.Helper()
	a, ok := st.Store.Annotation(st.Selected)
	require.True(t, ok, "an annotation is selected")
	return a
}

func TestPasteNormalisesLineEndingsAndKeepsText(t *testing.T) {
	st := NewState(fixedClock)
	Update(st, Paste{Title: " Title ", Text: "One\r\nTwo\rThree <script>x</script>"})
	d, _, ok := st.Store.Document(st.Doc)
	require.True(t, ok)
	assert.Equal(t, "One\nTwo\nThree <script>x</script>", d.Text)
	assert.Equal(t, "Title", d.Title)
	assert.Len(t, st.Paras, 3)
}

func TestPasteRefusesEmptyTextAndKeepsWork(t *testing.T) {
	for _, body := range []string{"", "   \n\t \r\n"} {
		st := sampleState(t)
		Update(st, Tag{Label: annotation.LabelClaim, Sel: cp(t, SampleText, "Our streets")})
		before := st.Store.Project()
		doc := st.Doc
		Update(st, Paste{Text: body})
		assert.Equal(t, "error", st.Message.Kind)
		assert.Contains(t, st.Message.Text, "no text")
		assert.Equal(t, doc, st.Doc)
		assert.Equal(t, before, st.Store.Project())
	}
}

func TestPasteWithoutTitleUsesFirstLine(t *testing.T) {
	st := NewState(fixedClock)
	Update(st, Paste{Text: "\n  Headline here  \nBody"})
	assert.Equal(t, "Headline here", Title(st))
}

func TestSampleArticleHasWhatItPromises(t *testing.T) {
	for _, want := range []string{"Ines Okafor", "Tomas Reyes", "Priya Nandakumar", "“", "”", "🚲"} {
		assert.Contains(t, SampleText, want)
	}
}

func TestTagSnapsToWholeWordsUnlessExact(t *testing.T) {
	tests := []struct {
		name  string
		sel   func(t *testing.T) Selection
		exact bool
		want  string
	}{
		{"mid-word selection widens", func(t *testing.T) Selection {
			s := cp(t, SampleText, "Ines Okafor")
			return Selection{Start: s.Start + 2, End: s.End - 3}
		}, false, "Ines Okafor"},
		{"spaces are trimmed, and a speaker's comma", func(t *testing.T) Selection {
			s := cp(t, SampleText, "\n\nTomas Reyes, ")
			return s
		}, false, "Tomas Reyes"},
		{"alt keeps the exact selection", func(t *testing.T) Selection {
			s := cp(t, SampleText, "Ines Okafor")
			return Selection{Start: s.Start + 2, End: s.End - 3}
		}, true, "es Oka"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := sampleState(t)
			sel := tc.sel(t)
			sel.Exact = tc.exact
			effects := Update(st, Tag{Label: annotation.LabelSpeaker, Sel: sel})
			assert.Equal(t, tc.want, selected(t, st).Quote)
			assert.Contains(t, effects, Effect(ClearDOMSelection{}))
		})
	}
}

func TestTagWithoutSelectionExplains(t *testing.T) {
	st := sampleState(t)
	Update(st, Tag{Label: annotation.LabelClaim})
	assert.Equal(t, "info", st.Message.Kind)
	assert.Contains(t, st.Message.Text, "Select some text first")
	assert.Zero(t, st.Store.Len())
}

func TestTagTwiceSelectsTheExistingAnnotation(t *testing.T) {
	st := sampleState(t)
	sel := cp(t, SampleText, "Tomas Reyes")
	Update(st, Tag{Label: annotation.LabelSpeaker, Sel: sel})
	Update(st, Tag{Label: annotation.LabelSpeaker, Sel: sel})
	assert.Equal(t, 1, st.Store.Len())
	assert.Contains(t, st.Message.Text, "already tagged")
}

func TestClickCyclesThroughNestedAnnotations(t *testing.T) {
	st := sampleState(t)
	Update(st, Tag{Label: annotation.LabelClaim, Sel: cp(t, SampleText, "Tomas Reyes, who runs a hardware shop on Quay Street, called the vote “a slow death for small businesses.”")})
	claim := st.Selected
	Update(st, Tag{Label: annotation.LabelSpeaker, Sel: cp(t, SampleText, "Tomas Reyes")})
	speaker := st.Selected
	at := cp(t, SampleText, "Tomas Reyes").Start + 1

	Update(st, Escape{})
	require.Empty(t, st.Selected)
	Update(st, ClickText{Offset: at})
	assert.Equal(t, speaker, st.Selected, "first click: the innermost span")
	Update(st, ClickText{Offset: at})
	assert.Equal(t, claim, st.Selected, "second click: the enclosing claim")
	Update(st, ClickText{Offset: at})
	assert.Equal(t, speaker, st.Selected, "third click: back to the speaker")
	Update(st, ClickText{Offset: 0})
	assert.Empty(t, st.Selected, "a click outside every span clears the selection")
}

func TestStanceLinkAndUndoRedo(t *testing.T) {
	st := sampleState(t)
	Update(st, Tag{Label: annotation.LabelSpeaker, Sel: cp(t, SampleText, "Mayor Ines Okafor")})
	mention := st.Selected
	Update(st, Tag{Label: annotation.LabelClaim, Sel: cp(t, SampleText, "“Children should be able to walk to school without dodging delivery vans.”")})
	claim := st.Selected
	Update(st, SetStanceIndex{N: 1})
	Update(st, LinkNearest{})

	c := selected(t, st)
	assert.Equal(t, "favor", c.Stance)
	assert.Equal(t, mention, c.SpeakerMention)
	m, _ := st.Store.Annotation(mention)
	assert.Equal(t, m.Speaker, c.Speaker)
	sp, _ := st.Store.Speaker(m.Speaker)
	assert.Equal(t, "Mayor Ines Okafor", sp.Name)

	Update(st, Undo{})
	c, _ = st.Store.Annotation(claim)
	assert.Empty(t, c.SpeakerMention, "undo removes the link")
	assert.Equal(t, "favor", c.Stance)
	Update(st, Undo{})
	c, _ = st.Store.Annotation(claim)
	assert.Empty(t, c.Stance, "undo removes the stance")
	Update(st, Redo{})
	Update(st, Redo{})
	c, _ = st.Store.Annotation(claim)
	assert.Equal(t, "favor", c.Stance)
	assert.Equal(t, mention, c.SpeakerMention)
	Update(st, Redo{})
	assert.Contains(t, st.Message.Text, "nothing to redo")
}

func TestDeleteAndUndoRestoresAnnotationAndLinks(t *testing.T) {
	st := sampleState(t)
	Update(st, Tag{Label: annotation.LabelSpeaker, Sel: cp(t, SampleText, "Nandakumar said")})
	Update(st, Tag{Label: annotation.LabelClaim, Sel: cp(t, SampleText, "“It can work, but only if deliveries are planned properly,”")})
	Update(st, LinkNearest{})
	before := st.Store.Project()

	Update(st, Move{Delta: -1})
	require.Equal(t, annotation.LabelClaim, selected(t, st).Label)
	Update(st, Move{Delta: 1})
	mention := selected(t, st)
	require.Equal(t, annotation.LabelSpeaker, mention.Label)
	Update(st, Delete{})
	assert.Equal(t, 1, st.Store.Len())
	assert.Empty(t, st.Selected)
	for _, a := range st.Store.Annotations(st.Doc) {
		assert.Empty(t, a.SpeakerMention, "the claim lost its link with the deleted mention")
	}
	Update(st, Undo{})
	assert.Equal(t, before, st.Store.Project())
}

func TestOnlyClaimsTakeAStance(t *testing.T) {
	st := sampleState(t)
	Update(st, Tag{Label: annotation.LabelCue, Sel: cp(t, SampleText, "said")})
	Update(st, SetStanceIndex{N: 2})
	assert.Contains(t, st.Message.Text, "Select a claim first")
	assert.Empty(t, selected(t, st).Stance)
}

func TestSpeakerMentionsShareAnEntity(t *testing.T) {
	st := sampleState(t)
	Update(st, Tag{Label: annotation.LabelSpeaker, Sel: cp(t, SampleText, "Tomas Reyes")})
	first := selected(t, st).Speaker
	he := cp(t, SampleText, "He said")
	he.End = he.Start + 2
	Update(st, Tag{Label: annotation.LabelSpeaker, Sel: he})
	mention := selected(t, st)
	require.Equal(t, "He", mention.Quote)
	assert.Equal(t, first, mention.Speaker, "a pronoun refers to the nearest earlier speaker")

	Update(st, SetMentionSpeaker{SpeakerID: NewSpeakerOption})
	assert.NotEqual(t, first, selected(t, st).Speaker)
	Update(st, SetMentionSpeaker{SpeakerID: first})
	assert.Equal(t, first, selected(t, st).Speaker)
	Update(st, RenameSpeaker{Name: "Tomas Reyes (shop owner)"})
	sp, _ := st.Store.Speaker(first)
	assert.Equal(t, "Tomas Reyes (shop owner)", sp.Name)
}

func TestExportThenImportRestoresTheSameState(t *testing.T) {
	st := sampleState(t)
	Update(st, Tag{Label: annotation.LabelSpeaker, Sel: cp(t, SampleText, "Tomas Reyes")})
	Update(st, Tag{Label: annotation.LabelClaim, Sel: cp(t, SampleText, "“Finally! 🚲”")})
	Update(st, SetStance{Value: "unclear"})
	Update(st, SetNote{Value: `note with <b>html</b> & "quotes"`})
	effects := Update(st, Export{})
	require.Len(t, effects, 1)
	dl := effects[0].(Download)
	assert.Equal(t, "Harbour town splits over plan for a car-free centre.sayso.json", dl.Name)

	fresh := NewState(fixedClock)
	Update(fresh, Import{Name: dl.Name, Data: dl.Data})
	require.Equal(t, "info", fresh.Message.Kind, fresh.Message.Text)
	assert.Equal(t, st.Store.Project(), fresh.Store.Project())
	again := Update(fresh, Export{})
	assert.Equal(t, string(dl.Data), string(again[0].(Download).Data), "export → import → export is byte-identical")
}

func TestBadImportLeavesWorkUntouched(t *testing.T) {
	st := sampleState(t)
	Update(st, Tag{Label: annotation.LabelClaim, Sel: cp(t, SampleText, "Nobody asked us")})
	good := Update(st, Export{})[0].(Download).Data
	tests := []struct {
		name, data, want string
	}{
		{"not json", "hello", "not JSON"},
		{"truncated", string(good[:len(good)/2]), "Could not open"},
		{"another tool", `{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation"}`, "not a Sayso file"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			before := st.Store.Project()
			doc, sel := st.Doc, st.Selected
			Update(st, Import{Name: "x.json", Data: []byte(tc.data)})
			assert.Equal(t, "error", st.Message.Kind)
			assert.Contains(t, st.Message.Text, tc.want)
			assert.Equal(t, before, st.Store.Project())
			assert.Equal(t, doc, st.Doc)
			assert.Equal(t, sel, st.Selected)
		})
	}
}

func TestRedrawCoversOnlyTouchedParagraphs(t *testing.T) {
	st := sampleState(t)
	r := st.takeRedraw()
	assert.True(t, r.All, "a new document is drawn whole")
	sel := cp(t, SampleText, "Nobody asked us")
	Update(st, Tag{Label: annotation.LabelClaim, Sel: sel})
	r = st.takeRedraw()
	assert.False(t, r.All)
	want := ParagraphOf(st, sel.Start)
	assert.Equal(t, []int{want}, r.Paras)
	require.Len(t, r.Set, 1, "the new claim's highlight is drawn")
	assert.Equal(t, "Nobody asked us", r.Set[0].Quote)
	r = st.takeRedraw()
	assert.Empty(t, r.Paras)
	assert.Empty(t, r.Set)

	Update(st, SetStanceIndex{N: 2})
	r = st.takeRedraw()
	require.Len(t, r.Set, 1, "a stance changes the claim's highlight style")
	assert.Equal(t, "claim-against", st.highlightStyle(r.Set[0]))
	Update(st, Delete{})
	r = st.takeRedraw()
	assert.Empty(t, r.Set)
	assert.Len(t, r.Remove, 1, "a deleted claim's highlight goes")
	Update(st, Undo{})
	r = st.takeRedraw()
	assert.Len(t, r.Set, 1, "undo draws it again")
}

func ParagraphOf(st *State, cp int) int {
	for i, p := range st.Paras {
		if p.Start <= cp && cp < p.End {
			return i
		}
	}
	return -1
}

func TestExportMatchesJSONSchemaOffsets(t *testing.T) {
	st := sampleState(t)
	Update(st, Tag{Label: annotation.LabelClaim, Sel: cp(t, SampleText, "“Finally! 🚲”")})
	data := Update(st, Export{})[0].(Download).Data
	p, err := exchange.DecodeProject(data)
	require.NoError(t, err)
	text := []rune(p.Documents[0].Text)
	for _, a := range p.Annotations {
		f := a.Fragments[0]
		assert.Equal(t, a.Quote, string(text[f.Start:f.End]), "python text[start:end] == quote")
	}
}

func TestPasteCleansWhatCannotBeShownAndSaysSo(t *testing.T) {
	tests := []struct {
		name     string
		action   Action
		wantText string
		wantMsg  string
	}{
		{"NUL and escape removed", Paste{Title: "t", Text: "Bob\x00 said\x1b hi"}, "Bob said hi", "Removed 2 control characters"},
		{"lone CR becomes a newline", Paste{Title: "t", Text: "one\rtwo"}, "one\ntwo", ""},
		{"invalid UTF-8 in a dropped file", PasteFile{Name: "notes.txt", Data: []byte("caf\xe9 au lait")}, "caf\ufffd au lait", "“notes.txt” is not valid UTF-8 text: 1 byte could not be read"},
		{"RTL marks and emoji kept", Paste{Title: "t", Text: "\u200fשלום 😀"}, "\u200fשלום 😀", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := NewState(fixedClock)
			Update(st, tc.action)
			d, _, ok := st.Store.Document(st.Doc)
			require.True(t, ok)
			assert.Equal(t, tc.wantText, d.Text)
			if tc.wantMsg == "" {
				assert.Empty(t, st.Message.Text)
			} else {
				assert.Contains(t, st.Message.Text, tc.wantMsg)
			}
		})
	}
}

func TestPasteFileTakesItsNameAsTitle(t *testing.T) {
	st := NewState(fixedClock)
	Update(st, PasteFile{Name: "council vote.txt", Data: []byte("Body text")})
	assert.Equal(t, "council vote", Title(st))
}

func TestTooLongPasteIsRefusedWithTheLimit(t *testing.T) {
	st := sampleState(t)
	before := st.Store.Project()
	Update(st, Paste{Title: "big", Text: strings.Repeat("word ", MaxPasteBytes/5+1)})
	assert.Equal(t, "error", st.Message.Kind)
	assert.Contains(t, st.Message.Text, "up to 10 MB")
	assert.Equal(t, before, st.Store.Project())
}

func TestOpenElsewhereWarns(t *testing.T) {
	st := sampleState(t)
	Update(st, OpenElsewhere{})
	assert.Contains(t, st.Message.Text, "open in another tab")
	assert.True(t, st.ShouldSave() || !st.Unsaved())
}

func TestExactTagNeverEndsInsideAGraphemeCluster(t *testing.T) {
	const body = "Vive la 🇫🇷 et e\u0301te\u0301, dit-il."
	tests := []struct {
		name string
		sel  func(t *testing.T) Selection
		want string
	}{
		{"half a flag becomes the whole flag", func(t *testing.T) Selection {
			s := cp(t, body, "🇫🇷")
			return Selection{Start: s.Start, End: s.Start + 1}
		}, "🇫🇷"},
		{"the second half of a flag takes the first", func(t *testing.T) Selection {
			s := cp(t, body, "🇫🇷")
			return Selection{Start: s.Start + 1, End: s.End}
		}, "🇫🇷"},
		{"a letter keeps its combining accent", func(t *testing.T) Selection {
			s := cp(t, body, "e\u0301te\u0301")
			return Selection{Start: s.Start, End: s.End - 1}
		}, "e\u0301te\u0301"},
		{"an exact selection inside a word stays inside it", func(t *testing.T) Selection {
			s := cp(t, body, "Vive")
			return Selection{Start: s.Start + 1, End: s.End - 1}
		}, "iv"},
		{"white space at the ends is still trimmed", func(t *testing.T) Selection {
			return cp(t, body, " la ")
		}, "la"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := NewState(fixedClock)
			Update(st, Paste{Title: "T", Text: body})
			sel := tc.sel(t)
			sel.Exact = true
			Update(st, Tag{Label: annotation.LabelClaim, Sel: sel})
			assert.Equal(t, tc.want, selected(t, st).Quote)
		})
	}
}
