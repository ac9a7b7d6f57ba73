//go:build !js

// Package suite runs the browser half of Sayso's benchmark (issue 5): time
// to interactive beside a static page, render of long annotated documents
// beside plain paragraphs, adding one annotation, scrolling, export and
// import, memory, syscall/js crossings per interaction, and a class's
// exports compared with their answer key. Every timing
// is taken inside the page with performance.now() by the hook that
// package browser injects; the app itself is not changed.
//
// What the suite relies on in the app (change it here when the app
// changes): wasm_exec.js assigning globalThis.Go; body[data-ready="1"]
// once the app takes input; the start screen's #paste-text, the
// [data-action="paste"] button and the #open-file-start file input, read
// with File.arrayBuffer(); the article as <p> elements in #doc, with
// annotations drawn either as .ann/.l-claim elements or as CSS Custom
// Highlights whose names contain "claim" for claims; the key c tagging the
// selection as a claim; the count in "#sidebar .summary"; the #export
// button handing a Blob to URL.createObjectURL; #inspector showing
// .insp-head for a clicked annotation; #message for errors; the
// #compare-button toolbar button showing the #compare view, whose
// multiple file input #compare-files takes the exports, listed in
// "table.files" (".flag" on those left out) and scored in
// "table.scores", a row per student.
package suite

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"sayso/internal/bench/browser"
	"sayso/internal/bench/corpus"
)

// Doc is a generated document the suite opens in the app.
type Doc struct {
	Role   string // "medium" (1 MB + 5,000), "large" (5 MB + 25,000) or "io" (10,000 to export and import)
	Label  string // "1 MB + 5,000 annotations"
	Corpus *corpus.Corpus
	File   string // its .sayso.json on disk, handed to the file input
}

// ClassDoc is a generated class the compare view reads: the answer key
// and the students' exports of one article.
type ClassDoc struct {
	Label string // "40 exports, 3,000-word article"
	Class *corpus.Class
	Files []string // the key's and the students' .sayso.json on disk, key first
}

// Config is what to measure, and how often.
type Config struct {
	Chromium string // the browser binary
	Site     string // the built site to serve (a snapshot of build/site)
	Tmp      string // scratch directory for profiles

	Runs       int    // runs per figure (fresh tab or browser each)
	Adds       [2]int // annotations added per run: in the 1 MB and in the 5 MB document
	ScrollStep int    // pixels scrolled per animation frame; 0: the viewport's height
	MaxFrames  int    // bound on the frames of one scroll

	Medium, Large, IO *Doc
	Small, Many       *Doc          // 3 KB + 20 annotations; the 50,000-annotation project (issue 13)
	Peer              string        // the peer's installed package (PeerPackage); "" skips the peer step
	Smoke             bool          // issue 13's steps on the two smallest documents only
	PeerLimit         time.Duration // how long the peer may take to open and paint one document
	Class             *ClassDoc
	Paste             string // the article pasted when measuring time to interactive
	// SuggestText is the article the Suggest step times on its own:
	// issue 16's 3 KB reference article when the shared corpus is here,
	// otherwise Paste.
	SuggestText, SuggestLabel string
	// FloorSite is the floor site's directory (package floor), for the
	// floor step.
	FloorSite string
	Targets   bool     // judge figures against the issue's targets
	Only      []string // run only these steps (Steps); all when empty

	Log io.Writer // progress lines
}

// Steps are the ids of the suite's steps, in the order they run.
var Steps = []string{"tti", "floor", "documents", "baseline", "small", "marks", "adds", "save", "switch", "many", "peer", "io", "compare", "crossings", "suggest"}

// Suite is one run of the browser measurements.
type Suite struct {
	cfg     Config
	srv     *browser.Server
	work    *browser.Browser // the browser the document sessions share
	samples map[string][]float64
	notes   map[string]string
	started time.Time

	missedPeer map[string]int // selections the peer made no annotation of, by figure

}

// Run measures everything and returns the samples of every figure by id.
func Run(ctx context.Context, cfg Config) (*Samples, error) {
	if err := CheckSteps(cfg.Only); err != nil {
		return nil, err
	}
	srv, err := browser.Serve(cfg.Site)
	if err != nil {
		return nil, err
	}
	defer srv.Close()
	s := &Suite{cfg: cfg, srv: srv, samples: map[string][]float64{}, notes: map[string]string{}, started: time.Now(), missedPeer: map[string]int{}}
	if err := s.publishPages(); err != nil {
		return nil, err
	}
	if err := s.publishIssue13Pages(); err != nil {
		return nil, err
	}

	for _, st := range s.steps() {
		if len(cfg.Only) > 0 && !slices.Contains(cfg.Only, st.id) {
			continue
		}
		start := time.Now()
		s.logf("== %s", st.name)
		if err := st.run(ctx); err != nil {
			if s.work != nil {
				s.work.Close()
			}
			return nil, fmt.Errorf("%s: %w", st.name, err)
		}
		s.logf("   %s took %.1f s", st.name, time.Since(start).Seconds())
	}
	if s.work != nil {
		s.work.Close()
	}
	return &Samples{ByID: s.samples, Notes: s.notes}, nil
}

// CheckSteps reports an id that is not one of Steps.
func CheckSteps(ids []string) error {
	for _, id := range ids {
		if !slices.Contains(Steps, id) {
			return fmt.Errorf("no step %q: the steps are %s", id, strings.Join(Steps, ", "))
		}
	}
	return nil
}

// step is one part of the suite.
type step struct {
	id, name string
	run      func(context.Context) error
}

// steps are the suite's steps in the order they run (their ids: Steps).
func (s *Suite) steps() []step {
	return []step{
		{"tti", "time to interactive", s.timeToInteractive},
		{"floor", "the least Go program: time to ready", s.goFloor},
		{"documents", "documents", s.documents},
		{"baseline", "plain-paragraph baseline", s.baselines},
		{"small", "open and paint, 3 KB article", s.smallArticle},
		{"marks", "one innerHTML with <mark>s", s.marksBaselines},
		{"adds", "adds spaced and back-to-back", s.adds},
		{"save", "main-thread time to save one change", s.saveCost},
		{"switch", "switching documents in a 2,000-document dataset", s.switchDocuments},
		{"many", "a 50,000-annotation project", s.manyAnnotations},
		{"peer", "peer: Recogito text-annotator", s.peer},
		{"io", "export and import", s.exportImport},
		{"compare", "compare a class", s.compareClass},
		{"crossings", "crossings", s.crossings},
		{"suggest", "Suggest on 3 KB and 1 MB", s.suggestions},
	}
}

func (s *Suite) logf(format string, args ...any) {
	if s.cfg.Log != nil {
		d := time.Since(s.started).Round(time.Second)
		fmt.Fprintf(s.cfg.Log, "%2d:%02d %s\n", int(d.Minutes()), int(d.Seconds())%60, fmt.Sprintf(format, args...))
	}
}

func (s *Suite) add(id string, v float64) { s.samples[id] = append(s.samples[id], v) }

// publishPages serves the baseline pages: the plain-paragraph page with the
// app's stylesheet and, for each document, its text as plain <p>s.
func (s *Suite) publishPages() error {
	index, err := os.ReadFile(filepath.Join(s.cfg.Site, "index.html"))
	if err != nil {
		return fmt.Errorf("read the site's index.html: %w", err)
	}
	css, err := StylesheetHref(index)
	if err != nil {
		return err
	}
	s.srv.Put("plain.html", "text/html; charset=utf-8", PlainPage(css))
	for _, d := range []*Doc{s.cfg.Medium, s.cfg.Large} {
		s.srv.Put("plain-"+d.Role+".html", "text/html; charset=utf-8", []byte(d.Corpus.PlainHTML()))
	}
	return nil
}

// workBrowser returns the browser the document sessions share, starting it
// with a fresh profile the first time.
func (s *Suite) workBrowser(ctx context.Context) (*browser.Browser, error) {
	if s.work != nil {
		return s.work, nil
	}
	profile, err := os.MkdirTemp(s.cfg.Tmp, "profile-work-")
	if err != nil {
		return nil, fmt.Errorf("profile directory: %w", err)
	}
	b, err := browser.Launch(ctx, s.cfg.Chromium, profile)
	if err != nil {
		return nil, err
	}
	s.work = b
	return b, nil
}
