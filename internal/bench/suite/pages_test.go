package suite

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestStaticPageHasTheAskedSize(t *testing.T) {
	assert.Len(t, StaticPage(10, nil), 121, "never smaller than an empty page")
	paras := []string{"“Short” one 😀.", "A second, longer paragraph with 港口 in it."}
	for _, size := range []int{200, 1000, 12345, 1 << 20} {
		p := StaticPage(size, paras)
		assert.Len(t, p, size, "size %d", size)
		assert.True(t, utf8.Valid(p))
		assert.True(t, strings.HasSuffix(string(p), "</body>\n</html>\n"))
	}
	assert.Contains(t, string(StaticPage(1000, paras)), "<p>“Short” one 😀.</p>")
}

func TestStylesheetHref(t *testing.T) {
	href, err := StylesheetHref([]byte(`<link rel="manifest" href="m.json">
<link rel="stylesheet" href="app.9d42937d.css">`))
	require.NoError(t, err)
	assert.Equal(t, "/app.9d42937d.css", href)
	_, err = StylesheetHref([]byte("<html></html>"))
	assert.Error(t, err)
	assert.Contains(t, string(PlainPage("/app.css")), `<div id="doc" class="doc">`)
}
