package app

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/store"
)

// savedAndCompacted is a sample project saved whole and compacted (its
// base), then one more claim saved and compacted (a record over the
// base), as the page leaves storage after a while.
func savedAndCompacted(t *testing.T) (*State, *memKV, string) {
	t.Helper()
	kv := &memKV{m: map[string]string{}}
	st := sampleState(t)
	Update(st, Autosave{Storage: kv})
	Update(st, Compact{Storage: kv})
	Update(st, Tag{Label: annotation.LabelClaim, Sel: cp(t, SampleText, "Nobody asked us")})
	id := st.Selected
	require.NotEmpty(t, id)
	Update(st, Autosave{Storage: kv})
	Update(st, Compact{Storage: kv})
	require.False(t, st.Unsaved())
	require.Contains(t, kv.m, StorePrefix+store.BaseKey)
	require.Contains(t, kv.m, StorePrefix+store.RecordPrefix+annotation.AnnotationRecord(id))
	return st, kv, id
}

// A reload reads what this app wrote without checking every record
// against a hash of its own; what it does check must catch a damaged or
// hand-edited store and say so, never show part of the work as if it
// were all of it.
func TestARestoreOfADamagedStoreSaysSoAndShowsNothingWrong(t *testing.T) {
	cases := []struct {
		name   string
		damage func(t *testing.T, kv *memKV, claim string)
		want   string // in the message; "" for a restore that shows the work
	}{
		{"storage as written", func(*testing.T, *memKV, string) {}, ""},
		{"a byte of the project's copy changed", func(t *testing.T, kv *memKV, _ string) {
			k := StorePrefix + store.BaseKey
			b := []byte(kv.m[k])
			i := strings.Index(string(b), "harbour")
			require.Positive(t, i, "the base holds the text")
			b[i] = 'H'
			kv.m[k] = string(b)
		}, "damaged"},
		{"the project's copy cut short", func(t *testing.T, kv *memKV, _ string) {
			k := StorePrefix + store.BaseKey
			kv.m[k] = kv.m[k][:len(kv.m[k])/2]
		}, "damaged"},
		{"a claim's quote edited by hand", func(t *testing.T, kv *memKV, claim string) {
			k := StorePrefix + store.RecordPrefix + annotation.AnnotationRecord(claim)
			require.Contains(t, kv.m[k], `"Quote":"Nobody asked us"`)
			kv.m[k] = strings.Replace(kv.m[k], `"Quote":"Nobody asked us"`, `"Quote":"Everybody asked us"`, 1)
		}, "does not match the text"},
		{"a claim's record no longer JSON", func(t *testing.T, kv *memKV, claim string) {
			kv.m[StorePrefix+store.RecordPrefix+annotation.AnnotationRecord(claim)] = `{"ID":`
		}, "read annotation " + "%s"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st, kv, claim := savedAndCompacted(t)
			c.damage(t, kv, claim)
			fresh := NewState(fixedClock)
			Update(fresh, RestoreAutosave{Storage: kv})
			if c.want == "" {
				assert.Empty(t, fresh.Message.Text)
				assert.Equal(t, st.Store.Project(), fresh.Store.Project())
				return
			}
			assert.Equal(t, "error", fresh.Message.Kind)
			assert.Contains(t, fresh.Message.Text, "could not be read")
			assert.Contains(t, fresh.Message.Text, strings.ReplaceAll(c.want, "%s", claim))
			assert.Empty(t, fresh.Doc, "no document shown from a damaged store")
			assert.Zero(t, fresh.Store.Len())
		})
	}
}
