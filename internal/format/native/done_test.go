package native_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/format/native"
)

// doneProject has two documents, the second marked done.
func doneProject() annotation.Project {
	p := sparseProject()
	p.Documents = append(p.Documents, annotation.Document{ID: "d2", Title: "Second", Topic: "t", Text: "Done text.", Done: true})
	return p
}

func TestDoneMarkRoundTrips(t *testing.T) {
	sch := compileSchema(t)
	p := doneProject()
	b := encodeValid(t, sch, p)
	s := string(b)
	assert.Equal(t, 1, strings.Count(s, `"done"`), "only the document marked done says so")
	assert.Contains(t, s, "\"topic\": \"t\",\n      \"done\": true,\n      \"length\": 10,", "done follows topic")

	got, err := native.Decode(b)
	require.NoError(t, err)
	assert.Equal(t, p, got)
	again, err := native.Encode(got)
	require.NoError(t, err)
	assert.Equal(t, s, string(again))

	st, err := native.Open(b, clock)
	require.NoError(t, err)
	d, _, ok := st.Document("d2")
	require.True(t, ok)
	assert.True(t, d.Done, "the store keeps the mark")
}

func TestDoneIsLeftOutUnlessTrue(t *testing.T) {
	b, err := native.Encode(sparseProject())
	require.NoError(t, err)
	assert.NotContains(t, string(b), `"done"`, "a project without done documents is written as before")
}

func TestDecodeReadsAHandWrittenDoneFalse(t *testing.T) {
	sch := compileSchema(t)
	in := edit(t, sparseFile(t), `"topic": "",`, `"topic": "", "done": false,`)
	requireValid(t, sch, []byte(in))
	p, err := native.Decode([]byte(in))
	require.NoError(t, err)
	assert.Equal(t, sparseProject(), p)
}

func TestDecodeRefusesADoneThatIsNotTrueOrFalse(t *testing.T) {
	for v, kind := range map[string]string{`"yes"`: "a string", `1`: "a number", `null`: "null"} {
		t.Run(v, func(t *testing.T) {
			in := edit(t, sparseFile(t), `"topic": "",`, `"topic": "", "done": `+v+`,`)
			p, err := native.Decode([]byte(in))
			assert.EqualError(t, err, `document "d1": "done" must be true or false, not `+kind+` (line 34, column 28)`)
			assert.Equal(t, annotation.Project{}, p)
		})
	}
}
