package view

import "sayso/internal/app"

// Question renders the app's question (app.State.Question) for its
// confirmation dialog: the text, then OK and Cancel. Cancel takes the
// focus first (data-autofocus): Enter on a question never loses work by
// itself, and Esc answers no.
func Question(st *app.State) HTML {
	var b Builder
	if st.Question == nil {
		return b.HTML()
	}
	b.Printf(`<p id="confirm-text" class="question">%s</p>`, st.Question.Text)
	b.Printf(`<div class="row"><button type="button" class="primary" data-action="%s">OK</button> `+
		`<button type="button" data-action="%s" data-autofocus>Cancel <kbd>Esc</kbd></button></div>`,
		ActConfirmYes, ActConfirmNo)
	return b.HTML()
}
