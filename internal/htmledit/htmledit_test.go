package htmledit_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/htmledit"
)

const page = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <!-- <script src="commented.js"></script> -->
  <link rel="stylesheet" href="app.css">
  <script src="boot.js" data-wasm="app.wasm"></script>
  <script>if (a < b && "<p>") {}</script>
</head>
<body><p class=x>Text &amp; more<br/></p></body>
</html>
`

func TestEditKeepsTheDocumentByteForByteWhenNothingChanges(t *testing.T) {
	var names []string
	out, err := htmledit.Edit([]byte(page), func(tag *htmledit.Tag) (string, error) {
		names = append(names, tag.Name)
		return tag.Raw, nil
	})
	require.NoError(t, err)
	assert.Equal(t, page, string(out))
	assert.Equal(t, []string{"html", "head", "meta", "link", "script", "script", "body", "p", "br"}, names,
		"tags in comments and script text are not tags")
}

func TestEditRewritesOnlyTheTagsItChanges(t *testing.T) {
	tests := []struct {
		name string
		fn   func(tag *htmledit.Tag) (string, error)
		want string
	}{
		{
			name: "rename an attribute value",
			fn: func(tag *htmledit.Tag) (string, error) {
				if v, ok := tag.Attr("data-wasm"); ok && v == "app.wasm" {
					tag.SetAttr("data-wasm", "app.0123abcd.wasm")
					return tag.String(), nil
				}
				return tag.Raw, nil
			},
			want: `<script src="boot.js" data-wasm="app.0123abcd.wasm"></script>`,
		},
		{
			name: "delete a tag",
			fn: func(tag *htmledit.Tag) (string, error) {
				if tag.Name == "link" {
					return "", nil
				}
				return tag.Raw, nil
			},
			want: "  \n  <script src=\"boot.js\"",
		},
		{
			name: "replace a tag with other markup",
			fn: func(tag *htmledit.Tag) (string, error) {
				if tag.Name == "script" {
					if _, ok := tag.Attr("src"); ok {
						tag.DelAttr("src")
						tag.DelAttr("data-wasm")
						return tag.String() + "go()", nil
					}
				}
				return tag.Raw, nil
			},
			want: `<script>go()</script>`,
		},
		{
			name: "escape new values",
			fn: func(tag *htmledit.Tag) (string, error) {
				if tag.Name == "link" {
					tag.SetAttr("title", `"quoted" & <odd>`)
					return tag.String(), nil
				}
				return tag.Raw, nil
			},
			want: `<link rel="stylesheet" href="app.css" title="&#34;quoted&#34; &amp; &lt;odd&gt;">`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := htmledit.Edit([]byte(page), tt.fn)
			require.NoError(t, err)
			assert.Contains(t, string(out), tt.want)
			assert.Contains(t, string(out), `<script>if (a < b && "<p>") {}</script>`, "script text untouched")
		})
	}
}

func TestEditStopsAtTheFirstError(t *testing.T) {
	boom := errors.New("boom")
	_, err := htmledit.Edit([]byte(page), func(tag *htmledit.Tag) (string, error) {
		if tag.Name == "link" {
			return "", boom
		}
		return tag.Raw, nil
	})
	require.ErrorIs(t, err, boom)
	assert.Contains(t, err.Error(), "<link>")
}

func TestIsLocalRefTellsFilesFromOtherURLs(t *testing.T) {
	tests := []struct {
		ref  string
		want bool
	}{
		{"app.css", true},
		{"./app.css", true},
		{"fonts/a.woff2", true},
		{"app.css?v=1", true},
		{"", false},
		{"#top", false},
		{"/app.css", false},
		{"//cdn.example/app.css", false},
		{"https://example.org/", false},
		{"data:image/svg+xml;base64,AAAA", false},
		{"mailto:a@b.c", false},
		{"blob:https://x/y", false},
	}
	for _, tt := range tests {
		t.Run(tt.ref, func(t *testing.T) {
			assert.Equal(t, tt.want, htmledit.IsLocalRef(tt.ref))
		})
	}
}

func TestLocalNameDropsDotSlashQueryAndFragment(t *testing.T) {
	assert.Equal(t, "app.css", htmledit.LocalName("./app.css?v=2#x"))
	assert.Equal(t, "icon.svg", htmledit.LocalName(" icon.svg "))
}

// FuzzEditKeepsUntouchedDocumentsByteForByte: whatever the markup, an edit
// that keeps every tag gives back the same bytes.
func FuzzEditKeepsUntouchedDocumentsByteForByte(f *testing.F) {
	f.Add(page)
	f.Add("<script>a</script><style>b</style><!-- c --><p a=b c='d'>e</p>")
	f.Add("<textarea><script></textarea><title>&amp;</title><plaintext><x>")
	f.Fuzz(func(t *testing.T, doc string) {
		out, err := htmledit.Edit([]byte(doc), func(tag *htmledit.Tag) (string, error) { return tag.Raw, nil })
		if err != nil {
			t.Fatalf("edit: %v", err)
		}
		if string(out) != doc {
			t.Fatalf("changed %q into %q", doc, out)
		}
	})
}
