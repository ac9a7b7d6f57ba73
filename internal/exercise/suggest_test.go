package exercise_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/exercise"
)

func TestSuggestSettingRoundTripsAndDefaultsToOn(t *testing.T) {
	sch := compileSchema(t)
	off := smallExercise()
	off.NoSuggest = true
	tests := []struct {
		name        string
		e           exercise.Exercise
		wantField   bool // the file has a "suggest" field
		wantOffRead bool
	}{
		{name: "on is the old file, byte for byte", e: smallExercise(), wantField: false},
		{name: "off is written and read back", e: off, wantField: true, wantOffRead: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := encodeValid(t, sch, tt.e)
			assert.Equal(t, tt.wantField, strings.Contains(string(b), `"suggest": false`))
			got, err := exercise.Decode(b)
			require.NoError(t, err)
			assert.Equal(t, tt.wantOffRead, got.NoSuggest)
			assert.Equal(t, tt.e, got)
		})
	}
}

func TestDecodeReadsTheSuggestSetting(t *testing.T) {
	valid := smallFile(t)
	sch := compileSchema(t)
	tests := []struct {
		name    string
		in      string
		wantOff bool
		wantErr string
	}{
		{name: "absent: on (files before the setting)", in: valid},
		{name: "true: on", in: edit(t, valid, `"instructions": "",`, `"instructions": "", "suggest": true,`)},
		{name: "false: off", in: edit(t, valid, `"instructions": "",`, `"instructions": "", "suggest": false,`), wantOff: true},
		{name: "a string is refused", in: edit(t, valid, `"instructions": "",`, `"instructions": "", "suggest": "no",`),
			wantErr: `"suggest" must be true or false, not a string`},
		{name: "twice is refused", in: edit(t, valid, `"instructions": "",`, `"instructions": "", "suggest": false, "suggest": true,`),
			wantErr: `the exercise has "suggest" twice`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := exercise.Decode([]byte(tt.in))
			if tt.wantErr != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.wantErr)
				if !strings.Contains(tt.name, "twice") { // JSON Schema cannot see duplicate keys
					assert.Error(t, sch.Validate(mustJSON(t, tt.in)), "the schema refuses it too")
				}
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.wantOff, got.NoSuggest)
			assert.NoError(t, sch.Validate(mustJSON(t, tt.in)), "the schema accepts it")
		})
	}
}
