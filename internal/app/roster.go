package app

import (
	"sort"
	"strings"

	"sayso/internal/exchange"
	"sayso/internal/handinclient"
	"sayso/internal/text"
)

// The roster of a hand-in box (issue 17, teams): after Fetch hand-ins the
// lead sees who handed in which document of the exercise — one row per
// person, one column per document with the annotations the person's
// latest hand-in has on it — with when the latest arrived and how many
// versions came before it. A team labelling a dataset splits the
// documents, so this says at a glance what is covered and by whom.

// Handed is what the box's list says of one person's latest hand-in.
type Handed struct {
	Who      string
	Received string // RFC 3339, UTC
	Versions int
}

// Roster is who handed in which document, from a box's last fetch.
type Roster struct {
	Documents []string // the exercise's document titles, in its order
	Rows      []RosterRow
}

// RosterRow is one person's latest hand-in.
type RosterRow struct {
	Who      string
	Received string // "2026-12-05 17:03:09 UTC"
	Versions int
	// Counts are the annotations on each of Documents; nil when the file
	// could not be read.
	Counts []int
}

// rosterOf reads the fetched files (parallel to handed) into a roster,
// sorted by name. The columns are the documents of the first file that
// reads; the others are matched by text, as the box checked them.
func (st *State) rosterOf(files []TextFile, handed []Handed) *Roster {
	r := &Roster{}
	var col map[string]int // text hash → column
	for i, f := range files {
		row := RosterRow{Who: strings.TrimSuffix(f.Name, ".sayso.json")}
		if i < len(handed) {
			h := handed[i]
			row.Who, row.Versions = h.Who, h.Versions
			row.Received = handinclient.Receipt{Received: h.Received}.When()
		}
		store, _, err := exchange.OpenProject(f.Data, st.clock)
		if err == nil {
			p := store.Project()
			if col == nil {
				col = map[string]int{}
				for _, d := range p.Documents {
					col[text.Hash(d.Text)] = len(r.Documents)
					r.Documents = append(r.Documents, d.Title)
				}
			}
			at := map[string]int{} // document id → column
			for _, d := range p.Documents {
				if c, ok := col[text.Hash(d.Text)]; ok {
					at[d.ID] = c
				}
			}
			row.Counts = make([]int, len(r.Documents))
			for _, a := range p.Annotations {
				if c, ok := at[a.Document]; ok {
					row.Counts[c]++
				}
			}
		}
		r.Rows = append(r.Rows, row)
	}
	sort.SliceStable(r.Rows, func(i, j int) bool {
		return strings.ToLower(r.Rows[i].Who) < strings.ToLower(r.Rows[j].Who)
	})
	return r
}
