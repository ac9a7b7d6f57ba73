package native_test

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/format/native"
)

// FuzzDecode checks that Decode and Open never panic, that whatever Decode
// accepts matches the JSON Schema and re-encodes to a file that decodes to
// the same project, and that a store Open builds exports a file that opens
// again to the same bytes. Seeds are in testdata/fuzz/FuzzDecode.
func FuzzDecode(f *testing.F) {
	sch := compileSchema(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := native.Decode(b)
		if err != nil {
			require.NotEmpty(t, err.Error())
			require.Equal(t, annotation.Project{}, p, "no project on error")
		} else {
			requireValid(t, sch, b)
			enc, err := native.Encode(p)
			require.NoError(t, err, "what Decode accepts, Encode writes")
			requireValid(t, sch, enc)
			again, err := native.Decode(enc)
			require.NoError(t, err)
			require.Equal(t, p, again)
			enc2, err := native.Encode(again)
			require.NoError(t, err)
			require.True(t, bytes.Equal(enc, enc2), "encode(decode(encode(p))) is encode(p)")
		}

		// Whatever a person opens either fails whole, or loads — repaired
		// if need be — into a project that exports and opens again.
		if r, _, err := native.OpenRepaired(b, clock); err == nil {
			out, err := native.Encode(r.Project())
			require.NoError(t, err)
			_, err = native.Open(out, clock)
			require.NoError(t, err, "a repaired project opens without repair")
		}

		s, err := native.Open(b, clock)
		if err != nil {
			require.Nil(t, s)
			return
		}
		require.NoError(t, err)
		exported, err := native.Encode(s.Project())
		require.NoError(t, err)
		_, err = native.Decode(exported)
		require.NoError(t, err, "an export decodes")
		s2, err := native.Open(exported, clock)
		require.NoError(t, err, "an export opens")
		reexported, err := native.Encode(s2.Project())
		require.NoError(t, err)
		require.Equal(t, string(exported), string(reexported), "export, import, export")
	})
}
