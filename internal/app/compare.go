package app

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"sayso/internal/agreement"
	"sayso/internal/annotation"
	"sayso/internal/exchange"
	"sayso/internal/merge"
	"sayso/internal/text"
	"sayso/internal/wording"
)

// The compare view: a teacher drops the exports of a class (and the answer
// key) and sees, per student, scores against the key; among students, how
// far they agree; where in the text they marked; and adjudicates a gold
// set from the candidates. Everything is computed here, in the page.

// Compare is the state of the compare view.
type Compare struct {
	Files   []CompareFile
	Key     int // index of the answer key in Files, -1 when there is none
	Weights agreement.Weights
	SortBy  string // column of the score table
	Desc    bool
	Doc     string // the reference document shown in the heat map
	// HeatLabel is the label the heat map counts ("" for claims).
	HeatLabel string
	// Candidates for the gold set, with the teacher's accept choices.
	Candidates []agreement.Candidate
	candidates bool // Candidates were computed for the current files

	reports []agreement.Report
	scored  bool
	// memo holds values computed from the files alone (the view's
	// sections), by name, until the files, the key or what is counted
	// change.
	memo map[string]any
	// err is why the scores could not be computed, shown in the table.
	err string
}

// CompareFile is one dropped export.
type CompareFile struct {
	Name    string // file name
	Who     string // the annotator's name, or the file name
	Project annotation.Project
	Include bool     // counted in scores and agreement
	Notices []string // why it is flagged (another exercise, changed text)
}

// OpenCompare shows the compare view.
type OpenCompare struct{}

// CloseCompare leaves the compare view, keeping what was dropped.
type CloseCompare struct{}

// AddCompareFiles adds exports to compare.
type AddCompareFiles struct{ Files []TextFile }

// SetCompareKey makes file i the answer key (-1: no key).
type SetCompareKey struct{ Index int }

// IncludeCompareFile counts file i in (or leaves it out of) the results.
type IncludeCompareFile struct {
	Index   int
	Include bool
}

// RemoveCompareFile forgets file i.
type RemoveCompareFile struct{ Index int }

// SortCompare sorts the score table by a column; the same column again
// reverses the order.
type SortCompare struct{ Column string }

// SetCompareWeight changes one weight of the score ("claims", "speakers",
// "stance", "attribution").
type SetCompareWeight struct {
	Name  string
	Value float64
}

// ShowCompareDocument chooses the document and label of the heat map
// ("" keeps the current one).
type ShowCompareDocument struct{ ID, Label string }

// AcceptCandidate accepts or rejects candidate i for the gold set.
type AcceptCandidate struct {
	Index  int
	Accept bool
}

// ExportScores downloads the score table as CSV.
type ExportScores struct{}

// AdoptGold makes the accepted candidates the open project (the gold set),
// which then exports in every format.
type AdoptGold struct{}

func (OpenCompare) isAction()         {}
func (CloseCompare) isAction()        {}
func (AddCompareFiles) isAction()     {}
func (SetCompareKey) isAction()       {}
func (IncludeCompareFile) isAction()  {}
func (RemoveCompareFile) isAction()   {}
func (SortCompare) isAction()         {}
func (SetCompareWeight) isAction()    {}
func (ShowCompareDocument) isAction() {}
func (AcceptCandidate) isAction()     {}
func (ExportScores) isAction()        {}
func (AdoptGold) isAction()           {}

// applyCompareAction applies the compare actions; ok is false for others.
func (st *State) applyCompareAction(a Action) (effects []Effect, ok bool) {
	if !isCompareAction(a) {
		return nil, false
	}
	if st.Compare == nil {
		st.Compare = &Compare{Key: -1, Weights: agreement.DefaultWeights(), SortBy: "score", Desc: true}
	}
	c := st.Compare
	switch a := a.(type) {
	case OpenCompare:
		st.Comparing = true
	case CloseCompare:
		st.Comparing = false
	case AddCompareFiles:
		st.Comparing = true
		st.addCompareFiles(a.Files)
	case SetCompareKey:
		if a.Index >= -1 && a.Index < len(c.Files) {
			c.Key = a.Index
			c.changed()
		}
	case IncludeCompareFile:
		if a.Index >= 0 && a.Index < len(c.Files) {
			c.Files[a.Index].Include = a.Include
			c.changed()
		}
	case RemoveCompareFile:
		if a.Index >= 0 && a.Index < len(c.Files) {
			c.Files = append(c.Files[:a.Index], c.Files[a.Index+1:]...)
			switch {
			case c.Key == a.Index:
				c.Key = -1
			case c.Key > a.Index:
				c.Key--
			}
			c.changed()
		}
	case SortCompare:
		if c.SortBy == a.Column {
			c.Desc = !c.Desc
		} else {
			c.SortBy, c.Desc = a.Column, a.Column != "name"
		}
	case SetCompareWeight:
		w := c.Weights
		switch a.Name {
		case "claims":
			w.Claims = a.Value
		case "speakers":
			w.Speakers = a.Value
		case "stance":
			w.Stance = a.Value
		case "attribution":
			w.Attribution = a.Value
		}
		if w.Claims < 0 || w.Speakers < 0 || w.Stance < 0 || w.Attribution < 0 || w.Claims+w.Speakers+w.Stance+w.Attribution == 0 {
			st.fail("Weights are 0 or more, and at least one is above 0.")
			break
		}
		c.Weights = w
		c.scored = false
	case ShowCompareDocument:
		if a.ID != "" {
			c.Doc = a.ID
		}
		if a.Label != "" {
			c.HeatLabel = a.Label
		}
	case AcceptCandidate:
		st.CompareCandidates()
		if a.Index >= 0 && a.Index < len(c.Candidates) {
			c.Candidates[a.Index].Accept = a.Accept
		}
	case ExportScores:
		return st.exportScores(), true
	case AdoptGold:
		st.adoptGold()
	}
	return nil, true
}

func isCompareAction(a Action) bool {
	switch a.(type) {
	case OpenCompare, AddCompareFiles, CloseCompare, SetCompareKey, IncludeCompareFile, RemoveCompareFile, SortCompare,
		SetCompareWeight, ShowCompareDocument, AcceptCandidate, ExportScores, AdoptGold:
		return true
	}
	return false
}

// changed forgets the results computed from the files.
func (c *Compare) changed() {
	c.scored, c.candidates = false, false
	c.Candidates = nil
	c.memo = nil
}

// Memo returns the value called name, computing it once per set of
// files: the views keep what they build from the files alone here.
func (c *Compare) Memo(name string, compute func() any) any {
	if v, ok := c.memo[name]; ok {
		return v
	}
	if c.memo == nil {
		c.memo = map[string]any{}
	}
	c.memo[name] = compute()
	return c.memo[name]
}

// addCompareFiles reads exports; a file that is not a Sayso project is
// reported and left out; a file of another exercise or with another text
// is added, flagged and not counted until the teacher includes it.
func (st *State) addCompareFiles(files []TextFile) {
	c := st.Compare
	var problems []string
	for _, f := range files {
		store, _, err := exchange.OpenProject(f.Data, st.clock)
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s: %v", quoteName(f.Name), err))
			continue
		}
		p := store.Project()
		who := strings.TrimSpace(p.Annotator)
		if who == "" {
			who = strings.TrimSuffix(f.Name, ".sayso.json")
		}
		cf := CompareFile{Name: f.Name, Who: who, Project: p, Include: true}
		c.Files = append(c.Files, cf)
		if p.Exercise.Role == "key" && c.Key < 0 {
			c.Key = len(c.Files) - 1
		}
	}
	st.flagCompareFiles()
	c.changed()
	msg := fmt.Sprintf("%s to compare.", wording.Count(len(c.Files), "file"))
	if len(problems) > 0 {
		st.fail(msg + " Not read:\n" + strings.Join(problems, "\n"))
		return
	}
	st.info(msg)
}

// Reference is the project the others are measured against: the key, or
// else the first file.
func (c *Compare) Reference() (annotation.Project, bool) {
	switch {
	case c.Key >= 0 && c.Key < len(c.Files):
		return c.Files[c.Key].Project, true
	case len(c.Files) > 0:
		return c.Files[0].Project, true
	}
	return annotation.Project{}, false
}

// flagCompareFiles flags files made for another exercise, or whose texts
// differ from the reference's, and leaves them out until included.
func (st *State) flagCompareFiles() {
	c := st.Compare
	ref, ok := c.Reference()
	if !ok {
		return
	}
	hashes := map[string]bool{}
	for _, d := range ref.Documents {
		hashes[text.Hash(d.Text)] = true
	}
	for i := range c.Files {
		f := &c.Files[i]
		if f.Notices != nil {
			continue // flagged when added; the teacher decides
		}
		f.Notices = []string{}
		if ref.Exercise.ID != "" && f.Project.Exercise.ID != ref.Exercise.ID {
			other := f.Project.Exercise.Title
			if other == "" {
				other = "no exercise"
			}
			f.Notices = append(f.Notices, fmt.Sprintf("made for another exercise (%s)", other))
		}
		var changed []string
		for _, d := range f.Project.Documents {
			if !hashes[text.Hash(d.Text)] {
				changed = append(changed, d.Title)
			}
		}
		if len(f.Notices) > 0 {
			f.Include = false // another exercise: the teacher decides
			continue
		}
		if len(changed) > 0 {
			f.Notices = append(f.Notices, reanchorOnto(ref, f, changed))
		}
	}
}

// Annotators are the included files other than the key.
func (c *Compare) Annotators() []agreement.Annotator {
	var out []agreement.Annotator
	for i, f := range c.Files {
		if f.Include && i != c.Key {
			out = append(out, agreement.Annotator{Name: f.Who, Project: f.Project})
		}
	}
	return out
}

// Reports are the students' results against the key, sorted as asked.
func (c *Compare) Reports() ([]agreement.Report, string) {
	if c.Key < 0 {
		return nil, "Choose the answer key (the “Key” column) to score the students against it. Without one (a team labelling a dataset), agreement and adjudication below work all the same."
	}
	if !c.scored {
		c.reports, c.err = nil, ""
		key := agreement.Annotator{Name: c.Files[c.Key].Who, Project: c.Files[c.Key].Project}
		reports, err := agreement.CompareAll(key, c.Annotators(), c.Weights)
		if err != nil {
			c.err = err.Error()
		}
		c.reports = reports
		c.scored = true
	}
	sorted := append([]agreement.Report(nil), c.reports...)
	sort.SliceStable(sorted, func(i, j int) bool {
		a, b := reportValue(sorted[i], c.SortBy), reportValue(sorted[j], c.SortBy)
		if c.SortBy == "name" {
			if c.Desc {
				return sorted[i].Annotator > sorted[j].Annotator
			}
			return sorted[i].Annotator < sorted[j].Annotator
		}
		if c.Desc {
			return a > b
		}
		return a < b
	})
	return sorted, c.err
}

// scoreColumns are the sortable columns of the score table.
var scoreColumns = []struct{ ID, Name string }{
	{"name", "Student"},
	{"claims-exact", "Claims F1 (exact)"},
	{"claims-overlap", "Claims F1 (overlap)"},
	{"claims-p", "Claims precision"},
	{"claims-r", "Claims recall"},
	{"speakers-overlap", "Speakers F1 (overlap)"},
	{"stance", "Stance accuracy"},
	{"attribution", "Attribution accuracy"},
	{"score", "Score"},
}

func reportValue(r agreement.Report, col string) float64 {
	switch col {
	case "claims-exact":
		return r.Claims.Exact.F1
	case "claims-overlap":
		return r.Claims.Overlap.F1
	case "claims-p":
		return r.Claims.Overlap.Precision
	case "claims-r":
		return r.Claims.Overlap.Recall
	case "speakers-overlap":
		return r.Speakers.Overlap.F1
	case "stance":
		return r.Stance.Value
	case "attribution":
		return r.Attribution.Value
	}
	return r.Score
}

// ScoreColumns are the sortable columns of the score table, by id and
// name.
func ScoreColumns() []struct{ ID, Name string } {
	return append([]struct{ ID, Name string }(nil), scoreColumns...)
}

// ReportCells are a report's cells in ScoreColumns order.
func ReportCells(r agreement.Report) []string {
	cells := []string{r.Annotator}
	for _, col := range scoreColumns[1 : len(scoreColumns)-1] {
		cells = append(cells, strconv.FormatFloat(reportValue(r, col.ID), 'f', 2, 64))
	}
	return append(cells, strconv.FormatFloat(r.Score, 'f', 1, 64))
}

// exportScores downloads the score table as CSV (RFC 4180, UTF-8).
func (st *State) exportScores() []Effect {
	reports, why := st.Compare.Reports()
	if len(reports) == 0 {
		if why == "" {
			why = "There is no student to score yet: drop their exports here."
		}
		st.info(why)
		return nil
	}
	var b strings.Builder
	row := func(cells []string) {
		for i, c := range cells {
			if i > 0 {
				b.WriteByte(',')
			}
			if strings.ContainsAny(c, ",\"\r\n") || strings.HasPrefix(c, "=") || strings.HasPrefix(c, "+") || strings.HasPrefix(c, "-") || strings.HasPrefix(c, "@") {
				if strings.ContainsAny(c[:1], "=+-@") {
					c = "'" + c // spreadsheets must not run it
				}
				c = `"` + strings.ReplaceAll(c, `"`, `""`) + `"`
			}
			b.WriteString(c)
		}
		b.WriteString("\r\n")
	}
	var head []string
	for _, col := range scoreColumns {
		head = append(head, col.Name)
	}
	row(head)
	for _, r := range reports {
		row(ReportCells(r))
	}
	return []Effect{Download{Name: "scores.csv", Type: "text/csv;charset=utf-8", Data: []byte(b.String())}}
}

// CompareCandidates computes the adjudication candidates once per set of
// files: every included file but the key, and the key too when there is
// one (the teacher's view counts).
func (st *State) CompareCandidates() []agreement.Candidate {
	c := st.Compare
	if !c.candidates {
		var all []agreement.Annotator
		for _, f := range c.Files {
			if f.Include {
				all = append(all, agreement.Annotator{Name: f.Who, Project: f.Project})
			}
		}
		c.Candidates = agreement.Candidates(all)
		c.candidates = true
	}
	return c.Candidates
}

// adoptGold replaces the open project by the accepted candidates, on the
// reference's documents: the gold set, ready to export in any format.
func (st *State) adoptGold() {
	c := st.Compare
	ref, ok := c.Reference()
	if !ok {
		st.info("Drop the exports to compare first.")
		return
	}
	store := annotation.New(ref.Schema, "gold (adjudicated)", st.clock)
	docs := map[string]string{} // candidate document id → new id
	for _, d := range ref.Documents {
		id, err := store.AddDocument(d.Title, d.Text)
		if err != nil {
			st.fail("Could not build the gold set: " + err.Error())
			return
		}
		docs[d.ID] = id
		_ = store.SetTopic(id, d.Topic)
	}
	added, skipped := 0, 0
	// Mentions and cues first, so that claims find their speakers by name.
	for _, claims := range []bool{false, true} {
		for _, cand := range st.CompareCandidates() {
			if !cand.Accept || (cand.Label == annotation.LabelClaim) != claims {
				continue
			}
			doc, ok := docs[cand.Document]
			if !ok {
				doc, ok = docByText(ref, c, cand.Document, docs)
			}
			if !ok {
				skipped++
				continue
			}
			id, err := store.Add(doc, cand.Label, cand.Fragments)
			if err != nil {
				skipped++
				continue
			}
			added++
			sp, named := store.SpeakerByName(cand.Speaker)
			switch {
			case cand.Label == annotation.LabelSpeaker && named:
				_ = store.SetMentionSpeaker(id, sp.ID)
			case cand.Label == annotation.LabelClaim:
				if cand.Stance != "" {
					_ = store.SetStance(id, cand.Stance)
				}
				if named {
					_ = store.SetClaimSpeaker(id, sp.ID)
				}
			}
		}
	}
	p := store.Project()
	p.Exercise = annotation.ExerciseRef{ID: ref.Exercise.ID, Title: ref.Exercise.Title, Role: "key"}
	data, err := exchange.EncodeProject(p)
	if err != nil {
		st.fail("Could not build the gold set: " + err.Error())
		return
	}
	st.open(data, "Could not build the gold set", nil)
	st.Comparing = false
	msg := fmt.Sprintf("The gold set is open: %s accepted. Export it in any format from the Export menu.", wording.Count(added, "annotation"))
	if skipped > 0 {
		msg += fmt.Sprintf(" %s could not be placed in the reference texts.", wording.Count(skipped, "candidate"))
	}
	st.info(msg)
}

// docByText finds the reference document with the same text as document
// id of any compared file.
func docByText(ref annotation.Project, c *Compare, id string, docs map[string]string) (string, bool) {
	for _, f := range c.Files {
		for _, d := range f.Project.Documents {
			if d.ID != id {
				continue
			}
			for _, r := range ref.Documents {
				if r.Text == d.Text {
					return docs[r.ID], true
				}
			}
		}
	}
	return "", false
}

// reanchorOnto moves a file's annotations onto the reference's texts when
// the file's texts differ from them (a student pasted the article again, or
// an older version): each is found again by quote and context. It returns
// the notice shown beside the file; a file that cannot be re-anchored is
// left out of the results until the teacher counts it.
func reanchorOnto(ref annotation.Project, f *CompareFile, changed []string) string {
	titles := "“" + short(strings.Join(changed, "”, “"), 80) + "”"
	base := annotation.Project{Schema: ref.Schema, Annotator: f.Project.Annotator, Exercise: f.Project.Exercise,
		Documents: ref.Documents}
	choices := map[string]merge.Choice{}
	for _, c := range merge.Conflicts(base, f.Project) {
		choices[c.Imported] = merge.Merge
	}
	result, rep, err := merge.Apply(base, f.Project, choices)
	if err != nil {
		f.Include = false
		return fmt.Sprintf("the text of %s differs from the reference's and could not be re-anchored (%v): not counted", titles, err)
	}
	result.Annotator, result.Exercise = f.Project.Annotator, f.Project.Exercise
	f.Project = result
	return fmt.Sprintf("the text of %s differs from the reference's: %s re-anchored on the reference text, %s could not be placed and are left out",
		titles, wording.Count(len(rep.Anchored), "annotation"), wording.Count(len(rep.Unplaced), "annotation"))
}
