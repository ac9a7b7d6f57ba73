//go:build !js

package suite

import (
	"context"
	"fmt"

	"sayso/internal/bench/browser"
)

// exportImport opens the document with 10,000 annotations (import: from
// the file's bytes being read to the rendered state) and exports it again
// (from the click on Export to the Blob), Runs times in fresh tabs. The
// exported file must hold every annotation.
func (s *Suite) exportImport(ctx context.Context) error {
	d := s.cfg.IO
	for run := range s.cfg.Runs {
		if err := s.exportImportOnce(ctx, d, run); err != nil {
			return fmt.Errorf("run %d: %w", run+1, err)
		}
	}
	return nil
}

func (s *Suite) exportImportOnce(ctx context.Context, d *Doc, run int) error {
	t, err := s.openApp(ctx, browser.Hook{})
	if err != nil {
		return err
	}
	defer t.Close()
	in, err := importDoc(t, d)
	if err != nil {
		return err
	}
	if err := settle(t, settleMs); err != nil {
		return err
	}
	out, err := clickExport(t)
	if err != nil {
		return err
	}
	n, err := browser.Eval[int](t, "__bench.exported()")
	if err != nil {
		return err
	}
	if want := len(d.Corpus.Project.Annotations); n != want {
		return fmt.Errorf("the export holds %d annotations, want %d", n, want)
	}
	s.add("import.io", in.T1-in.ReadAt)
	s.add("import.io.cpu", in.CPUMs)
	s.add("export.io", out.T1-out.T0)
	s.add("export.io.cpu", out.CPUMs)
	s.logf("   %s run %d: import %.0f ms (main thread CPU %.0f ms), export %.0f ms (main thread CPU %.0f ms)",
		d.Label, run+1, in.T1-in.ReadAt, in.CPUMs, out.T1-out.T0, out.CPUMs)
	return nil
}
