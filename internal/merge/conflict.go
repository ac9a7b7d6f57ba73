package merge

import (
	"sort"
	"strings"

	"sayso/internal/annotation"
	"sayso/internal/text"
)

// Choice is what to do with an imported document that matches one of the
// open project.
type Choice int

// The choices. The zero value is no choice at all, so that a forgotten
// entry can never replace anything.
const (
	Undecided Choice = iota // no choice yet: Apply refuses
	Replace                 // take the imported text and annotations in place of the existing ones
	Merge                   // keep the existing text; bring the imported annotations onto it
	KeepBoth                // add the imported document as a new one, titled "… (imported)"
)

// String names the choice as the person sees it.
func (c Choice) String() string {
	switch c {
	case Replace:
		return "replace"
	case Merge:
		return "merge"
	case KeepBoth:
		return "keep both"
	}
	return "undecided"
}

// Conflict is an imported document that matches a document of the open
// project.
type Conflict struct {
	Imported string // the imported document's id
	Existing string // the id of the open project's document it matches
	SameText bool   // the two texts are identical
	Reason   string // why they match: "same text", "same id", "same title", joined with ", "
}

// The weights of the ways two documents match: the text says the most.
const (
	scoreText  = 4
	scoreID    = 2
	scoreTitle = 1
)

// Conflicts lists, in the imported project's order, the imported documents
// that match a document of the open project: same text (by hash), same id,
// or same non-empty title (ignoring case and surrounding space). Each
// existing document matches at most one imported document, and the
// strongest matches (text, then id, then title) are paired first. Imported
// documents not listed are new and are simply added.
func Conflicts(current, imported annotation.Project) []Conflict {
	type pair struct{ imp, cur, score int }
	curHash := make([]string, len(current.Documents))
	for j, d := range current.Documents {
		curHash[j] = text.Hash(text.Normalize(d.Text))
	}
	var pairs []pair
	for i, d := range imported.Documents {
		h := text.Hash(text.Normalize(d.Text))
		for j, c := range current.Documents {
			if s := matchScore(d, c, h, curHash[j]); s > 0 {
				pairs = append(pairs, pair{i, j, s})
			}
		}
	}
	sort.SliceStable(pairs, func(a, b int) bool { return pairs[a].score > pairs[b].score })
	usedImp, usedCur := map[int]bool{}, map[int]bool{}
	var out []Conflict
	for _, p := range pairs {
		if usedImp[p.imp] || usedCur[p.cur] {
			continue
		}
		usedImp[p.imp], usedCur[p.cur] = true, true
		out = append(out, Conflict{
			Imported: imported.Documents[p.imp].ID,
			Existing: current.Documents[p.cur].ID,
			SameText: p.score&scoreText != 0,
			Reason:   reason(p.score),
		})
	}
	order := map[string]int{}
	for i, d := range imported.Documents {
		if _, seen := order[d.ID]; !seen {
			order[d.ID] = i
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return order[out[a].Imported] < order[out[b].Imported] })
	return out
}

func matchScore(imp, cur annotation.Document, impHash, curHash string) int {
	s := 0
	if impHash == curHash {
		s |= scoreText
	}
	if imp.ID != "" && imp.ID == cur.ID {
		s |= scoreID
	}
	if t := foldTitle(imp.Title); t != "" && t == foldTitle(cur.Title) {
		s |= scoreTitle
	}
	return s
}

func reason(score int) string {
	var parts []string
	if score&scoreText != 0 {
		parts = append(parts, "same text")
	}
	if score&scoreID != 0 {
		parts = append(parts, "same id")
	}
	if score&scoreTitle != 0 {
		parts = append(parts, "same title")
	}
	return strings.Join(parts, ", ")
}

func foldTitle(s string) string { return strings.ToLower(strings.TrimSpace(s)) }
