package view

import "sayso/internal/app"

// Menus of the toolbar follow one pattern (the WAI-ARIA menu button): a
// button with aria-haspopup="menu", aria-controls and aria-expanded opens
// a list with role="menu" whose items have role="menuitem" (or
// menuitemcheckbox); the browser layer moves the focus in it with the
// arrow keys, Home and End, and Esc closes it and gives the focus back to
// the button. web/index.html holds the buttons and the menus' boxes; the
// views here fill the boxes.

// menuItem writes one item of a menu: a button with role="menuitem" that
// does act, with its text (HTML built before).
func menuItem(b *Builder, act Action, text HTML) {
	b.Printf(`<li role="none"><button type="button" role="menuitem" tabindex="-1" data-action="%s">%s</button></li>`, act, text)
}

// SetupMenu lists what sets a project up: its labels and stances, and an
// exercise for students.
func SetupMenu(st *app.State) HTML {
	var b Builder
	b.Markup(`<ul class="menu-list" role="menu" aria-label="Set up">`)
	var item Builder
	item.Markup(`<span class="fmt">Labels and stances…</span><span class="loses">The labels, their colours and keys; the stance values.</span>`)
	menuItem(&b, ActSchema, item.HTML())
	item = Builder{}
	item.Markup(`<span class="fmt">Exercise for students…</span><span class="loses">Hand the documents out as an exercise, with instructions and an answer key.</span>`)
	menuItem(&b, ActExercise, item.HTML())
	b.Markup(`</ul>`)
	return b.HTML()
}
