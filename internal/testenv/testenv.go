// Package testenv decides, for every test that needs something outside Go
// (Chromium, wrangler, node, the shared corpus, python3 with pandas),
// what happens when it is missing: under CI the test fails, elsewhere it
// is skipped with the reason. `.ci/run` exports CI=true; any value of CI
// but "", "0", "false" and "no" counts, so a runner that says CI=1 cannot
// turn a missing prerequisite into a silent skip either.
package testenv

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// UnderCI reports whether missing prerequisites must fail rather than skip.
func UnderCI() bool {
	switch strings.ToLower(strings.TrimSpace(os.Getenv("CI"))) {
	case "", "0", "false", "no":
		return false
	}
	return true
}

// Missing fails the test under CI and skips it elsewhere, with the reason.
func Missing(t testing.TB, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...)
	if UnderCI() {
		t.Fatal(msg + " (CI must have it: `make test` installs it)")
	}
	t.Skip(msg)
}

// pythonCandidates are tried in order: Debian's own interpreter first,
// where `apt-get install python3-pandas` puts pandas, then whatever
// python3 is first on PATH (a pyenv shim, a virtualenv).
func pythonCandidates() []string {
	out := []string{"/usr/bin/python3"}
	if p, err := exec.LookPath("python3"); err == nil {
		out = append(out, p)
	}
	return out
}

// Python returns a python3 that can import every module in modules
// (none: any python3). Without one the test fails under CI and is
// skipped elsewhere.
func Python(t testing.TB, modules ...string) string {
	t.Helper()
	probe := "import sys"
	if len(modules) > 0 {
		probe = "import " + strings.Join(modules, ", ")
	}
	var tried []string
	for _, py := range pythonCandidates() {
		if _, err := os.Stat(py); err != nil {
			continue
		}
		out, err := exec.Command(py, "-c", probe).CombinedOutput()
		if err == nil {
			return py
		}
		tried = append(tried, fmt.Sprintf("%s: %s", py, strings.TrimSpace(lastLine(string(out)))))
	}
	if len(tried) == 0 {
		Missing(t, "python3 is not installed (Debian: apt-get install python3-pandas)")
	} else {
		Missing(t, "no python3 here can %q (Debian: apt-get install python3-pandas); tried %s", probe, strings.Join(tried, "; "))
	}
	return ""
}

func lastLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		return s[i+1:]
	}
	return s
}
