package testenv_test

import (
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/testenv"
)

// childEnv marks the test binary run as a child by the tests below.
const childEnv = "SAYSO_TESTENV_CHILD"

// TestChildNeedsAMissingPrerequisite is the child: it asks for a python
// module that does not exist. Run directly it does nothing.
func TestChildNeedsAMissingPrerequisite(t *testing.T) {
	if os.Getenv(childEnv) != "1" {
		return
	}
	testenv.Python(t, "sayso_no_such_module")
	t.Log("REACHED: the test went on without its prerequisite")
}

func TestAMissingPrerequisiteFailsUnderCIAndSkipsElsewhere(t *testing.T) {
	tests := []struct {
		ci   string
		want string // what go test -v prints for the child
	}{
		{"true", "--- FAIL"},
		{"1", "--- FAIL"},
		{"", "--- SKIP"},
	}
	for _, tc := range tests {
		t.Run("CI="+tc.ci, func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "-test.run=^TestChildNeedsAMissingPrerequisite$", "-test.v")
			cmd.Env = append(os.Environ(), childEnv+"=1", "CI="+tc.ci)
			out, err := cmd.CombinedOutput()
			if tc.want == "--- FAIL" {
				require.Error(t, err, "the child must fail:\n%s", out)
			} else {
				require.NoError(t, err, "the child must pass (skipped):\n%s", out)
			}
			assert.Contains(t, string(out), tc.want)
			assert.NotContains(t, string(out), "REACHED")
			assert.Contains(t, string(out), "sayso_no_such_module", "the message names what is missing")
		})
	}
}

func TestUnderCIReadsTheUsualSpellings(t *testing.T) {
	for ci, want := range map[string]bool{"true": true, "TRUE": true, "1": true, "yes": true, "": false, "false": false, "0": false, "no": false} {
		t.Setenv("CI", ci)
		assert.Equal(t, want, testenv.UnderCI(), "CI=%q", ci)
	}
}

func TestPythonFindsAnInterpreterThatHasTheModule(t *testing.T) {
	py := testenv.Python(t, "json")
	out, err := exec.Command(py, "-c", "import json; print(json.dumps([1]))").Output()
	require.NoError(t, err)
	assert.Equal(t, "[1]", strings.TrimSpace(string(out)))
}
