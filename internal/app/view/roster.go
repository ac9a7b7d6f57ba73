package view

import (
	"strconv"

	"sayso/internal/app"
	"sayso/internal/wording"
)

// HandInRoster is a box's table of who handed in which document (issue
// 17, teams): one row per person, one column per document of the
// exercise with the annotations the person's latest hand-in has on it,
// then when that hand-in arrived and how many versions the person handed
// in. Every cell says it in words, so colour is never the only signal.
func HandInRoster(title string, r *app.Roster) HTML {
	if r == nil || len(r.Rows) == 0 {
		return HTML{}
	}
	var b Builder
	// A dataset may have many documents: the table scrolls sideways, in a
	// region the keyboard can reach.
	b.Printf(`<div class="roster-scroll" role="region" tabindex="0" aria-label="Who handed in which document of “%s”"><table class="grid roster">`, wording.Clip(title, 80))
	b.Printf(`<caption>Who handed in which document of “%s”: annotations in each person's latest hand-in</caption>`, wording.Clip(title, 80))
	b.Markup(`<thead><tr><th scope="col">Person</th>`)
	for _, d := range r.Documents {
		b.Printf(`<th scope="col">%s</th>`, wording.Clip(d, 40))
	}
	b.Markup(`<th scope="col">Latest hand-in</th><th scope="col">Versions</th></tr></thead><tbody>`)
	for _, row := range r.Rows {
		b.Printf(`<tr><th scope="row">%s</th>`, wording.Clip(row.Who, 60))
		for i := range r.Documents {
			switch {
			case row.Counts == nil:
				b.Markup(`<td class="none">could not be read</td>`)
			case row.Counts[i] == 0:
				b.Markup(`<td class="none">none</td>`)
			default:
				b.Printf(`<td class="num">%s</td>`, wording.Count(row.Counts[i], "annotation"))
			}
		}
		b.Printf(`<td>%s</td><td class="num">%s</td></tr>`, row.Received, strconv.Itoa(row.Versions))
	}
	b.Markup(`</tbody></table></div>`)
	return b.HTML()
}
