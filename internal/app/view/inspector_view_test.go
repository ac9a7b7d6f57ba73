package view

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/app"
)

// twoClaimsText holds two claims, each with cues and speakers on both
// sides: the inspector's lists of nearby mentions and cues run out on the
// right of the second claim before they do on its left.
const twoClaimsText = "Ana Silva said the harbour will reopen in May, she told us. Critics doubt it, argued Ben Ode, a critic."

// twoClaims is twoClaimsText annotated: the ids by name ("ana", "said",
// "harbour", "told", "critics", "argued", "ben"). The mention of Ben Ode is
// tagged exactly, with its comma.
func twoClaims(t *testing.T) (*app.State, map[string]string) {
	t.Helper()
	st := app.NewState(fixedClock)
	app.Update(st, app.Paste{Title: "Harbour", Text: twoClaimsText})
	require.NotEmpty(t, st.Doc)
	ids := map[string]string{}
	for _, x := range []struct {
		name, label, quote string
		exact              bool
	}{
		{"ana", annotation.LabelSpeaker, "Ana Silva", false},
		{"said", annotation.LabelCue, "said", false},
		{"harbour", annotation.LabelClaim, "the harbour will reopen in May", false},
		{"told", annotation.LabelCue, "told", false},
		{"critics", annotation.LabelClaim, "Critics doubt it", false},
		{"argued", annotation.LabelCue, "argued", false},
		{"ben", annotation.LabelSpeaker, "Ben Ode,", true},
	} {
		sel := cp(t, twoClaimsText, x.quote)
		sel.Exact = x.exact
		app.Update(st, app.Tag{Label: x.label, Sel: sel})
		require.NotEmpty(t, st.Selected, "%s: %s", x.name, st.Message.Text)
		ids[x.name] = st.Selected
	}
	return st, ids
}

// selectOptions are the texts, values and selected marks of the options
// of the select with data-field field.
func selectOptions(t *testing.T, p page, field Field) (texts, values, selected []string) {
	t.Helper()
	sel := p.one(t, tag("select", "data-field", string(field)))
	values = []string{}
	for _, o := range sel.all(tag("option")) {
		v, _ := attr(o, "value")
		values = append(values, v)
	}
	return sel.texts(tag("option")), values, sel.attrs(tag("option"), "selected")
}

func TestInspectorNumbersTheStanceButtonsFromOneAndPressesTheClaimsStance(t *testing.T) {
	st, ids := twoClaims(t)
	app.Update(st, app.Select{ID: ids["harbour"]})
	app.Update(st, app.SetStance{Value: "against"})

	stance := parse(t, Inspector(st)).one(t, tag("fieldset", "class", "stance"))
	buttons := tag("button", "data-action", string(ActStance))
	assert.Equal(t, []string{"favor 1", "against 2", "neutral 3", "unclear 4"}, stance.texts(buttons))
	assert.Equal(t, []string{"1", "2", "3", "4"}, stance.texts(tag("kbd")))
	assert.Equal(t, []string{"false", "true", "false", "false"}, stance.attrs(buttons, "aria-pressed"))
	assert.Equal(t, []string{"st-favor", "st-against on", "st-neutral", "st-unclear"}, stance.attrs(buttons, "class"))
}

func TestInspectorListsTheCuesNearTheClaimInReadingOrderWithItsOwnSelected(t *testing.T) {
	st, ids := twoClaims(t)
	app.Update(st, app.Select{ID: ids["harbour"]})
	app.Update(st, app.LinkCue{CueID: ids["told"]})
	app.Update(st, app.Select{ID: ids["critics"]})
	app.Update(st, app.LinkCue{CueID: ids["argued"]})

	tests := []struct {
		claim        string
		wantSelected []string
	}{
		{"harbour", []string{"", "", "present", ""}},
		{"critics", []string{"", "", "", "present"}},
	}
	for _, tc := range tests {
		t.Run(tc.claim, func(t *testing.T) {
			app.Update(st, app.Select{ID: ids[tc.claim]})
			texts, values, selected := selectOptions(t, parse(t, Inspector(st)), FieldCue)
			assert.Equal(t, []string{"— none —", "said", "told", "argued"}, texts)
			assert.Equal(t, []string{"", ids["said"], ids["told"], ids["argued"]}, values)
			assert.Equal(t, tc.wantSelected, selected)
		})
	}
}

func TestInspectorListsTheSpeakerMentionsOnBothSidesOfTheClaimInReadingOrder(t *testing.T) {
	st, ids := twoClaims(t)
	tests := []struct{ claim string }{{"harbour"}, {"critics"}}
	for _, tc := range tests {
		t.Run(tc.claim, func(t *testing.T) {
			app.Update(st, app.Select{ID: ids[tc.claim]})
			texts, values, _ := selectOptions(t, parse(t, Inspector(st)), FieldMention)
			// Ben Ode's mention is quoted with its comma, so the option
			// shows both the speaker's name and the words of the text.
			assert.Equal(t, []string{"— none —", "Ana Silva", "Ben Ode — “Ben Ode,”"}, texts)
			assert.Equal(t, []string{"", ids["ana"], ids["ben"]}, values)
		})
	}
}

func TestInspectorSaysWhoAClaimIsAttributedToOnlyWhenNoMentionNamesThem(t *testing.T) {
	st, ids := twoClaims(t)
	app.Update(st, app.Select{ID: ids["harbour"]})
	app.Update(st, app.LinkMention{MentionID: ids["ana"]})
	ben, ok := st.Store.Annotation(ids["ben"])
	require.True(t, ok)

	tests := []struct {
		name   string
		claim  string
		attrib func()
		want   []string
	}{
		{"linked to a mention", "harbour", func() {}, []string{}},
		{"attributed to no one", "critics", func() {}, []string{}},
		{"attributed to a speaker with no mention", "critics", func() {
			require.NoError(t, st.Store.SetClaimSpeaker(ids["critics"], ben.Speaker))
		}, []string{"Attributed to Ben Ode."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.attrib()
			app.Update(st, app.Select{ID: ids[tc.claim]})
			var got []string
			for _, h := range parse(t, Inspector(st)).texts(tag("p", "class", "hint")) {
				if strings.HasPrefix(h, "Attributed to") {
					got = append(got, h)
				}
			}
			if got == nil {
				got = []string{}
			}
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestInspectorOffersANewSpeakerNamedWithoutTheMentionsPunctuation(t *testing.T) {
	st, ids := twoClaims(t)
	app.Update(st, app.Select{ID: ids["ben"]})
	texts, values, selected := selectOptions(t, parse(t, Inspector(st)), FieldMentionSpeaker)
	assert.Equal(t, []string{"Ana Silva", "Ben Ode", "New speaker named “Ben Ode”"}, texts)
	ben, _ := st.Store.Annotation(ids["ben"])
	ana, _ := st.Store.Annotation(ids["ana"])
	assert.Equal(t, []string{ana.Speaker, ben.Speaker, app.NewSpeakerOption}, values)
	assert.Equal(t, []string{"", "present", ""}, selected)
}

// TestInspectorListsMentionsStartingWhereTheClaimStartsInTheStoresOrder:
// two mentions begin where the claim does, the longer first as the store
// orders them, and the list keeps that order. Ana is named by the first
// mention tagged ("Ana"); the second joins her.
func TestInspectorListsMentionsStartingWhereTheClaimStartsInTheStoresOrder(t *testing.T) {
	text := "Ana Silva thinks the harbour will reopen in May, said Ben Ode."
	st := app.NewState(fixedClock)
	app.Update(st, app.Paste{Title: "Harbour", Text: text})
	var claim string
	for _, x := range []struct{ label, quote string }{
		{annotation.LabelSpeaker, "Ana"},
		{annotation.LabelSpeaker, "Ana Silva"},
		{annotation.LabelClaim, "Ana Silva thinks the harbour will reopen in May"},
		{annotation.LabelSpeaker, "Ben Ode"},
	} {
		app.Update(st, app.Tag{Label: x.label, Sel: cp(t, text, x.quote)})
		require.NotEmpty(t, st.Selected, st.Message.Text)
		claim = map[bool]string{true: st.Selected, false: claim}[x.label == annotation.LabelClaim]
	}
	app.Update(st, app.Select{ID: claim})
	texts, _, _ := selectOptions(t, parse(t, Inspector(st)), FieldMention)
	assert.Equal(t, []string{"— none —", "Ana — “Ana Silva”", "Ana", "Ben Ode"}, texts)
}

// TestInspectorOffersTheFortyMentionsNearestTheClaim: in longState's
// lines of 48 (k < 10) or 49 code points, a claim starts 21 after its
// line's mention, so the mentions after it are 49j-21 away and those
// before 49j+21: the nearest forty alternate, the next line's first.
func TestInspectorOffersTheFortyMentionsNearestTheClaim(t *testing.T) {
	st := longState(t, 50)
	persons := func(from, to int) []string {
		out := []string{"— none —"}
		for k := from; k <= to; k++ {
			out = append(out, fmt.Sprintf("Person%04d", k))
		}
		return out
	}
	tests := []struct {
		name string
		line int
		want []string
	}{
		{"near the start, with one line before", 1, persons(0, 39)},
		{"in the middle: itself, twenty after and nineteen before", 25, persons(6, 45)},
		{"at the end", 49, persons(10, 49)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			start := st.Paras[tc.line].Start + 21
			var claim string
			for _, a := range st.Store.Annotations(st.Doc) {
				if a.Label == annotation.LabelClaim && a.Hull().Start == start {
					claim = a.ID
				}
			}
			require.NotEmpty(t, claim)
			app.Update(st, app.Select{ID: claim})
			texts, _, selected := selectOptions(t, parse(t, Inspector(st)), FieldMention)
			assert.Equal(t, tc.want, texts)
			own := fmt.Sprintf("Person%04d", tc.line)
			for i, s := range selected {
				assert.Equal(t, texts[i] == own, s == "present", "option %q selected", texts[i])
			}
		})
	}
}

// TestInspectorMovesAMentionToAnyOfFortySpeakersEvenOnesMentionedElsewhere:
// with forty speakers (maxChoices) a mention is offered all of them, also
// the thirty-nine mentioned only in another document.
func TestInspectorMovesAMentionToAnyOfFortySpeakersEvenOnesMentionedElsewhere(t *testing.T) {
	var b strings.Builder
	for k := range 39 {
		fmt.Fprintf(&b, "Person%04d said that the plan number %d is good.\n", k, k)
	}
	st := app.NewState(fixedClock)
	app.Update(st, app.Paste{Title: "first", Text: b.String()})
	for _, p := range st.Paras {
		app.Update(st, app.Tag{Label: annotation.LabelSpeaker, Sel: app.Selection{Start: p.Start, End: p.Start + 10, Exact: true}})
		require.NotEmpty(t, st.Selected, st.Message.Text)
	}
	second := "Person0039 said that the plan is bad.\n"
	app.Update(st, app.AddPasted{Title: "second", Text: second})
	require.Len(t, st.Store.Documents(), 2, st.Message.Text)
	app.Update(st, app.Tag{Label: annotation.LabelSpeaker, Sel: cp(t, second, "Person0039")})
	require.NotEmpty(t, st.Selected, st.Message.Text)
	require.Len(t, st.Store.Speakers(), maxChoices)

	texts, _, selected := selectOptions(t, parse(t, Inspector(st)), FieldMentionSpeaker)
	var want, wantSelected []string
	for k := range 40 {
		want = append(want, fmt.Sprintf("Person%04d", k))
		wantSelected = append(wantSelected, map[bool]string{true: "present", false: ""}[k == 39])
	}
	assert.Equal(t, append(want, "New speaker named “Person0039”"), texts)
	assert.Equal(t, append(wantSelected, ""), selected)
}

// TestSameWordsTellsApartWordsOfTheSameLength: the quick ASCII path must
// not say yes for different letters, nor for the ASCII signs one bit
// (0x20) apart from each other the way a capital is from its small letter.
func TestSameWordsTellsApartWordsOfTheSameLength(t *testing.T) {
	tests := []struct{ a, b string }{
		{"Ana", "Anb"},
		{"Ana Silva", "Ana Silvo"},
		{"@", "`"},
		{"[", "{"},
		{"Ana[", "Ana{"},
		{"café", "cafè"},
		{"Émile", "Èmile"},
	}
	for _, tc := range tests {
		t.Run(tc.a+" "+tc.b, func(t *testing.T) {
			assert.False(t, sameWords(tc.a, tc.b))
			assert.False(t, sameWords(tc.b, tc.a))
		})
	}
}

// TestASCIISameWordsSaysYesForTheSameBytesButForASCIICase: the common case
// (a mention quoted as the speaker is named) is answered without the slow
// path, for every letter from a to z and signs and spaces that match.
func TestASCIISameWordsSaysYesForTheSameBytesButForASCIICase(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"Ana Silva", "ANA SILVA", true},
		{"abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", true},
		{"Dr. O'Neil-Ode, 2", "dr. o'neil-ode, 2", true},
		{"Ana", "Anb", false},
		{"@", "`", false},
		{"[", "{", false},
		{"Ana", "Ana ", false},
		{"Émile", "émile", false}, // not ASCII: sameWords' slow path answers
	}
	for _, tc := range tests {
		t.Run(tc.a+" "+tc.b, func(t *testing.T) {
			assert.Equal(t, tc.want, asciiSameWords(tc.a, tc.b))
			assert.Equal(t, tc.want, asciiSameWords(tc.b, tc.a))
		})
	}
}

// TestInspectorBreaksATieForTheFortiethMentionTowardTheEarlierOne: 41
// lines of 49 code points, a mention at the start of each and a claim
// over the whole middle line. The mentions j lines before and after are
// equally far from it: the nearest forty are its own line's and nineteen
// pairs, and of the twentieth pair the earlier one (Person0010, not
// Person0050).
func TestInspectorBreaksATieForTheFortiethMentionTowardTheEarlierOne(t *testing.T) {
	var b strings.Builder
	for k := 10; k <= 50; k++ {
		fmt.Fprintf(&b, "Person%04d said that the plan number %d is good.\n", k, k)
	}
	st := app.NewState(fixedClock)
	app.Update(st, app.Paste{Title: "tie", Text: b.String()})
	require.Len(t, st.Paras, 41)
	for _, p := range st.Paras {
		require.Equal(t, 48, p.End-p.Start, "a line of 49 code points with its newline")
		app.Update(st, app.Tag{Label: annotation.LabelSpeaker, Sel: app.Selection{Start: p.Start, End: p.Start + 10, Exact: true}})
		require.NotEmpty(t, st.Selected, st.Message.Text)
	}
	middle := st.Paras[20]
	app.Update(st, app.Tag{Label: annotation.LabelClaim, Sel: app.Selection{Start: middle.Start, End: middle.End - 1}})
	require.NotEmpty(t, st.Selected, st.Message.Text)

	texts, _, _ := selectOptions(t, parse(t, Inspector(st)), FieldMention)
	want := []string{"— none —"}
	for k := 10; k <= 49; k++ {
		want = append(want, fmt.Sprintf("Person%04d", k))
	}
	assert.Equal(t, want, texts)
}
