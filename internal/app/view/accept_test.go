package view

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/exchange"
)

// openInput finds web/index.html's Open file inputs with their attributes.
var openInput = regexp.MustCompile(`<input type="file" id="(open-file[^"]*)"([^>]*)>`)

// TestThePageOpenInputsTakeEveryFormatAndManyFiles checks the static
// page's Open inputs (toolbar and start screen) against exchange: each
// takes several files and accepts every ending a format that opens
// claims, brat's .txt and .ann included, as the inputs built in Go do.
func TestThePageOpenInputsTakeEveryFormatAndManyFiles(t *testing.T) {
	page, err := os.ReadFile("../../../web/index.html")
	require.NoError(t, err)
	inputs := openInput.FindAllStringSubmatch(string(page), -1)
	var ids []string
	for _, in := range inputs {
		ids = append(ids, in[1])
	}
	require.Equal(t, []string{"open-file", "open-file-start"}, ids)
	for _, in := range inputs {
		id, attrs := in[1], in[2]
		assert.Contains(t, attrs, " multiple", "#%s takes several files", id)
		m := regexp.MustCompile(`accept="([^"]*)"`).FindStringSubmatch(attrs)
		require.NotNil(t, m, "#%s has an accept list", id)
		accept := strings.Split(m[1], ",")
		for _, e := range exchange.OpenEndings() {
			assert.Contains(t, accept, e, "#%s accepts %s files", id, e)
		}
		assert.ElementsMatch(t, strings.Split(OpenAccept(), ","), accept, "#%s has the list the Go-built inputs have", id)
	}
}

func TestTheImportInputAcceptsEveryFormatThatOpens(t *testing.T) {
	page := Documents(sampleState(t)).String()
	assert.Contains(t, page, `id="import-file" data-`+FileImport+`="1" accept="`+OpenAccept()+`"`)
}
