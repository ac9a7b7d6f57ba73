//go:build !js

package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/app"
	"sayso/internal/browsertest"
	"sayso/internal/exchange"
	"sayso/internal/exercise"
	"sayso/internal/format/native"
	"sayso/internal/offline"
	"sayso/internal/workedclass"
)

const (
	keyNote     = "KEY ONLY: Reyes is against the plan"
	slowDeath   = "“a slow death for small businesses.”"
	ourStreets  = "“Our streets were built for people, not for parking,”"
	exTitle     = "Week 3 who said it"
	exFile      = exTitle + exercise.Extension
	exPage      = "sayso-" + exTitle + ".html"
	keyFileName = exTitle + " – answer key.sayso.json"
)

// claimBy tags a speaker, then a claim with a stance (a digit key) linked
// to that speaker, by selecting text and pressing keys as a person does.
func claimBy(p *browsertest.Page, speaker, claim, stanceKey string) {
	p.T.Helper()
	p.SelectText(speaker, 0)
	p.Press("s")
	p.SelectText(claim, 0)
	p.Press("c")
	if stanceKey != "" {
		p.Press(stanceKey)
	}
	p.Press("l")
}

// TestAClassroomExerciseFromHandOutToGoldSet plays the whole story: the
// teacher builds an exercise with a key from the sample article and
// exports the files; three students, each in their own browser profile,
// annotate through the offline page from file:// and export; the teacher
// compares, sees the scores and the agreement, adjudicates, and exports
// the gold set.
func TestAClassroomExerciseFromHandOutToGoldSet(t *testing.T) {
	site := serveSite(t)
	teacher := browsertest.Open(t, site, "")
	teacher.AcceptDialogs()
	teacher.Click(`[data-action="sample"]`)
	claimBy(teacher, "Tomas Reyes", slowDeath, "2")
	teacher.Click("#inspector textarea")
	teacher.Type(keyNote)
	teacher.Press("\t")
	claimBy(teacher, "Mayor Ines Okafor", ourStreets, "1")
	teacher.WaitFor(sidebarCount + ` === 4`)

	teacher.Click("#setup-button")
	teacher.Click(`#setup-menu [data-action="exercise"]`)
	teacher.WaitFor(`!document.getElementById("exercise").hidden`)
	typeInto(teacher, `#exercise [data-field="exercise-title"]`, "Week 3: who said it?")
	teacher.Click(`#exercise [data-field="exercise-instructions"]`)
	teacher.Type("Mark every **claim** and its speaker.\n- Give each claim a stance.")
	teacher.Press("\t")
	teacher.Click(`[data-action="exercise-export"]`)
	exData := teacher.WaitDownload(exFile)
	teacher.Click(`[data-action="exercise-page"]`)
	page := teacher.WaitDownload(exPage)
	teacher.Click(`[data-action="exercise-key"]`)
	key := teacher.WaitDownload(keyFileName)

	// The answer key never travels to the students.
	for name, data := range map[string][]byte{exFile: exData, exPage: page} {
		assert.NotContains(t, string(data), "KEY ONLY", "%s holds the key's note", name)
		assert.NotContains(t, string(data), `"annotations"`, "%s holds annotations", name)
	}
	embedded, ok := offline.Extract(page)
	require.True(t, ok, "the offline page holds the exercise")
	ex, err := exercise.Decode(embedded)
	require.NoError(t, err)
	assert.Contains(t, string(key), keyNote)

	// Three students, three profiles, the offline page from file://.
	dir := t.TempDir()
	pagePath := filepath.Join(dir, exPage)
	require.NoError(t, os.WriteFile(pagePath, page, 0o644))
	students := []struct {
		name string
		work func(p *browsertest.Page)
	}{
		{"Ana", func(p *browsertest.Page) { // as the key
			claimBy(p, "Tomas Reyes", slowDeath, "2")
			claimBy(p, "Mayor Ines Okafor", ourStreets, "1")
		}},
		{"Ben", func(p *browsertest.Page) { // one claim, the wrong stance
			claimBy(p, "Tomas Reyes", slowDeath, "1")
		}},
		{"Cleo", func(p *browsertest.Page) { // both claims, one stance differs
			claimBy(p, "Tomas Reyes", slowDeath, "2")
			claimBy(p, "Mayor Ines Okafor", ourStreets, "3")
		}},
	}
	var exports []string
	for _, s := range students {
		p := browsertest.Open(t, "file://"+filepath.ToSlash(pagePath), filepath.Join(t.TempDir(), "profile-"+s.name))
		p.WaitFor(`!document.getElementById("name-dialog").hidden`)
		assert.Contains(t, p.Text("#instructions"), "Give each claim a stance.")
		assert.Equal(t, 0, browsertest.Eval[int](p, sidebarCount), "the student starts with no annotation")
		if s.name == "Ana" {
			browsertest.Screenshot(t, p.Ctx, "student-offline-page")
		}
		p.Click("#student-name")
		p.Type(s.name)
		p.Press("\r")
		p.WaitFor(`document.getElementById("name-dialog").hidden`)
		s.work(p)
		p.Click("#export")
		data := p.WaitDownload("Week 3 who said it – " + s.name + ".sayso.json")
		var f struct {
			Annotator string
			Exercise  struct{ ID string }
			Documents []struct{ SHA256 string }
		}
		require.NoError(t, json.Unmarshal(data, &f))
		assert.Equal(t, s.name, f.Annotator)
		assert.Equal(t, ex.ID, f.Exercise.ID)
		require.Len(t, f.Documents, 1)
		path := filepath.Join(dir, s.name+".sayso.json")
		require.NoError(t, os.WriteFile(path, data, 0o644))
		exports = append(exports, path)
	}

	// The teacher compares.
	keyPath := filepath.Join(dir, "key.sayso.json")
	require.NoError(t, os.WriteFile(keyPath, key, 0o644))
	teacher.Press("\u001b")
	teacher.Click("#compare-button")
	teacher.WaitFor(`!document.getElementById("compare").hidden`)
	teacher.Do(chromedp.SetUploadFiles("#compare-files", append([]string{keyPath}, exports...)))
	teacher.WaitFor(`document.querySelectorAll("#compare table.scores tbody tr").length === 3`)
	rows := browsertest.Eval[string](teacher, `[...document.querySelectorAll("#compare table.scores tbody tr")].map(r => [...r.cells].map(c => c.textContent).join(",")).join("\n")`)
	lines := strings.Split(rows, "\n")
	assert.True(t, strings.HasPrefix(lines[0], "Ana,1.00,1.00,1.00,1.00,1.00,1.00,1.00,100.0"), "Ana matches the key: %s", lines[0])
	byName := map[string]string{}
	for _, l := range lines {
		byName[strings.SplitN(l, ",", 2)[0]] = l
	}
	assert.Contains(t, byName["Ben"], ",0.67,0.67,1.00,0.50,", "Ben found one of two claims")
	assert.Contains(t, byName["Cleo"], ",0.50,1.00,", "Cleo: one stance of two right, attribution right")
	// Among the three students: slow death against/favor/against and
	// our streets favor/neutral. Alpha: observed (9−5)/2 + (4−2)/1 = 4;
	// values against 2, favor 2, neutral 1, n = 5, expected 25 − 9 = 16;
	// alpha = 1 − 4·4/16 = 0. Kappa on the slow death alone (all three
	// marked it): P = (4+1−3)/6 = 1/3, Pe = (2/3)² + (1/3)² = 5/9,
	// kappa = (1/3 − 5/9)/(4/9) = −0.5. Pairwise F1: Ana–Ben 2/3,
	// Ana–Cleo 1, Ben–Cleo 2/3, mean 7/9.
	assert.Equal(t, "0.000", teacher.Text("#alpha"), "Krippendorff's alpha")
	assert.Equal(t, "-0.500", teacher.Text("#kappa"), "Fleiss' kappa")
	assert.Equal(t, "0.78", teacher.Text("#pairwise-f1"), "mean pairwise F1")
	assert.Contains(t, teacher.Text("#compare"), "Krippendorff")
	assert.Contains(t, teacher.Text("#compare"), "Fleiss")
	assert.Greater(t, browsertest.Eval[int](teacher, `document.querySelectorAll("#heat mark").length`), 1, "the heat map shades what students marked")
	browsertest.Screenshot(t, teacher.Ctx, "compare-view")

	// Adjudicate: the claim only Ben... all marked is accepted; open the
	// gold set and export it in every format.
	teacher.WaitFor(`document.querySelectorAll('#compare [data-field="accept"]').length > 0`)
	teacher.Click(`[data-action="adopt-gold"]`)
	teacher.WaitFor(`!document.getElementById("workspace").hidden`)
	teacher.WaitFor(sidebarCount + ` === 4`)
	assert.Contains(t, teacher.Text("#sidebar"), "against")
	for _, f := range exchange.Formats() {
		teacher.Click("#export-more")
		teacher.Click(`#export-menu [data-format="` + f.ID + `"]`)
		assert.NotEmpty(t, teacher.WaitDownload(app.FileName(app.SampleTitle)+f.Extension), f.Name)
	}
}

// TestCompareShowsTheWorkedClassScoresAndAgreement drops the key and the
// four students of package workedclass on Compare and reads every number
// off the page. The values are worked out by hand, with the arithmetic, in
// internal/agreement/worked_class_test.go.
func TestCompareShowsTheWorkedClassScoresAndAgreement(t *testing.T) {
	dir := t.TempDir()
	key, err := workedclass.Key()
	require.NoError(t, err)
	students, err := workedclass.Students()
	require.NoError(t, err)
	write := func(name string, p annotation.Project) string {
		data, err := native.Encode(p)
		require.NoError(t, err)
		path := filepath.Join(dir, name+".sayso.json")
		require.NoError(t, os.WriteFile(path, data, 0o644))
		return path
	}
	files := []string{write("key", key)}
	for i, p := range students {
		files = append(files, write(workedclass.Names()[i], p))
	}

	p := browsertest.Open(t, serveSite(t), "")
	p.Click("#compare-button")
	p.WaitFor(`!document.getElementById("compare").hidden`)
	p.Do(chromedp.SetUploadFiles("#compare-files", files))
	p.WaitFor(`document.querySelectorAll("#compare table.scores tbody tr").length === 4`)

	// Sorted by score, highest first. Columns: student, claims F1 exact,
	// claims F1 overlap, claims precision, claims recall, speakers F1
	// (overlap), stance accuracy, attribution accuracy, score.
	rows := browsertest.Eval[[][]string](p, `[...document.querySelectorAll("#compare table.scores tbody tr")].map(r => [...r.cells].map(c => c.textContent))`)
	assert.Equal(t, [][]string{
		{"Ana", "1.00", "1.00", "1.00", "1.00", "1.00", "1.00", "1.00", "100.0"},
		{"Dev", "0.75", "1.00", "1.00", "1.00", "0.75", "0.50", "0.75", "80.0"},
		{"Cleo", "0.57", "0.86", "1.00", "0.75", "0.86", "0.67", "0.67", "78.1"},
		{"Ben", "0.50", "0.75", "0.75", "0.75", "0.67", "0.67", "0.67", "70.0"},
	}, rows)

	// Agreement among the four students (the key is not one of them).
	assert.Equal(t, "0.80", p.Text("#pairwise-f1"), "mean pairwise F1 = 33.5/42")
	assert.Equal(t, "0.373", p.Text("#alpha"), "Krippendorff's alpha = 19/51")
	assert.Equal(t, "-0.016", p.Text("#kappa"), "Fleiss' kappa = −1/63")
	assert.Contains(t, p.Text("#compare"), "marked by ≥ 2 of 4 annotators")
	browsertest.Screenshot(t, p.Ctx, "compare-worked-class")
}
