// Command suggest writes Sayso's suggested attributions for a folder of
// texts as brat .ann files and, with -eval, scores them against the gold
// .ann files next to the texts (PolNeAR's text/ + attributions/ layout or a
// plain folder of .txt and .ann files).
//
//	go run ./internal/tools/suggest -in ../shared/corpus/polnear-train -out /tmp/sug -eval -heldout
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"sayso/internal/suggest"
	"sayso/internal/text"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "suggest:", err)
		os.Exit(1)
	}
}

type options struct {
	in, out, jsonOut string
	eval             bool
	heldout, tuning  bool
	errors           string
}

func run(args []string, stdout io.Writer) error {
	var o options
	fs := flag.NewFlagSet("suggest", flag.ContinueOnError)
	fs.SetOutput(stdout)
	fs.StringVar(&o.in, "in", "", "folder of .txt files, or PolNeAR's folder with text/ and attributions/")
	fs.StringVar(&o.out, "out", "", "folder to write one .ann per .txt (optional with -eval)")
	fs.BoolVar(&o.eval, "eval", false, "score the suggestions against the gold .ann files")
	fs.StringVar(&o.jsonOut, "json", "", "write the scores as JSON to this file")
	fs.BoolVar(&o.heldout, "heldout", false, "only the files whose names sort into the last fifth (held out from tuning)")
	fs.BoolVar(&o.tuning, "tuning", false, "only the files whose names sort into the first four fifths (used for tuning)")
	fs.StringVar(&o.errors, "errors", "", "with -eval: write the missed, spurious and mis-bounded spans to this file (study the tuning part only)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if o.in == "" || (o.out == "" && !o.eval) {
		return errors.New("need -in DIR and -out DIR or -eval")
	}
	if o.heldout && o.tuning {
		return errors.New("-heldout and -tuning exclude each other")
	}
	docs, err := findDocs(o.in)
	if err != nil {
		return err
	}
	docs = selectPart(docs, o.heldout, o.tuning)
	if o.out != "" {
		if err := os.MkdirAll(o.out, 0o755); err != nil {
			return fmt.Errorf("making the output folder: %w", err)
		}
	}
	var sc scorer
	var errs *errorLog
	if o.errors != "" {
		errs = newErrorLog()
	}
	for _, d := range docs {
		b, err := os.ReadFile(d.txt)
		if err != nil {
			return fmt.Errorf("reading %s: %w", d.name, err)
		}
		doc := string(b)
		res := suggest.Suggest(doc)
		if o.out != "" {
			if err := os.WriteFile(filepath.Join(o.out, d.name+".ann"), []byte(writeAnn(doc, res)), 0o644); err != nil {
				return fmt.Errorf("writing %s.ann: %w", d.name, err)
			}
		}
		if o.eval && d.ann != "" {
			g, err := os.ReadFile(d.ann)
			if err != nil {
				return fmt.Errorf("reading the gold of %s: %w", d.name, err)
			}
			gold, err := parseGold(string(g))
			if err != nil {
				return fmt.Errorf("%s: %w", filepath.Base(d.ann), err)
			}
			pred := predicted(doc, res)
			sc.add(doc, gold, pred)
			if errs != nil {
				errs.add([]rune(doc), d.name, gold, pred)
			}
		}
	}
	if !o.eval {
		fmt.Fprintf(stdout, "wrote %d .ann files to %s\n", len(docs), o.out)
		return nil
	}
	rep := sc.report()
	rep.Files = sc.files
	rep.Part = "all"
	if o.heldout {
		rep.Part = "held-out fifth"
	} else if o.tuning {
		rep.Part = "tuning four fifths"
	}
	printReport(stdout, rep)
	if errs != nil {
		var b strings.Builder
		errs.print(&b, 150)
		if err := os.WriteFile(o.errors, []byte(b.String()), 0o644); err != nil {
			return fmt.Errorf("writing %s: %w", o.errors, err)
		}
	}
	if o.jsonOut != "" {
		b, err := json.MarshalIndent(rep, "", "  ")
		if err != nil {
			return fmt.Errorf("encoding the scores: %w", err)
		}
		if err := os.WriteFile(o.jsonOut, append(b, '\n'), 0o644); err != nil {
			return fmt.Errorf("writing %s: %w", o.jsonOut, err)
		}
	}
	return nil
}

// doc is one text and its gold annotation file ("" when there is none).
type doc struct{ name, txt, ann string }

// findDocs lists the texts of dir in name order.
func findDocs(dir string) ([]doc, error) {
	textDir, annDir := dir, dir
	if st, err := os.Stat(filepath.Join(dir, "text")); err == nil && st.IsDir() {
		textDir, annDir = filepath.Join(dir, "text"), filepath.Join(dir, "attributions")
	}
	ents, err := os.ReadDir(textDir)
	if err != nil {
		return nil, fmt.Errorf("reading the texts: %w", err)
	}
	anns, _ := filepath.Glob(filepath.Join(annDir, "*.ann"))
	sort.Strings(anns)
	var docs []doc
	for _, e := range ents {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".txt") {
			continue
		}
		name := strings.TrimSuffix(e.Name(), ".txt")
		d := doc{name: name, txt: filepath.Join(textDir, e.Name())}
		for _, a := range anns {
			b := strings.TrimSuffix(filepath.Base(a), ".ann")
			if b == name || strings.HasPrefix(b, name+"_") && !strings.Contains(b[len(name)+1:], "_") {
				d.ann = a // the first annotator's file when there are two
				break
			}
		}
		docs = append(docs, d)
	}
	sort.Slice(docs, func(i, j int) bool { return docs[i].name < docs[j].name })
	return docs, nil
}

// selectPart keeps the held-out last fifth or the first four fifths.
func selectPart(docs []doc, heldout, tuning bool) []doc {
	cut := len(docs) - len(docs)/5
	switch {
	case heldout:
		return docs[cut:]
	case tuning:
		return docs[:cut]
	}
	return docs
}

// writeAnn renders suggestions as PolNeAR-style brat lines.
func writeAnn(doc string, res suggest.Result) string {
	x := text.NewIndex(doc)
	var b strings.Builder
	n := 0
	tline := func(label string, spans []text.Span) string {
		n++
		var offs, quote []string
		for _, s := range spans {
			offs = append(offs, fmt.Sprintf("%d %d", s.Start, s.End))
			quote = append(quote, strings.ReplaceAll(x.Slice(s.Start, s.End), "\n", " "))
		}
		id := fmt.Sprintf("T%d", n)
		fmt.Fprintf(&b, "%s\t%s %s\t%s\n", id, label, strings.Join(offs, ";"), strings.Join(quote, " "))
		return id
	}
	for i, sg := range res.Suggestions {
		var src string
		if sg.Source.Len() > 0 {
			src = tline("Source", []text.Span{sg.Source})
		}
		cue := tline("Cue", []text.Span{sg.Cue})
		content := tline("Content", sg.Content)
		trig := tline("Attribution", []text.Span{sg.Cue})
		fmt.Fprintf(&b, "E%d\tAttribution:%s Content:%s Cue:%s", i+1, trig, content, cue)
		if src != "" {
			fmt.Fprintf(&b, " Source:%s", src)
		}
		b.WriteString("\n")
	}
	return b.String()
}
