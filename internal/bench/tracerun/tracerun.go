//go:build !js

// Package tracerun is the set-up the tracing commands (opentrace,
// reloadtrace) share: a generated document written to a file, the built
// site served on loopback, and Chromium launched with a throwaway profile,
// all in one temporary folder that Close removes; and the recording of a
// tab's profile and trace while they time something.
package tracerun

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"sayso/internal/bench/browser"
	"sayso/internal/bench/chrometrace"
	"sayso/internal/bench/corpus"
	"sayso/internal/bench/cpuprofile"
)

// Run is one command's set-up.
type Run struct {
	Corpus  *corpus.Corpus
	File    string // the document's .sayso.json
	Server  *browser.Server
	Browser *browser.Browser
	dir     string
}

// Start generates spec's document, serves site and launches the browser.
// name prefixes the temporary folder. On an error nothing is left behind.
func Start(name, site string, spec corpus.Spec) (r *Run, err error) {
	dir, err := os.MkdirTemp("", name+"-")
	if err != nil {
		return nil, err
	}
	r = &Run{dir: dir}
	defer func() {
		if err != nil {
			r.Close()
			r = nil
		}
	}()
	if r.Corpus, err = corpus.Generate(spec); err != nil {
		return r, fmt.Errorf("generate the document: %w", err)
	}
	r.File = filepath.Join(dir, "doc.sayso.json")
	if err = os.WriteFile(r.File, r.Corpus.Native, 0o644); err != nil {
		return r, err
	}
	if r.Server, err = browser.Serve(site); err != nil {
		return r, err
	}
	path, err := browser.ExecPath()
	if err != nil {
		return r, err
	}
	r.Browser, err = browser.Launch(context.Background(), path, filepath.Join(dir, "profile"))
	return r, err
}

// Close stops the browser and the server and removes the folder.
func (r *Run) Close() {
	if r.Browser != nil {
		r.Browser.Close()
	}
	if r.Server != nil {
		_ = r.Server.Close()
	}
	_ = os.RemoveAll(r.dir)
}

// Recording is what a tracing command records of one tab while it times
// something: its main-thread CPU time, and a CPU profile (CDP Profiler)
// and a Chrome trace, each only when asked for.
type Recording struct {
	profile bool
	tracer  *chrometrace.Tracer
	cpu0    float64 // the tab's main-thread CPU when the recording began
}

// Record starts recording t: its main-thread CPU time (t.EnableCPU must
// have been called), the profile with profile, the trace with trace.
func Record(t *browser.Tab, profile, trace bool) (*Recording, error) {
	r := &Recording{profile: profile}
	if profile {
		if err := cpuprofile.Start(t.Context()); err != nil {
			return nil, err
		}
	}
	if trace {
		tr, err := chrometrace.Start(t)
		if err != nil {
			return nil, err
		}
		r.tracer = tr
	}
	cpu0, err := t.MainThreadCPU()
	if err != nil {
		return nil, err
	}
	r.cpu0 = cpu0
	return r, nil
}

// Kept says where run's recording goes: the trace's main-thread events
// are summed into Traced (and written under Dump, see
// chrometrace.DumpPath), the profile's functions into Times (and the
// profile written as Out-RUN.cpuprofile when Out is set).
type Kept struct {
	Traced    map[string]float64
	Times     *cpuprofile.Times
	Dump, Out string
}

// Stop ends the recording of run, keeps it as k says and returns the
// main-thread CPU time (ms) the tab used since Record.
func (r *Recording) Stop(t *browser.Tab, run int, k Kept) (cpu float64, err error) {
	cpu1, err := t.MainThreadCPU()
	if err != nil {
		return 0, err
	}
	cpu = cpu1 - r.cpu0
	if r.tracer != nil {
		if err := r.tracer.Stop(t, k.Traced, chrometrace.DumpPath(k.Dump, run)); err != nil {
			return 0, err
		}
	}
	if !r.profile {
		return cpu, nil
	}
	prof, err := cpuprofile.Stop(t.Context())
	if err != nil {
		return 0, err
	}
	k.Times.Add(prof)
	if k.Out != "" {
		if err := cpuprofile.Write(fmt.Sprintf("%s-%d.cpuprofile", k.Out, run), prof); err != nil {
			return 0, err
		}
	}
	return cpu, nil
}
