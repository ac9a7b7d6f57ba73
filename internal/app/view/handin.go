package view

import (
	"fmt"

	"sayso/internal/app"
	"sayso/internal/wording"
)

// The hand-in box's controls (issue 17): the builder's tick and the owner
// secret, a student's Hand in button beside Export, and Compare's boxes.

// ExerciseHandIn is the exercise builder's "Collect hand-ins online" part.
func ExerciseHandIn(st *app.State) HTML {
	h := st.HandIn
	var b Builder
	b.Markup(`<fieldset class="handin-choice"><legend>Hand-ins</legend>`)
	b.Printf(`<label class="check"><input type="checkbox" data-field="%s"%s%s> Collect hand-ins online</label>`,
		FieldCollectHandIns, attrIf(h.Collect, " checked"), attrIf(h.Origin == "", " disabled"))
	switch {
	case h.Origin == "":
		b.Markup(`<p class="hint">Only on the site, not from a file: open Sayso from its web address to open a hand-in box.</p>`)
	case h.Opening:
		b.Markup(`<p class="hint">Opening a hand-in box…</p>`)
	case h.Opened != nil:
		o := h.Opened.Owner
		b.Printf(`<p class="hint">Box <code>%s</code> is open for “%s”: the exercise file and the offline page you export now carry it, and students get a <b>Hand in</b> button.</p>`,
			o.Box, wording.Clip(o.ExerciseTitle, 80))
		b.Printf(`<p class="secret">Owner secret (shown here once; never in the students' files): <code id="owner-secret">%s</code></p>`, o.Secret)
		b.Printf(`<p class="hint">It is kept in this browser, and Compare uses it to fetch, close and delete the box. To collect from another browser, keep the key file. <button type="button" data-action="%s" data-box="%s">Download key file</button></p>`,
			ActBoxKey, o.Box)
	default:
		b.Markup(`<p class="hint">Students hand in with one button instead of mailing their export; you fetch everyone's latest work into Compare. The site's Worker keeps the files until you delete the box.</p>`)
	}
	b.Markup(`</fieldset>`)
	return b.HTML()
}

// HandInButton is a student's Hand in button beside Export, and the
// receipt of the last hand-in; empty outside an exercise with a box.
func HandInButton(st *app.State) HTML {
	if !st.CanHandIn() {
		return HTML{}
	}
	h := st.HandIn
	var b Builder
	if h.Sending {
		b.Printf(`<button type="button" id="hand-in" data-action="%s" title="Sending your work to the hand-in box">Handing in…</button>`, ActHandIn)
	} else {
		b.Printf(`<button type="button" id="hand-in" data-action="%s" title="Send your work to your teacher's hand-in box; it stays here too">Hand in</button>`, ActHandIn)
	}
	if r := h.Receipt; r != nil {
		b.Printf(`<button type="button" id="keep-receipt" data-action="%s" title="Handed in at %s: %s, SHA-256 %s. Download this receipt to keep it.">Receipt</button>`,
			ActKeepReceipt, r.When(), wording.Count(int(r.Size), "byte"), r.SHA256)
	}
	return b.HTML()
}

// CompareBoxes is Compare's list of the hand-in boxes this browser keeps
// the owner secret of, each with its state and what can be done to it.
func CompareBoxes(st *app.State) HTML {
	h := st.HandIn
	var b Builder
	count := fmt.Sprintf("%d boxes", len(h.Boxes)) // wording.Count would say "boxs"
	if len(h.Boxes) == 1 {
		count = "1 box"
	}
	b.Printf(`<section class="card boxes" aria-label="Hand-in boxes"><h2>Hand-in boxes <span class="count">%s</span></h2>`, count)
	if len(h.Boxes) == 0 {
		b.Markup(`<p class="hint">The boxes you open in “Exercise for students…” appear here, to fetch everyone's latest hand-in. From another browser, load the box's key file.</p>`)
	}
	if len(h.Boxes) > 0 {
		b.Markup(`<table class="grid boxes"><thead><tr><th>Exercise</th><th>Site</th><th>State</th><th></th></tr></thead><tbody>`)
	}
	for _, o := range h.Boxes {
		s := h.Status[o.Box]
		state := "not asked yet"
		switch {
		case s.Busy != "":
			state = s.Busy
		case s.Err != "":
			state = s.Err
		case s.State != nil:
			open := "open"
			if s.State.Closed {
				open = "closed"
			}
			state = fmt.Sprintf("%s, %s (%s)", open, wording.Count(s.State.HandIns, "hand-in"), wording.Count(int(s.State.Bytes), "byte"))
			if s.Fetched > 0 {
				state += fmt.Sprintf("; latest of %s fetched", wording.Count(s.Fetched, "student"))
			}
		}
		closed := s.State != nil && s.State.Closed
		b.Printf(`<tr data-box="%s"><td>%s <code>%s</code></td><td>%s</td><td>%s</td><td class="row">`,
			o.Box, wording.Clip(o.ExerciseTitle, 60), o.Box, o.Origin, state)
		b.Printf(`<button type="button" class="primary" data-action="%s" data-box="%s">Fetch hand-ins</button>`, ActFetchHandIns, o.Box)
		if closed {
			b.Printf(`<button type="button" data-action="%s" data-box="%s">Open box again</button>`, ActReopenBox, o.Box)
		} else {
			b.Printf(`<button type="button" data-action="%s" data-box="%s">Close box</button>`, ActCloseBox, o.Box)
		}
		b.Printf(`<button type="button" data-action="%s" data-box="%s">Delete box</button>`, ActDeleteBox, o.Box)
		b.Printf(`<button type="button" data-action="%s" data-box="%s">Key file</button></td></tr>`, ActBoxKey, o.Box)
	}
	if len(h.Boxes) > 0 {
		b.Markup(`</tbody></table>`)
	}
	for _, o := range h.Boxes {
		b.Put(HandInRoster(o.ExerciseTitle, h.Status[o.Box].Roster))
	}
	b.Printf(`<label class="button">Load a key file<input type="file" id="box-key-file" data-%s="1" accept=".json,application/json" hidden></label></section>`, FileBoxKey)
	return b.HTML()
}
