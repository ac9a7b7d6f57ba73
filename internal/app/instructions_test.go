package app

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestInstructionsKeepSimpleFormattingAndEscapeTheRest(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"paragraphs", "Read the article.\nCarefully.\n\nThen tag.", "<p>Read the article. Carefully.</p><p>Then tag.</p>"},
		{"bullets", "Tag:\n- every **claim**\n* its _speaker_", "<p>Tag:</p><ul><li>every <b>claim</b></li><li>its <em>speaker</em></li></ul>"},
		{"numbers", "1. read\n2. tag", "<ol><li>read</li><li>tag</li></ol>"},
		{"unmatched marks stay", "a ** b and snake_case", "<p>a ** b and snake_case</p>"},
		{"markup is text", `<script>alert(1)</script> **<img src=x onerror=1>**`, "<p>&lt;script&gt;alert(1)&lt;/script&gt; <b>&lt;img src=x onerror=1&gt;</b></p>"},
		{"empty", " \n ", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := InstructionsHTML(tc.in)
			assert.Equal(t, tc.want, got)
			assertOnlyOwnMarkup(t, got)
		})
	}
}

func FuzzInstructionsHTML(f *testing.F) {
	f.Add("- **a** _b_\n\n1. <c>")
	f.Add("**__**_**")
	f.Fuzz(func(t *testing.T, s string) {
		assertOnlyOwnMarkup(t, InstructionsHTML(s))
	})
}
