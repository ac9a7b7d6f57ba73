//go:build !js

// Command bench is Sayso's benchmark (issue 5, `make bench`): it generates
// long annotated documents deterministically, serves the built site with
// internal/site on loopback, measures the app in headless Chromium against
// baselines taken in the same run, prints one table (figure, median, min,
// max, target, met?) and writes it as JSON.
//
//	go run ./internal/bench/cmd/bench -site build/site -out dist/bench/results.json
//	go run ./internal/bench/cmd/bench -smoke    # one short run, small documents
//	go run ./internal/bench/cmd/bench -only compare    # one step of the suite
//
// It exits non-zero when a measurement cannot be taken, never because a
// target is missed: the table says which are.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"slices"
	"strings"
	"time"

	"sayso/internal/bench/suite"
)

func main() {
	var o options
	flag.StringVar(&o.site, "site", "build/site", "the built site (`make site`)")
	flag.StringVar(&o.out, "out", "dist/bench/results.json", "where to write the results as JSON")
	flag.IntVar(&o.runs, "runs", 5, "runs per figure")
	flag.IntVar(&o.adds, "adds", 4, "annotations added per run in the 1 MB document")
	flag.IntVar(&o.addsLarge, "adds-large", 1, "annotations added per run in the 5 MB document")
	flag.IntVar(&o.scrollStep, "scroll-step", 0, "pixels scrolled per animation frame (0: one viewport)")
	flag.Uint64Var(&o.seed, "seed", 1, "seed of the generated documents")
	flag.BoolVar(&o.smoke, "smoke", false, "one short run on small documents (checks that the benchmark works)")
	flag.BoolVar(&o.goBench, "gobench", false, "also run `go test -bench` on the plain Go packages")
	flag.StringVar(&o.markdown, "markdown", "", "also write the table as Markdown to this file")
	flag.DurationVar(&o.peerLimit, "peer-limit", 10*time.Minute, "how long the peer may take to open and paint one document (noted, not fatal, when it takes longer)")
	flag.StringVar(&o.peers, "peers", "internal/bench/peers", "the directory whose node_modules holds the peer (`npm ci` there); without it -smoke skips the peer")
	flag.StringVar(&o.only, "only", "", "run only these browser steps, comma-separated ("+strings.Join(suite.Steps, ", ")+"); all when empty")
	flag.StringVar(&o.reference, "reference", "../shared/corpus/articles/xi-trump-summit.txt", "issue 16's 3 KB reference article, which the Suggest step times (the generated 3 KB article when it is missing)")
	flag.StringVar(&o.floor, "floor", "internal/bench/floor", "the floor package's directory (the least Go program, built and loaded beside the app by the floor step)")
	flag.IntVar(&o.students, "students", 40, fmt.Sprintf("students' exports in the compare step (-smoke: %d)", smokeStudents))
	flag.Parse()

	flag.Visit(func(f *flag.Flag) { o.set = append(o.set, f.Name) })

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, o, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// smokeStudents is how many students' exports -smoke compares: a quarter
// of the class keeps the step short (the work grows faster than the class).
const smokeStudents = 10

type options struct {
	site, out, markdown string
	peers               string
	peerLimit           time.Duration
	only                string
	students            int
	runs, adds          int
	addsLarge           int
	scrollStep          int
	seed                uint64
	reference           string // -reference
	floor               string // -floor
	smoke, goBench      bool
	set                 []string // the flags given on the command line
}

func run(ctx context.Context, o options, stdout, log io.Writer) error {
	if o.smoke {
		// Short unless asked otherwise.
		if !slices.Contains(o.set, "runs") {
			o.runs = 1
		}
		if !slices.Contains(o.set, "adds") {
			o.adds = 2
		}
		if !slices.Contains(o.set, "students") {
			o.students = smokeStudents
		}
	}
	if o.runs < 1 || o.adds < 1 || o.addsLarge < 1 || o.students < 1 || o.scrollStep < 0 {
		return fmt.Errorf("-runs, -adds, -adds-large and -students must be positive, -scroll-step not negative")
	}
	if err := suite.CheckSteps(o.steps()); err != nil {
		return fmt.Errorf("-only: %w", err)
	}
	started := time.Now()
	rep, err := measureAll(ctx, o, log)
	if err != nil {
		return err
	}
	rep.Meta.Started = started
	rep.Meta.Seconds = time.Since(started).Seconds()
	rep.Meta.LoadAfter = loadAverage()
	return printReport(rep, o, stdout)
}

// wants says whether step id runs: -only names it, or -only is empty.
func (o options) wants(id string) bool {
	steps := o.steps()
	return len(steps) == 0 || slices.Contains(steps, id)
}

// steps are the browser steps -only asks for; nil for all.
func (o options) steps() []string {
	var ids []string
	for _, id := range strings.Split(o.only, ",") {
		if id = strings.TrimSpace(id); id != "" {
			ids = append(ids, id)
		}
	}
	return ids
}
