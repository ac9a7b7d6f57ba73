package app

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// stateWithDocuments is the sample project with n documents in all.
func stateWithDocuments(t *testing.T, n int) *State {
	t.Helper()
	st := sampleState(t)
	for i := 2; i <= n; i++ {
		_, err := st.Store.AddDocument(fmt.Sprint("Document ", i), fmt.Sprint("The text of document ", i, "."))
		require.NoError(t, err)
	}
	return st
}

func TestTheDocumentsListDrawsTheRowsInItsViewAndAFewAround(t *testing.T) {
	tests := []struct {
		name       string
		docs       int
		scroll     DocsScrolled
		first, end int
	}{
		{"a few documents: all of them", 3, DocsScrolled{}, 0, 3},
		{"at the top, height not known yet", 2000, DocsScrolled{}, 0, docsViewRows + docsAround},
		{"scrolled to the middle", 2000, DocsScrolled{Top: 1000 * DocRowPx, Height: 10 * DocRowPx}, 1000 - docsAround, 1000 + 11 + docsAround},
		{"scrolled half a row", 2000, DocsScrolled{Top: 1000*DocRowPx + DocRowPx/2, Height: 10 * DocRowPx}, 1000 - docsAround, 1000 + 11 + docsAround},
		{"scrolled to the end", 2000, DocsScrolled{Top: 1990 * DocRowPx, Height: 10 * DocRowPx}, 2000 - 11 - docsAround, 2000},
		{"scrolled past the end", 2000, DocsScrolled{Top: 5000 * DocRowPx, Height: 10 * DocRowPx}, 2000 - 11 - docsAround, 2000},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := stateWithDocuments(t, tc.docs)
			Update(st, ToggleDocuments{})
			Update(st, tc.scroll)
			first, end, n := DocsWindow(st)
			assert.Equal(t, tc.docs, n)
			assert.Equal(t, tc.first, first)
			assert.Equal(t, tc.end, end)
		})
	}
}
