package native_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/format/native"
)

func TestReanchoringMarksRoundTrip(t *testing.T) {
	sch := compileSchema(t)
	p := goldenProject(t)
	p.Annotations[2].Anchored, p.Annotations[2].AnchorConfidence = "context", 87
	b := encodeValid(t, sch, p)
	assert.Contains(t, string(b), "\"modified\": \"2025-01-02T03:10:00Z\",\n      \"anchored\": {\n        \"by\": \"context\",\n        \"confidence\": 87\n      }\n")
	back, err := native.Decode(b)
	require.NoError(t, err)
	assert.Equal(t, p, back)
	assert.Equal(t, 1, strings.Count(string(b), `"anchored"`), "only the marked annotation carries it")
}

func TestBadReanchoringMarksAreRefused(t *testing.T) {
	sch := compileSchema(t)
	p := goldenProject(t)
	good := string(encodeValid(t, sch, p))
	const at = `"modified": "2025-01-02T03:04:05Z"
    },
    {
      "id": "a2"`
	require.Contains(t, good, at)
	tests := []struct{ name, obj, want string }{
		{"unknown way", `{"by": "magic", "confidence": 50}`, `"by" must be one of`},
		{"over 100", `{"by": "fuzzy", "confidence": 140}`, `"confidence" is a percentage, 0 to 100, not 140`},
		{"negative", `{"by": "fuzzy", "confidence": -1}`, `must be 0 or more`},
		{"no confidence", `{"by": "quote"}`, `has no "confidence" field`},
		{"not an object", `"quote"`, `must be an object`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := strings.Replace(good, at, `"modified": "2025-01-02T03:04:05Z", "anchored": `+tc.obj+`
    },
    {
      "id": "a2"`, 1)
			_, err := native.Decode([]byte(in))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
			assert.Error(t, sch.Validate(mustJSON(t, in)), "the schema refuses it too")
		})
	}

	p.Annotations[0].Anchored, p.Annotations[0].AnchorConfidence = "guess", 10
	_, err := native.Encode(p)
	assert.Error(t, err, "Encode refuses what Decode would refuse")
}
