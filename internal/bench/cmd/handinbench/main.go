//go:build !js

// Command handinbench is the load test of the hand-in box (issue 17), a
// step of `make bench`: it runs the real Worker under `wrangler dev`
// (workerd, local D1 and R2 state in build/handin-bench) on loopback only,
// opens a box, and has -clients concurrent clients hand in -handins files
// — every tenth one sent twice, as a retry would — then lists the box and
// counts what was lost and what was stored twice. It prints the figures
// (latency p50/p95/max, throughput) and writes them as JSON.
//
//	go run ./internal/bench/cmd/handinbench -out dist/bench/handin.json
//
// The run is bounded: -handins requests (plus the retries) and -timeout.
// It exits non-zero when a hand-in is lost or stored twice.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"sayso/internal/bench/stats"
	"sayso/internal/deliverytest"
	"sayso/internal/handin/handintest"
)

type options struct {
	root, out      string
	clients, total int
	students       int
	timeout        time.Duration
	requestTimeout time.Duration
	maxAttempts    int
	resendEvery    int
}

func main() {
	var o options
	flag.StringVar(&o.root, "root", ".", "the module root (with build/worker, build/site and wasm/worker/node_modules)")
	flag.StringVar(&o.out, "out", "dist/bench/handin.json", "where to write the figures as JSON")
	flag.IntVar(&o.clients, "clients", 20, "concurrent clients")
	flag.IntVar(&o.total, "handins", 400, "hand-ins in all")
	flag.IntVar(&o.students, "students", 100, "students (each hands in handins/students versions)")
	flag.DurationVar(&o.timeout, "timeout", 5*time.Minute, "bound of the whole run")
	flag.DurationVar(&o.requestTimeout, "request-timeout", 60*time.Second, "bound of one request")
	flag.IntVar(&o.maxAttempts, "attempts", 5, "attempts per hand-in when the network or the server fails")
	flag.IntVar(&o.resendEvery, "resend-every", 10, "send every n-th hand-in twice with its key (0: never)")
	flag.Parse()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, o, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "handinbench:", err)
		os.Exit(1)
	}
}

// Figures are the results of one run.
type Figures struct {
	Clients int `json:"clients"`
	HandIns int `json:"handIns"`
	Resent  int `json:"resent"`  // hand-ins sent twice on purpose
	Retried int `json:"retried"` // attempts repeated after a failure
	// Failures counts the failed attempts by their kind ("503",
	// "transport"), each retried with the same key.
	Failures     map[string]int `json:"failures"`
	Stored       int            `json:"stored"` // hand-ins the box lists
	Lost         int            `json:"lost"`
	Duplicated   int            `json:"duplicated"`
	Seconds      float64        `json:"seconds"`
	PerSecond    float64        `json:"perSecond"`
	P50ms        float64        `json:"p50Ms"`
	P95ms        float64        `json:"p95Ms"`
	MaxMs        float64        `json:"maxMs"`
	FileBytes    int            `json:"fileBytes"`
	Wrangler     string         `json:"wrangler"`
	Loopback     bool           `json:"loopback"`
	StartSeconds float64        `json:"startSeconds"` // until wrangler dev answered
}

func run(ctx context.Context, o options, out io.Writer) error {
	ctx, cancel := context.WithTimeout(ctx, o.timeout)
	defer cancel()
	root, err := filepath.Abs(o.root)
	if err != nil {
		return fmt.Errorf("module root: %w", err)
	}
	state := filepath.Join(root, "build", "handin-bench")
	if err := os.RemoveAll(state); err != nil {
		return fmt.Errorf("clear %s: %w", state, err)
	}
	started := time.Now()
	dev, err := deliverytest.Start(root, deliverytest.Options{
		State: state, Migrate: true,
		// Every client is on 127.0.0.1: lift the per-address and
		// per-box limits for this run only.
		Vars: map[string]string{"HANDIN_PER_ADDRESS": "1000000", "HANDIN_PER_BOX": "1000000"},
	})
	if err != nil {
		return err
	}
	defer dev.Stop()
	f := Figures{Clients: o.clients, HandIns: o.total, Wrangler: dev.URL, Loopback: true, Failures: map[string]int{},
		StartSeconds: time.Since(started).Seconds()}

	class, err := handintest.NewClass("Load test")
	if err != nil {
		return err
	}
	api := handintest.Client{Base: dev.URL, HTTP: &http.Client{Timeout: o.requestTimeout}}
	box, err := api.Open(class)
	if err != nil {
		return err
	}

	type job struct {
		n       int
		student string
		key     string
		file    []byte
	}
	jobs := make(chan job)
	go func() {
		defer close(jobs)
		for n := range o.total {
			student := fmt.Sprintf("Student %03d", n%o.students)
			file, err := class.Export(student, nil)
			if err != nil {
				panic(err) // the same export succeeds for every name
			}
			select {
			case jobs <- job{n: n, student: student, key: fmt.Sprintf("load-test-hand-in-%05d", n), file: file}:
			case <-ctx.Done():
				return
			}
		}
	}()

	var (
		mu        sync.Mutex
		latencies []float64
		receipts  = map[string]string{} // key → hand-in id
		firstErr  error
	)
	send := func(j job) (handintest.Receipt, error) {
		var last error
		for attempt := range o.maxAttempts {
			if attempt > 0 {
				mu.Lock()
				f.Retried++
				mu.Unlock()
				time.Sleep(time.Duration(attempt) * 200 * time.Millisecond)
			}
			t0 := time.Now()
			r, err := api.HandIn(box, j.key, j.file)
			ms := float64(time.Since(t0).Microseconds()) / 1000
			if err != nil || r.Status >= 500 || r.Status == http.StatusTooManyRequests {
				last = fmt.Errorf("hand-in %d: %v %d %.200s", j.n, err, r.Status, r.Body)
				kind := "transport"
				if err == nil {
					kind = fmt.Sprintf("%d %.80s", r.Status, r.Body)
				}
				mu.Lock()
				f.Failures[kind]++
				mu.Unlock()
				continue
			}
			if r.Status != http.StatusCreated && r.Status != http.StatusOK {
				return handintest.Receipt{}, fmt.Errorf("hand-in %d refused: %d %s", j.n, r.Status, r.Body)
			}
			mu.Lock()
			latencies = append(latencies, ms)
			if j.file != nil {
				f.FileBytes = len(j.file)
			}
			mu.Unlock()
			var rc handintest.Receipt
			return rc, r.JSON(&rc)
		}
		return handintest.Receipt{}, last
	}

	t0 := time.Now()
	var wg sync.WaitGroup
	for range o.clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				if ctx.Err() != nil {
					continue
				}
				times := 1
				if o.resendEvery > 0 && j.n%o.resendEvery == 0 {
					times = 2
				}
				for i := range times {
					rc, err := send(j)
					mu.Lock()
					switch {
					case err != nil:
						if firstErr == nil {
							firstErr = err
						}
					case i == 0:
						receipts[j.key] = rc.ID
					default:
						f.Resent++
						if rc.ID != receipts[j.key] || !rc.Replayed {
							firstErr = errors.Join(firstErr, fmt.Errorf("hand-in %d sent again got a new receipt %s", j.n, rc.ID))
						}
					}
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	f.Seconds = time.Since(t0).Seconds()
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("the run took longer than %s: %w", o.timeout, err)
	}

	r, err := api.Do(http.MethodGet, box.HandIns, box.OwnerSecret, "", nil, nil)
	if err != nil {
		return err
	}
	var listed handintest.Listed
	if err := r.JSON(&listed); err != nil {
		return err
	}
	seen := map[string]int{}
	for _, h := range listed.HandIns {
		seen[h.ID]++
	}
	f.Stored = len(listed.HandIns)
	for _, id := range receipts {
		if seen[id] == 0 {
			f.Lost++
		}
	}
	f.Lost += o.total - len(receipts)
	for _, n := range seen {
		f.Duplicated += n - 1
	}
	f.Duplicated += max(0, len(seen)-len(receipts))
	f.PerSecond = float64(len(latencies)) / f.Seconds
	f.P50ms = stats.Percentile(latencies, 50)
	f.P95ms = stats.Percentile(latencies, 95)
	for _, l := range latencies {
		f.MaxMs = max(f.MaxMs, l)
	}

	if r, err := api.Do(http.MethodDelete, box.Box, box.OwnerSecret, "", nil, nil); err != nil || r.Status != http.StatusNoContent {
		return fmt.Errorf("delete the box: %v %d %s", err, r.Status, r.Body)
	}

	fmt.Fprintf(out, "hand-in box under wrangler dev (loopback): %d clients, %d hand-ins (+%d sent again), %.1f s, %.1f/s\n",
		f.Clients, f.HandIns, f.Resent, f.Seconds, f.PerSecond)
	fmt.Fprintf(out, "  latency p50 %.0f ms, p95 %.0f ms, max %.0f ms; file %d bytes\n", f.P50ms, f.P95ms, f.MaxMs, f.FileBytes)
	fmt.Fprintf(out, "  stored %d, lost %d, duplicated %d, retried attempts %d\n", f.Stored, f.Lost, f.Duplicated, f.Retried)
	for kind, n := range f.Failures {
		fmt.Fprintf(out, "  failed attempts (retried): %d × %s\n", n, kind)
	}
	if len(f.Failures) > 0 {
		// What workerd said about them.
		shown := 0
		for _, line := range strings.Split(dev.Output(), "\n") {
			l := strings.ToLower(line)
			if shown < 8 && (strings.Contains(l, "memory") || strings.Contains(l, "restart") || strings.Contains(l, "exceeded") || strings.Contains(l, "error")) {
				fmt.Fprintf(out, "  wrangler: %.200s\n", line)
				shown++
			}
		}
	}

	if err := os.MkdirAll(filepath.Dir(o.out), 0o755); err != nil {
		return fmt.Errorf("write %s: %w", o.out, err)
	}
	b, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return fmt.Errorf("write %s: %w", o.out, err)
	}
	if err := os.WriteFile(o.out, append(b, '\n'), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", o.out, err)
	}
	if firstErr != nil {
		return firstErr
	}
	if f.Lost > 0 || f.Duplicated > 0 {
		return fmt.Errorf("%d hand-ins lost, %d duplicated", f.Lost, f.Duplicated)
	}
	return nil
}
