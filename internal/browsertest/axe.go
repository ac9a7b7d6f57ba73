//go:build !js

package browsertest

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"sayso/internal/testenv"
)

// axeTags are the rule sets every screen is audited with: WCAG 2.0, 2.1
// and 2.2 at levels A and AA (target size is switched on besides).
const axeTags = `["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]`

// AxeSource is axe-core's source, pinned in tools/axe/package-lock.json
// and installed by `make axe-deps` (a prerequisite of `make test`).
func AxeSource(t testing.TB) string {
	t.Helper()
	path := filepath.Join(ModuleRoot(t), "tools", "axe", "node_modules", "axe-core", "axe.min.js")
	src, err := os.ReadFile(path)
	if err != nil {
		testenv.Missing(t, "axe-core is not installed (%v): `make axe-deps` installs it with npm ci in tools/axe", err)
	}
	return string(src)
}

// axeViolation is the part of an axe result a test reports.
type axeViolation struct {
	ID      string `json:"id"`
	Impact  string `json:"impact"`
	Help    string `json:"help"`
	HelpURL string `json:"helpUrl"`
	Nodes   []struct {
		Target         []any  `json:"target"`
		FailureSummary string `json:"failureSummary"`
		HTML           string `json:"html"`
	} `json:"nodes"`
}

// Audit runs axe-core (src, from AxeSource) on the page as it is now,
// with WCAG 2.0, 2.1 and 2.2 A and AA and target-size, and fails t with
// each violation and the elements it was found on, naming screen. axe's
// source is evaluated through the debugging protocol (Runtime.evaluate),
// which the page's Content-Security-Policy does not govern: the CSP
// stays as it is.
func Audit(t testing.TB, p *Page, src, screen string) {
	t.Helper()
	if !Eval[bool](p, `typeof window.axe === "object"`) {
		if _, err := chromedp.Run(p.Ctx, chromedp.Evaluate[any](src+"\n;true")); err != nil {
			t.Fatalf("inject axe-core: %v", err)
		}
	}
	raw := EvalAwait[string](p, `axe.run(document, {
		runOnly: {type: "tag", values: `+axeTags+`},
		rules: {"target-size": {enabled: true}},
		resultTypes: ["violations"],
	}).then(r => JSON.stringify(r.violations))`)
	var vs []axeViolation
	require.NoError(t, json.Unmarshal([]byte(raw), &vs))
	for _, v := range vs {
		var where []string
		for _, n := range v.Nodes {
			where = append(where, fmt.Sprintf("    %v  %s\n      %s", n.Target, strings.ReplaceAll(n.FailureSummary, "\n", " "), trimTo(n.HTML, 160)))
		}
		t.Errorf("%s: axe %s (%s): %s %s\n%s", screen, v.ID, v.Impact, v.Help, v.HelpURL, strings.Join(where, "\n"))
	}
}

func trimTo(s string, n int) string {
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}
