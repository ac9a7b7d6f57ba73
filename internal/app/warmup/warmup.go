// Package warmup rehearses opening a project, on a small one made from
// the built-in sample article, so that the browser has compiled and
// optimised that code before a person opens a file of their own.
//
// The browser runs a WebAssembly function in its quick baseline code until
// it has run enough to be worth optimising, and a long loop entered once
// (decoding a megabyte's text, checking every annotation) runs to its end
// in the code it started in. Opening a 1 MB project as the first thing the
// page did took several times as long as the same open after a small one
// (issue 13). A rehearsal runs the same steps as a person's open — the
// file read back and decoded, the project checked and loaded, the page
// and its highlights built, the project written as a file again — on a
// throwaway state; nothing the person sees or saved is touched.
package warmup

import (
	"fmt"
	"strings"
	"time"

	"sayso/internal/annotation"
	"sayso/internal/app"
	"sayso/internal/app/view"
)

// Rehearsal is a small project to open again and again: the sample
// article with every kind of annotation, in the native format.
type Rehearsal struct {
	clock func() time.Time
	file  []byte
	anns  int
}

// New makes the rehearsal's project: the sample article, each sentence of
// its body a claim with a stance, the first words of each paragraph a
// speaker and the word "said" a cue, the claims linked to the nearest
// speaker.
func New(clock func() time.Time) (*Rehearsal, error) {
	st := app.NewState(clock)
	app.Update(st, app.LoadSample{})
	if len(st.Paras) == 0 {
		return nil, fmt.Errorf("warmup: the sample article has no paragraphs")
	}
	_, x, ok := st.Store.Document(st.Doc)
	if !ok {
		return nil, fmt.Errorf("warmup: the sample article was not shown")
	}
	for k, p := range st.Paras[1:] {
		para := x.Slice(p.Start, p.End)
		if first := strings.IndexByte(para, ' '); first > 0 {
			app.Update(st, app.Tag{Label: annotation.LabelSpeaker, Sel: app.Selection{Start: p.Start, End: p.Start + len([]rune(para[:first])), Exact: true}})
		}
		if at := strings.Index(para, " said"); at >= 0 {
			start := p.Start + len([]rune(para[:at])) + 1
			app.Update(st, app.Tag{Label: annotation.LabelCue, Sel: app.Selection{Start: start, End: start + 4, Exact: true}})
		}
		start := p.Start
		for _, sentence := range strings.SplitAfter(para, ". ") {
			n := len([]rune(sentence))
			if n > 12 {
				app.Update(st, app.Tag{Label: annotation.LabelClaim, Sel: app.Selection{Start: start, End: start + n - 1, Exact: true}})
				app.Update(st, app.SetStanceIndex{N: 1 + k%4})
				app.Update(st, app.LinkNearest{})
			}
			start += n
		}
	}
	effects := app.Update(st, app.Export{})
	if len(effects) == 0 {
		return nil, fmt.Errorf("warmup: the sample project was not exported: %s", st.Message.Text)
	}
	file, ok := effects[0].(app.Download)
	if !ok {
		return nil, fmt.Errorf("warmup: exporting the sample project gave %T, not a download", effects[0])
	}
	return &Rehearsal{clock: clock, file: file.Data, anns: len(st.Store.Annotations(st.Doc))}, nil
}

// Annotations is the number of annotations of the rehearsal's project.
func (r *Rehearsal) Annotations() int { return r.anns }

// Run opens the project once, as a person's Open does, in a state of its
// own, builds its page and the highlights of its annotations, and writes
// it as a file again. It returns how many highlight ranges it built.
func (r *Rehearsal) Run() (int, error) {
	st := app.NewState(r.clock)
	plan := app.Step(st, app.FilesRead{Purpose: app.FilesOpen, Files: []app.TextFile{{Name: "rehearsal.sayso.json", Data: r.file}}})
	if st.Doc == "" {
		return 0, fmt.Errorf("warmup: the rehearsal did not open: %s", st.Message.Text)
	}
	view.Build(st)
	view.PlainSections(st, 0, view.Sections(st))
	_, packed := app.HighlightRanges(st, plan.Redraw.Set)
	app.Update(st, app.Export{})
	return len(packed) / 5, nil
}
