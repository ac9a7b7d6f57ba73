package view

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
)

// viaFmt is what Printf wrote before its fmt-free path (printPlain): the
// arguments made safe, then fmt.
func viaFmt(format string, args ...any) string {
	safe := make([]any, len(args))
	for i, a := range args {
		safe[i] = safeArg(a)
	}
	return fmt.Sprintf(format, safe...)
}

func TestPrintfWritesWhatFmtWritesEscapingTheSame(t *testing.T) {
	h := HTML{s: `<b class="x">&</b>`}
	for _, c := range []struct {
		name   string
		format markup
		args   []any
		plain  bool // printPlain takes it (else fmt does)
	}{
		{"text and numbers", `<li data-n="%d" title="%s">%s</li>`, []any{42, `a "quote" & <tag>`, "it's"}, true},
		{"every escaped character", `%s`, []any{`<>&'"`}, true},
		{"nothing to escape", `<p>%s</p>`, []any{"plain words, emoji 👍 and CJK 中文"}, true},
		{"built HTML and markup as they are", `<div>%s%s</div>`, []any{h, markup(`<br>`)}, true},
		{"actions and fields escaped", `<button data-action="%s" data-field="%s">`, []any{Action(`a"b`), Field(`<f>`)}, true},
		{"int32 and int64", `%d/%d`, []any{int32(-3), int64(1 << 40)}, true},
		{"a percent sign", `100%% of %s`, []any{"it"}, true},
		{"no arguments", `<hr>`, nil, true},
		{"a float goes through fmt", `%.2f`, []any{1.5}, false},
		{"a padded number goes through fmt", `%04d`, []any{7}, false},
		{"a string for %d goes through fmt", `%d`, []any{"x"}, false},
		{"a missing argument goes through fmt", `%s %s`, []any{"x"}, false},
		{"a missing number goes through fmt", `%d %d`, []any{1}, false},
		{"an extra argument goes through fmt", `%s`, []any{"x", "y"}, false},
		{"a trailing percent goes through fmt", `%s %`, []any{"x"}, false},
		{"a bool goes through fmt", `%s`, []any{true}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			var plain Builder
			assert.Equal(t, c.plain, plain.printPlain(string(c.format), append([]any(nil), c.args...)))
			if !c.plain {
				assert.Empty(t, plain.HTML().String(), "printPlain writes nothing when it declines")
			}
			var b Builder
			b.Printf(c.format, append([]any(nil), c.args...)...)
			assert.Equal(t, viaFmt(string(c.format), c.args...), b.HTML().String())
		})
	}
}

// FuzzPrintfPlainMatchesFmt holds Printf's fmt-free path to fmt with the
// arguments escaped by html.EscapeString, for any text and number.
func FuzzPrintfPlainMatchesFmt(f *testing.F) {
	f.Add("x", 1, "<li>")
	f.Add(`"quoted" & 'single'`, -7, "plain")
	f.Add("emoji 👍 \u2028 \x00", 0, `<>&'"`)
	f.Add("%s %d %%", 1<<31, "%")
	f.Fuzz(func(t *testing.T, s string, n int, m string) {
		var b Builder
		b.Printf(`<a title="%s" data-n="%d">%s%%</a>`, s, n, m)
		assert.Equal(t, viaFmt(`<a title="%s" data-n="%d">%s%%</a>`, s, n, m), b.HTML().String())
	})
}
