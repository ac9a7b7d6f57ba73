package view

import (
	"encoding/json"
	"go/ast"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/app"
	"sayso/internal/exercise"
	"sayso/internal/format/native"
	"sayso/internal/handinclient"
)

// attack is data written to get markup or a script into the page.
const attack = `<img src=x onerror=alert(1)> "><svg onload=alert(1)> javascript:alert(1) 'single' "double" & &amp; <script>alert(1)</script>`

// hostileViews is every function of the package that returns HTML built
// from data, each run on states full of attack: adding a view without
// adding it here fails TestEveryViewIsCheckedWithHostileData.
func hostileViews(t *testing.T) map[string]func() HTML {
	annotating := hostileAnnotating(t)
	teacher := hostileTeacher(t)
	student := hostileStudent(t, teacher)
	importing := hostileImport(t)
	comparing := hostileCompare(t)
	columns := hostileColumns(t)
	return map[string]func() HTML{
		"Paragraph":         func() HTML { return Paragraph(annotating, 0) },
		"Document":          func() HTML { return Document(annotating) },
		"PlainParagraph":    func() HTML { return PlainParagraph(annotating, 0) },
		"PlainDocument":     func() HTML { return PlainDocument(annotating) },
		"PlainSections":     func() HTML { return PlainSections(annotating, 0, Sections(annotating)) },
		"Inspector":         func() HTML { return Inspector(annotating) },
		"Sidebar":           func() HTML { return Sidebar(annotating) },
		"Tools":             func() HTML { return Tools(annotating) },
		"Legend":            func() HTML { return Legend(annotating) },
		"PrintList":         func() HTML { return PrintList(annotating) },
		"ExportMenu":        func() HTML { return ExportMenu(annotating) },
		"Shortcuts":         func() HTML { return Shortcuts(annotating) },
		"Documents":         func() HTML { return Documents(annotating) },
		"Schema":            func() HTML { return Schema(annotating) },
		"Exercise":          func() HTML { return Exercise(teacher) },
		"InstructionsPanel": func() HTML { return InstructionsPanel(student) },
		"Instructions":      func() HTML { return Instructions(attack + "\n- **" + attack + "**\n\n1. _" + attack + "_") },
		"ImportDialog":      func() HTML { return ImportDialog(importing) },
		"ColumnsDialog":     func() HTML { return ColumnsDialog(columns) },
		"Compare":           func() HTML { return Compare(comparing) },
		"Suggestions":       func() HTML { return Suggestions(hostileSuggesting(t)) },
		"Question":          func() HTML { return Question(hostileQuestion(t)) },
		"SetupMenu":         func() HTML { return SetupMenu(annotating) },
		"ExerciseHandIn":    func() HTML { return ExerciseHandIn(hostileBoxes(teacher)) },
		"HandInButton":      func() HTML { return HandInButton(hostileBoxes(student)) },
		"CompareBoxes":      func() HTML { return CompareBoxes(hostileBoxes(comparing)) },
		"HandInRoster":      func() HTML { return HandInRoster(attack, hostileRoster()) },
		"TextEditor": func() HTML {
			annotating.TextEditor = true
			defer func() { annotating.TextEditor = false }()
			return TextEditor(annotating)
		},
	}
}

// hostileVariants are views of hostileViews again, on states that draw
// parts the first state does not: a mention whose speaker is undecided
// (the speaker choice, its candidates named by attacks).
func hostileVariants(t *testing.T) map[string]func() HTML {
	return map[string]func() HTML{
		"Inspector of an undecided mention": func() HTML { return Inspector(hostileUndecided(t)) },
	}
}

// hostileUndecided has two speakers named "… Mallory" by attacks and a
// later mention "Mallory", selected, that could be either.
func hostileUndecided(t *testing.T) *app.State {
	t.Helper()
	const body = "Ann Mallory said yes. Bob Mallory said no. Then Mallory left."
	st := app.NewState(fixedClock)
	app.Update(st, app.Paste{Title: attack, Text: body})
	app.Update(st, app.Tag{Label: annotation.LabelSpeaker, Sel: cp(t, body, "Ann Mallory")})
	app.Update(st, app.RenameSpeaker{Name: attack + " Mallory"})
	app.Update(st, app.Tag{Label: annotation.LabelSpeaker, Sel: cp(t, body, "Bob Mallory")})
	app.Update(st, app.RenameSpeaker{Name: attack + "2 Mallory"})
	at := cp(t, body, "Mallory left")
	app.Update(st, app.Tag{Label: annotation.LabelSpeaker, Sel: app.Selection{Start: at.Start, End: at.Start + len("Mallory")}})
	m, ok := st.Store.Annotation(st.Selected)
	require.True(t, ok)
	require.Equal(t, "Mallory", m.Quote)
	require.Empty(t, m.Speaker, "the mention is undecided")
	require.Len(t, st.Store.SpeakerCandidates(m.Quote), 2)
	return st
}

func TestEveryViewEscapesHostileData(t *testing.T) {
	views := hostileViews(t)
	for name, build := range hostileVariants(t) {
		views[name] = build
	}
	for name, build := range views {
		t.Run(name, func(t *testing.T) {
			html := build().String()
			require.NotEmpty(t, html, "the view must show the attack to prove it escapes it")
			assertOnlyOwnMarkup(t, html)
			assert.NotContains(t, html, "<img")
			assert.NotContains(t, html, "<svg")
			assert.NotContains(t, html, "<script")
			assert.NotContains(t, html, `"><svg`, "no attribute value is closed by data")
			if name != "ExportMenu" && name != "SetupMenu" { // the app's own words: no data of the person's
				assert.Contains(t, html, "&lt;", "the attack is shown, escaped")
			}
		})
	}
}

// TestEveryViewIsCheckedWithHostileData lists the package's exported
// functions that return HTML and requires each in hostileViews.
func TestEveryViewIsCheckedWithHostileData(t *testing.T) {
	views := hostileViews(t)
	_, files := viewSource(t)
	found := 0
	for _, f := range files {
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || !fn.Name.IsExported() || fn.Recv != nil || fn.Type.Results == nil {
				continue
			}
			for _, r := range fn.Type.Results.List {
				if id, ok := r.Type.(*ast.Ident); ok && id.Name == "HTML" {
					found++
					assert.Contains(t, views, fn.Name.Name, "view %s is not in hostileViews", fn.Name.Name)
				}
			}
		}
	}
	assert.Equal(t, len(views), found, "hostileViews lists a function that is not a view")
}

// TestThePageShowsHostileDataEscaped builds the whole page, every panel
// open, on hostile states.
func TestThePageShowsHostileDataEscaped(t *testing.T) {
	for _, st := range []*app.State{hostileAnnotating(t), hostileCompare(t), hostileColumns(t)} {
		st.DocsPanel, st.SchemaPanel, st.ExercisePanel, st.Help, st.ExportMenu = true, true, true, true, true
		p := Build(st)
		for name, h := range map[string]HTML{"Compare": p.Compare, "Tools": p.Tools, "Documents": p.Documents,
			"Exercise": p.Exercise, "Instructions": p.Instructions, "ImportDialog": p.ImportDialog, "ColumnsDialog": p.ColumnsDialog, "Schema": p.Schema,
			"Sidebar": p.List.Head, "Inspector": p.Inspector, "ExportMenu": p.ExportMenu, "Help": p.Help} {
			assertOnlyOwnMarkup(t, h.String())
			assert.NotContains(t, h.String(), "<img", name)
		}
		for i, row := range p.List.Rows {
			assertOnlyOwnMarkup(t, row.String())
			assert.NotContains(t, row.String(), "<img", "row %d of the side list", i)
		}
	}
}

// hostileAnnotating is a project where every name is an attack: title,
// text, note, target, speaker, annotator, label, stance, documents.
func hostileAnnotating(t *testing.T) *app.State {
	t.Helper()
	st := app.NewState(fixedClock)
	app.Update(st, app.Paste{Title: attack, Text: "Intro " + attack + " said Bob.\nSecond paragraph."})
	body, _, _ := st.Store.Document(st.Doc)
	sel := cp(t, body.Text, attack)
	sel.Exact = true
	app.Update(st, app.Tag{Label: annotation.LabelClaim, Sel: sel})
	app.Update(st, app.SetNote{Value: attack})
	app.Update(st, app.SetTarget{Value: attack})
	claim := st.Selected
	app.Update(st, app.Tag{Label: annotation.LabelSpeaker, Sel: cp(t, body.Text, "Bob")})
	app.Update(st, app.RenameSpeaker{Name: attack})
	app.Update(st, app.SetAnnotator{Name: attack})
	app.Update(st, app.AddPasted{Title: attack, Text: attack})
	app.Update(st, app.ShowDocument{ID: st.Store.Documents()[0].ID})
	app.Update(st, app.AddLabel{Name: "x" + attack, Key: "<"})
	app.Update(st, app.AddStanceValue{Value: attack})
	require.Len(t, st.Store.Schema().Stances, 5, st.Message.Text)
	app.Update(st, app.Select{ID: claim})
	app.Update(st, app.SetStance{Value: attack})
	app.Update(st, app.LinkNearest{})
	return st
}

// hostileQuestion asks whether to remove a stance value named by an
// attack, which a claim uses: the question names it.
func hostileQuestion(t *testing.T) *app.State {
	t.Helper()
	st := hostileAnnotating(t)
	app.Step(st, app.RemoveStanceValue{Value: attack})
	require.NotNil(t, st.Question)
	return st
}

// hostileTeacher is a teacher's exercise with an attack for title,
// instructions and document titles.
func hostileTeacher(t *testing.T) *app.State {
	t.Helper()
	st := hostileAnnotating(t)
	app.Update(st, app.ToggleExercise{})
	app.Update(st, app.SetExerciseField{Field: "title", Value: attack})
	app.Update(st, app.SetExerciseField{Field: "instructions", Value: attack + "\n- **" + attack + "**"})
	return st
}

// hostileStudent is a student who opened the teacher's exercise.
func hostileStudent(t *testing.T, teacher *app.State) *app.State {
	t.Helper()
	effects := app.Update(teacher, app.ExportExercise{})
	require.NotEmpty(t, effects, teacher.Message.Text)
	st := app.NewState(fixedClock)
	app.Update(st, app.OpenExercise{Name: "x", Data: effects[0].(app.Download).Data})
	app.Update(st, app.SetStudentName{Name: attack})
	require.NotEmpty(t, st.Doc, st.Message.Text)
	return st
}

// hostileImport waits for the person's choice on a file whose document
// titles and name are attacks.
func hostileImport(t *testing.T) *app.State {
	t.Helper()
	st := sampleState(t)
	p := st.Store.Project()
	p.Documents[0].Title = attack
	data, err := native.Encode(p)
	require.NoError(t, err)
	app.Update(st, app.ImportInto{Name: attack, Data: data})
	require.NotNil(t, st.Import, st.Message.Text)
	return st
}

// hostileColumns asks which columns of a file hold what, the file's name
// and every column's name an attack.
func hostileColumns(t *testing.T) *app.State {
	t.Helper()
	st := sampleState(t)
	data, err := json.Marshal(map[string]any{
		attack + "1": "Ann said it rains.", attack + "2": "Bob wrote.",
		attack + "3": [][]any{{0, 3, "speaker"}}, attack + "4": [][]any{{4, 8, "cue"}},
	})
	require.NoError(t, err)
	app.Update(st, app.ImportInto{Name: attack, Data: data})
	require.NotNil(t, st.Columns, st.Message.Text)
	return st
}

// hostileCompare compares students whose names, speakers and quotes are
// attacks.
func hostileCompare(t *testing.T) *app.State {
	t.Helper()
	var files []app.TextFile
	for _, who := range []string{attack, attack + "2", attack + "3"} {
		s := app.NewState(fixedClock)
		app.Update(s, app.Paste{Title: attack, Text: "Intro " + attack + " said Bob.\nSecond paragraph."})
		body, _, _ := s.Store.Document(s.Doc)
		app.Update(s, app.SetAnnotator{Name: who})
		app.Update(s, app.Tag{Label: annotation.LabelSpeaker, Sel: cp(t, body.Text, "Bob")})
		app.Update(s, app.RenameSpeaker{Name: attack})
		sel := cp(t, body.Text, attack)
		sel.Exact = true
		app.Update(s, app.Tag{Label: annotation.LabelClaim, Sel: sel})
		app.Update(s, app.SetStanceIndex{N: 1})
		app.Update(s, app.LinkNearest{})
		data, err := native.Encode(s.Store.Project())
		require.NoError(t, err)
		files = append(files, app.TextFile{Name: attack + ".sayso.json", Data: data})
	}
	st := app.NewState(fixedClock)
	app.Update(st, app.OpenCompare{})
	app.Update(st, app.AddCompareFiles{Files: files})
	require.Len(t, st.Compare.Files, 3, st.Message.Text)
	return st
}

// hostileSuggesting has suggestions whose quotes and speaker names are
// attacks.
func hostileSuggesting(t *testing.T) *app.State {
	t.Helper()
	st := app.NewState(fixedClock)
	app.Update(st, app.Paste{Title: attack, Text: "“" + attack + ",” said Mayor Ann Lee.\n\nLee said that " + attack + " would close."})
	effects := app.Update(st, app.Suggest{})
	for len(effects) > 0 {
		effects = app.Update(st, app.SuggestMore{})
	}
	list, _ := st.Suggestions()
	require.NotEmpty(t, list)
	return st
}

// hostileBoxes gives st hand-in boxes whose every field is an attack, as a
// tampered key file or browser storage could: the opened box, the boxes
// kept with a failed and a known state, a student's box and receipt.
func hostileBoxes(st *app.State) *app.State {
	o := handinclient.Owner{Origin: attack, Box: attack, Secret: attack, ExerciseID: attack, ExerciseTitle: attack}
	st.HandIn.Origin = attack
	st.HandIn.Collect = true
	st.HandIn.Opened = &app.OpenedBox{Owner: o, HandIn: exercise.HandIn{Origin: attack, Box: attack, Code: attack}}
	o2 := o
	o2.Box = attack + "2"
	st.HandIn.Boxes = []handinclient.Owner{o, o2}
	st.HandIn.Status = map[string]app.BoxStatus{attack: {Err: attack}, o2.Box: {State: &handinclient.State{Closed: true, HandIns: 2}, Fetched: 2, Roster: hostileRoster()}}
	st.HandIn.Box = &exercise.HandIn{Origin: attack, Box: attack, Code: attack}
	st.HandIn.BoxExercise = st.Store.Exercise().ID
	st.HandIn.Receipt = &handinclient.Receipt{Student: attack, Received: attack, SHA256: attack, ID: attack}
	return st
}

// hostileRoster is a box's roster where every name is an attack.
func hostileRoster() *app.Roster {
	return &app.Roster{Documents: []string{attack, attack + "2"}, Rows: []app.RosterRow{
		{Who: attack, Received: attack, Versions: 2, Counts: []int{1, 0}},
		{Who: attack + "2", Received: attack},
	}}
}
