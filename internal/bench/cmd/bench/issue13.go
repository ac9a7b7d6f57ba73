//go:build !js

package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"time"

	"sayso/internal/bench/corpus"
	"sayso/internal/bench/suite"
)

// issue13Specs are the documents issue 13 adds: the 3 KB article with 20
// annotations (the same in -smoke) and the 50,000-annotation project
// (1,000 annotations in -smoke).
func issue13Specs(smoke bool, seed uint64) (small, many corpus.Spec) {
	small = corpus.Spec{Name: "3kb-20", Bytes: 3 << 10, Annotations: 20, Seed: seed + 5}
	if smoke {
		return small, corpus.Spec{Name: "128kb-1000", Bytes: 128 << 10, Annotations: 1000, Seed: seed + 6}
	}
	return small, corpus.Spec{Name: "6mb-50k", Bytes: 6 << 20, Annotations: 50000, Seed: seed + 6}
}

// issue13Docs generates the 3 KB article and the 50,000-annotation
// project into cfg, and finds the peer.
func issue13Docs(o options, tmp string, log io.Writer, cfg *suite.Config) error {
	small, many := issue13Specs(o.smoke, o.seed)
	cfg.Smoke, cfg.PeerLimit = o.smoke, o.peerLimit
	var err error
	if cfg.Small, err = writeDoc("small", small, tmp, log); err != nil {
		return err
	}
	if cfg.Many, err = writeDoc("many", many, tmp, log); err != nil {
		return err
	}
	cfg.Peer, err = peerPackage(o, log)
	return err
}

// writeDoc generates spec and writes its .sayso.json under tmp.
func writeDoc(role string, spec corpus.Spec, tmp string, log io.Writer) (*suite.Doc, error) {
	start := time.Now()
	c, err := corpus.Generate(spec)
	if err != nil {
		return nil, err
	}
	path := filepath.Join(tmp, spec.Name+".sayso.json")
	if err := os.WriteFile(path, c.Native, 0o644); err != nil {
		return nil, fmt.Errorf("write %s: %w", path, err)
	}
	fmt.Fprintf(log, "   %s: %d bytes of text in %d paragraphs, %d annotations, %d bytes of JSON, %.1f s\n",
		spec.Name, len(c.Text), len(c.Paragraphs), len(c.Project.Annotations), len(c.Native), time.Since(start).Seconds())
	return &suite.Doc{Role: role, Label: label(spec), Corpus: c, File: path}, nil
}

// peerPackage is the installed peer package under -peers, or "" in
// -smoke, or when -only leaves out its step, when it is not installed (`make bench` installs it).
func peerPackage(o options, log io.Writer) (string, error) {
	dir := filepath.Join(o.peers, suite.PeerPackage)
	if err := suite.CheckPeer(dir); err != nil {
		if steps := o.steps(); o.smoke || (steps != nil && !slices.Contains(steps, "peer")) {
			fmt.Fprintf(log, "   peer: not installed, its step is skipped (%v)\n", err)
			return "", nil
		}
		return "", fmt.Errorf("peer: %w", err)
	}
	return dir, nil
}

// labels13 names issue 13's documents in figures.
func labels13(cfg suite.Config, o options) suite.Labels13 {
	return suite.Labels13{
		Small: cfg.Small.Label, Medium: cfg.Medium.Label, Large: cfg.Large.Label, Many: cfg.Many.Label,
		Peer: "Recogito text-annotator " + peerVersion, Adds: o.adds, PeerLargeOnce: !o.smoke,
	}
}

// peerVersion is the version pinned in internal/bench/peers/package.json.
const peerVersion = "4.1.1"
