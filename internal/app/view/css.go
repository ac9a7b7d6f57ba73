package view

import (
	"fmt"
	"strconv"
	"strings"

	"sayso/internal/annotation"
	"sayso/internal/app"
)

// LabelCSS colours the schema's labels: their toolbar buttons and tags
// with each label's colour, and the highlights of labels added to the
// schema. Colours are "#rrggbb" (the store checks them, and so does this)
// and class names are cssName'd ids, so the CSS holds nothing from outside.
func LabelCSS(st *app.State) string {
	var b strings.Builder
	for i, l := range st.Store.Schema().Labels {
		if !isHexColor(l.Color) {
			continue
		}
		c, n := l.Color, cssName(l.ID)
		fmt.Fprintf(&b, ".tool.l-%s{box-shadow:inset 0 -3px 0 %s}.l-%s>.tag,.l-%s .tag{background:%s;color:%s}\n", n, c, n, n, c, inkOn(c))
		switch {
		case l.ID == annotation.LabelSpeaker || l.ID == annotation.LabelCue:
			fmt.Fprintf(&b, "::highlight(sayso-%s){text-decoration-color:%s}\n", n, c)
		case l.ID != annotation.LabelClaim && i < app.MaxLabelStyles:
			fmt.Fprintf(&b, "::highlight(sayso-x%d){background-color:%s66}\n", i, c)
		}
	}
	return b.String()
}

func isHexColor(c string) bool {
	if len(c) != 7 || c[0] != '#' {
		return false
	}
	for i := 1; i < 7; i++ {
		if !strings.ContainsRune("0123456789abcdefABCDEF", rune(c[i])) {
			return false
		}
	}
	return true
}

// inkOn is black or white, whichever reads better on colour c.
func inkOn(c string) string {
	v, _ := strconv.ParseUint(c[1:], 16, 32)
	r, g, bl := float64(v>>16&0xff), float64(v>>8&0xff), float64(v&0xff)
	if 0.299*r+0.587*g+0.114*bl > 150 {
		return "#000"
	}
	return "#fff"
}
