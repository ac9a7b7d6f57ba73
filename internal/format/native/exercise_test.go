package native_test

import (
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/format/native"
)

// studentProject is a student's work on an exercise: no role.
func studentProject() annotation.Project {
	p := sparseProject()
	p.Annotator = "Mia Chen"
	p.Exercise = annotation.ExerciseRef{ID: "ex-3f2a9c01d4e5", Title: "Week 3: who said it? <draft> & “quotes” 🚀"}
	return p
}

// keyProject is a teacher's answer key.
func keyProject(t *testing.T) annotation.Project {
	p := goldenProject(t)
	p.Exercise = annotation.ExerciseRef{ID: "ex-3f2a9c01d4e5", Title: "Week 3", Role: annotation.RoleKey,
		Instructions: "Mark every claim.\n\n- Link it to its **speaker** </script>"}
	return p
}

// mustJSON parses s for the JSON Schema validator.
func mustJSON(t *testing.T, s string) any {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(strings.NewReader(s))
	require.NoError(t, err)
	return v
}

func TestExerciseIsWrittenRightAfterTheAnnotator(t *testing.T) {
	sch := compileSchema(t)
	s := string(encodeValid(t, sch, studentProject()))
	assert.Contains(t, s, "  \"annotator\": \"Mia Chen\",\n"+
		"  \"exercise\": {\n"+
		"    \"id\": \"ex-3f2a9c01d4e5\",\n"+
		"    \"title\": \"Week 3: who said it? <draft> & “quotes” 🚀\"\n"+
		"  },\n"+
		"  \"schema\": {\n", "a student's work has no role")

	k := string(encodeValid(t, sch, keyProject(t)))
	assert.Contains(t, k, "  \"exercise\": {\n"+
		"    \"id\": \"ex-3f2a9c01d4e5\",\n"+
		"    \"title\": \"Week 3\",\n"+
		"    \"role\": \"key\",\n"+
		"    \"instructions\": \"Mark every claim.\\n\\n- Link it to its **speaker** </script>\"\n"+
		"  },\n")
}

func TestExerciseIsLeftOutWhenThereIsNone(t *testing.T) {
	b, err := native.Encode(sparseProject())
	require.NoError(t, err)
	assert.NotContains(t, string(b), `"exercise"`)
}

func TestOpenKeepsTheExerciseInTheStore(t *testing.T) {
	b, err := native.Encode(keyProject(t))
	require.NoError(t, err)
	s, err := native.Open(b, clock)
	require.NoError(t, err)
	assert.Equal(t, keyProject(t).Exercise, s.Exercise())
}

func TestDecodeReadsAHandWrittenExercise(t *testing.T) {
	sch := compileSchema(t)
	tests := []struct {
		name string
		obj  string
		want annotation.ExerciseRef
	}{
		{"id only", `{"id": "ex-1"}`, annotation.ExerciseRef{ID: "ex-1"}},
		{"empty title and role written out", `{"id": "ex-1", "title": "", "role": ""}`, annotation.ExerciseRef{ID: "ex-1"}},
		{"fields in another order", `{"role": "key", "title": "T", "id": "ex-1"}`,
			annotation.ExerciseRef{ID: "ex-1", Title: "T", Role: "key"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := edit(t, sparseFile(t), `"annotator": "",`, `"annotator": "", "exercise": `+tt.obj+`,`)
			requireValid(t, sch, []byte(in))
			p, err := native.Decode([]byte(in))
			require.NoError(t, err)
			want := sparseProject()
			want.Exercise = tt.want
			assert.Equal(t, want, p)
		})
	}
}

func TestDecodeRefusesAMalformedExercise(t *testing.T) {
	sch := compileSchema(t)
	tests := []struct {
		name string
		obj  string
		want string
	}{
		{"not an object", `"ex-1"`,
			`"exercise" must be an object, not a string (line 6, column 32)`},
		{"no id", `{"title": "Week 3"}`,
			`the exercise has no "id" field`},
		{"empty id", `{"id": ""}`,
			`the exercise: "id" is empty (line 6, column 39)`},
		{"id is a number", `{"id": 3}`,
			`the exercise: "id" must be a string, not a number (line 6, column 39)`},
		{"title is null", `{"id": "ex-1", "title": null}`,
			`the exercise: "title" must be a string, not null (line 6, column 56)`},
		{"unknown role", `{"id": "ex-1", "role": "teacher"}`,
			`the exercise: "role" must be "key" or left out, not "teacher" (line 6, column 55)`},
		{"unknown field", `{"id": "ex-1", "answers": []}`,
			`the exercise has an unknown field "answers" (line 6, column 47)`},
		{"field twice", `{"id": "ex-1", "id": "ex-2"}`,
			`the exercise has "id" twice (line 6, column 47)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := edit(t, sparseFile(t), `"annotator": "",`, `"annotator": "", "exercise": `+tt.obj+`,`)
			p, err := native.Decode([]byte(in))
			assert.EqualError(t, err, tt.want)
			assert.Equal(t, annotation.Project{}, p, "no project on error")
			if tt.name != "field twice" { // JSON Schema cannot see repeated keys
				inst := mustJSON(t, in)
				assert.Error(t, sch.Validate(inst), "the schema refuses it too")
			}
		})
	}
}

func TestEncodeRefusesAnExerciseItCannotCarry(t *testing.T) {
	tests := []struct {
		name string
		ref  annotation.ExerciseRef
		want string
	}{
		{"title without id", annotation.ExerciseRef{Title: "Week 3"},
			"encode: the exercise has a title or a role but no id"},
		{"role without id", annotation.ExerciseRef{Role: annotation.RoleKey},
			"encode: the exercise has a title or a role but no id"},
		{"unknown role", annotation.ExerciseRef{ID: "ex-1", Role: "teacher"},
			`encode: the exercise: role "teacher" is not "key"`},
		{"invalid UTF-8", annotation.ExerciseRef{ID: "ex-1", Title: "bad \xff"},
			`encode: the exercise: "bad \xff" is not valid UTF-8`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := sparseProject()
			p.Exercise = tt.ref
			b, err := native.Encode(p)
			assert.EqualError(t, err, tt.want)
			assert.Nil(t, b)
		})
	}
}
