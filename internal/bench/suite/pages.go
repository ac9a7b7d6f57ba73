package suite

import (
	"fmt"
	"html"
	"regexp"
	"strings"
)

// StaticPage returns a static HTML page of exactly size bytes (or the
// smallest page there is, when size is smaller) made of paragraphs: the
// baseline the app's load time is compared with.
func StaticPage(size int, paragraphs []string) []byte {
	const head = "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Static page</title>\n</head>\n<body>\n"
	const tail = "</body>\n</html>\n"
	var b strings.Builder
	b.WriteString(head)
	for i := 0; len(paragraphs) > 0 && b.Len()+len(tail) < size; i++ {
		b.WriteString("<p>" + html.EscapeString(paragraphs[i%len(paragraphs)]) + "</p>\n")
	}
	s := b.String()
	if over := len(s) + len(tail) - size; over > 0 {
		// Cut back to a character boundary, then pad with spaces.
		s = strings.ToValidUTF8(s[:max(len(head), len(s)-over)], "")
	}
	pad := max(0, size-len(s)-len(tail))
	return []byte(s + strings.Repeat(" ", pad) + tail)
}

// PlainPage is the page the layout baseline runs in: the app's stylesheet
// and the app's reading column with an empty #doc.
func PlainPage(cssHref string) []byte {
	return fmt.Appendf(nil, `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Plain paragraphs</title>
<link rel="stylesheet" href="%s">
</head>
<body>
<main>
<section class="workspace">
<article class="reader"><h1>Plain paragraphs</h1><div id="doc" class="doc"></div></article>
<aside class="side"></aside>
</section>
</main>
</body>
</html>
`, html.EscapeString(cssHref))
}

var stylesheet = regexp.MustCompile(`<link rel="stylesheet" href="([^"]+)"`)

// StylesheetHref finds the app's stylesheet in its index.html.
func StylesheetHref(indexHTML []byte) (string, error) {
	m := stylesheet.FindSubmatch(indexHTML)
	if m == nil {
		return "", fmt.Errorf("index.html links no stylesheet")
	}
	return "/" + strings.TrimPrefix(string(m[1]), "/"), nil
}
