package view

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/app"
	"sayso/internal/format/native"
)

func fixedClock() time.Time { return time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC) }

// cp returns the code-point span of the n-th occurrence (from 0) of sub in s.
func cp(t *testing.T, s, sub string) app.Selection {
	t.Helper()
	i := strings.Index(s, sub)
	require.GreaterOrEqual(t, i, 0, "%q not in text", sub)
	start := len([]rune(s[:i]))
	return app.Selection{Start: start, End: start + len([]rune(sub))}
}

func sampleState(t *testing.T) *app.State {
	t.Helper()
	st := app.NewState(fixedClock)
	app.Update(st, app.LoadSample{})
	require.NotEmpty(t, st.Doc)
	return st
}

const hostile = `<img src=x onerror="window.__pwned=1"> "><script>window.__pwned=1</script> ' & <svg onload=alert(1)>`

// ownTag matches a start tag with its attributes; data can never produce
// one, since escaped text holds no raw '<' or '"'.
var ownTag = regexp.MustCompile(`<([a-z0-9]+)((?:\s+[a-z-]+(?:="[^"]*")?)*)\s*>`)

var ownAttr = regexp.MustCompile(`([a-z-]+)(?:="[^"]*")?`)

// assertOnlyOwnMarkup checks that every tag and attribute in html is one the
// view model writes itself: no script, image, frame or event handler.
func assertOnlyOwnMarkup(t *testing.T, html string) {
	t.Helper()
	tags := map[string]bool{"p": true, "span": true, "section": true, "div": true, "blockquote": true,
		"fieldset": true, "legend": true, "button": true, "kbd": true, "label": true, "input": true,
		"select": true, "option": true, "textarea": true, "ul": true, "li": true, "h3": true, "q": true,
		"dl": true, "dt": true, "dd": true, "ol": true, "table": true, "thead": true, "tbody": true,
		"tr": true, "th": true, "td": true, "meter": true, "h1": true, "h2": true, "mark": true, "code": true, "b": true, "em": true, "caption": true}
	attrs := map[string]bool{"class": true, "id": true, "type": true, "value": true, "selected": true,
		"maxlength": true, "rows": true, "aria-pressed": true, "tabindex": true, "title": true,
		"checked": true, "disabled": true, "placeholder": true, "aria-label": true, "aria-current": true, "accept": true,
		"multiple": true, "hidden": true, "for": true, "min": true, "max": true, "step": true, "name": true,
		"role": true, "aria-checked": true, "aria-posinset": true, "aria-setsize": true,
		"aria-describedby": true, "scope": true, "aria-hidden": true}
	opened := strings.Count(html, "<") - strings.Count(html, "</")
	found := ownTag.FindAllStringSubmatch(html, -1)
	attrs["dir"] = true  // paragraphs: dir="auto"
	attrs["role"] = true // the heat map's scrolling region
	assert.Equal(t, opened, len(found), "every '<' opens a well-formed tag of ours")
	for _, m := range found {
		assert.True(t, tags[m[1]], "tag <%s>", m[1])
		for _, a := range ownAttr.FindAllStringSubmatch(m[2], -1) {
			assert.True(t, attrs[a[1]] || strings.HasPrefix(a[1], "data-"), "attribute %s on <%s>", a[1], m[1])
		}
	}
}

// longState is a document of n paragraphs "Speaker k said claim k." with a
// speaker mention, and a claim linked to it, in each: 2n annotations,
// n speakers.
func longState(t *testing.T, n int) *app.State {
	t.Helper()
	var b strings.Builder
	for k := range n {
		fmt.Fprintf(&b, "Person%04d said that the plan number %d is good.\n", k, k)
	}
	st := app.NewState(fixedClock)
	app.Update(st, app.Paste{Title: "long", Text: b.String()})
	require.NotEmpty(t, st.Doc)
	for i, p := range st.Paras {
		app.Update(st, app.Tag{Label: annotation.LabelSpeaker, Sel: app.Selection{Start: p.Start, End: p.Start + 10, Exact: true}})
		app.Update(st, app.Tag{Label: annotation.LabelClaim, Sel: app.Selection{Start: p.Start + 21, End: p.End - 1}})
		app.Update(st, app.LinkNearest{})
		require.Equal(t, 2*(i+1), st.Store.Len(), "paragraph %d", i)
	}
	app.Step(st, app.Select{ID: ""}) // forget what was to redraw
	return st
}

var dataID = regexp.MustCompile(`data-id="([^"]+)"`)

func drawnIDs(html string) []string {
	var ids []string
	for _, m := range dataID.FindAllStringSubmatch(html, -1) {
		ids = append(ids, m[1])
	}
	return ids
}

// countItems counts the annotation rows among rows [from, to).
func countItems(st *app.State, from, to int) int {
	n := 0
	for _, r := range st.ListRows()[from:min(to, len(st.ListRows()))] {
		if r.Annotation != nil {
			n++
		}
	}
	return n
}

// classExport is one person's export of the sample article: speaker
// "Tomas Reyes" and the claims given, each with a stance and linked to him.
func classExport(t *testing.T, who string, role string, claims map[string]string) app.TextFile {
	t.Helper()
	st := app.NewState(fixedClock)
	app.Update(st, app.LoadSample{})
	app.Update(st, app.SetAnnotator{Name: who})
	app.Update(st, app.Tag{Label: annotation.LabelSpeaker, Sel: cp(t, app.SampleText, "Tomas Reyes")})
	for quote, stance := range claims {
		app.Update(st, app.Tag{Label: annotation.LabelClaim, Sel: cp(t, app.SampleText, quote)})
		require.NotEmpty(t, st.Selected, st.Message.Text)
		app.Update(st, app.SetStance{Value: stance})
		app.Update(st, app.LinkNearest{})
	}
	p := st.Store.Project()
	p.Exercise = annotation.ExerciseRef{ID: "ex-1", Title: "Harbour", Role: role}
	data, err := native.Encode(p)
	require.NoError(t, err)
	return app.TextFile{Name: who + ".sayso.json", Data: data}
}

func classState(t *testing.T) *app.State {
	st := app.NewState(fixedClock)
	app.Update(st, app.AddCompareFiles{Files: []app.TextFile{
		classExport(t, "Teacher", "key", map[string]string{slowDeath: "against", customers: "against"}),
		classExport(t, "Ana", "", map[string]string{slowDeath: "against", customers: "against"}),
		classExport(t, "Ben", "", map[string]string{slowDeath: "favor"}),
		classExport(t, "Cleo", "", map[string]string{slowDeath: "against", customers: "neutral"}),
	}})
	require.True(t, st.Comparing)
	require.Len(t, st.Compare.Files, 4, st.Message.Text)
	return st
}

// teacherState is the sample article annotated by the teacher (the key)
// with an exercise drafted.
func teacherState(t *testing.T) *app.State {
	st := sampleState(t)
	app.Update(st, app.Tag{Label: annotation.LabelClaim, Sel: cp(t, app.SampleText, slowDeath)})
	app.Update(st, app.SetStance{Value: "against"})
	app.Update(st, app.SetNote{Value: secretNote})
	app.Update(st, app.ToggleExercise{})
	app.Update(st, app.SetExerciseField{Field: "title", Value: "Week 3: who said it?"})
	app.Update(st, app.SetExerciseField{Field: "instructions", Value: "Mark every **claim**.\n- Link it to its speaker."})
	assert.Contains(t, Exercise(st).String(), "Week 3: who said it?")
	return st
}

// exportOf is the native export of a project holding text with a claim on
// each quote given.
func exportOf(t *testing.T, title, body string, claims ...string) []byte {
	t.Helper()
	st := app.NewState(fixedClock)
	app.Update(st, app.Paste{Title: title, Text: body})
	for _, q := range claims {
		app.Update(st, app.Tag{Label: annotation.LabelClaim, Sel: cp(t, body, q)})
		require.NotEmpty(t, st.Selected, st.Message.Text)
		app.Update(st, app.SetNote{Value: "from the import"})
	}
	data, err := native.Encode(st.Store.Project())
	require.NoError(t, err)
	return data
}

func docTitles(st *app.State) []string {
	var out []string
	for _, d := range st.Store.Documents() {
		out = append(out, d.Title)
	}
	return out
}

const (
	slowDeath  = "“a slow death for small businesses.”"
	customers  = "half of his customers arrive by car"
	secretNote = "KEY-ONLY: the answer is against"
)
const harbourText = "The mayor said the harbour will reopen in May.\nCritics said the plan is too costly.\nThe council meets on Friday."

func selected(t *testing.T, st *app.State) *annotation.Annotation {
	t.Helper()
	a, ok := st.Store.Annotation(st.Selected)
	require.True(t, ok, "an annotation is selected")
	return a
}
