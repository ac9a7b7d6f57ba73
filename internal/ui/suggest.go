package ui

import (
	"sayso/internal/app"
	"sayso/internal/app/view"
)

// suggestActionOf maps a press on a suggestion control to its action.
func suggestActionOf(p Press, c Control) (app.Action, bool) {
	switch p.Action {
	case view.ActSuggest:
		return app.Suggest{}, true
	case view.ActSuggestAccept:
		return app.AcceptSuggestion{}, true
	case view.ActSuggestReject:
		return app.RejectSuggestion{}, true
	case view.ActSuggestNext:
		return app.NextSuggestion{Delta: 1}, true
	case view.ActSuggestAcceptAll:
		return app.AcceptAllSuggestions{}, true
	case view.ActSuggestRejectAll:
		return app.RejectAllSuggestions{}, true
	case view.ActSuggestSelect:
		return app.SelectSuggestion{Index: index(c.Attr("data-sg"))}, true
	}
	return nil, false
}
