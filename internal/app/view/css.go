package view

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"sayso/internal/annotation"
	"sayso/internal/app"
)

// LabelCSS is the style sheet of the marks in the text, which the page
// adopts as a constructed sheet: the stance styles of claims (MarkStyles),
// and each label's colours: its toolbar button and tags, and the
// highlights of speakers, cues and labels added to the schema. Colours are
// "#rrggbb" (the store checks them, and so does this) and class names are
// cssName'd ids, so the CSS holds nothing from outside.
//
// Every colour a label gets is made readable here, whatever the person
// picked in the schema editor: the text on its tags is black or white,
// whichever contrasts more (at least 4.5:1, InkOn); its underline in the
// text and on its toolbar button is darkened until it stands out from the
// page at 3:1 (MarkOn), and a speaker's name in the text until it reads at
// 4.5:1.
//
// It depends on the schema alone, so it is made again only when the
// schema changed (app.State.SchemaMemo), not after every annotation.
func LabelCSS(st *app.State) string { return st.SchemaMemo("LabelCSS", labelCSS) }

func labelCSS(sc annotation.Schema) string {
	var b strings.Builder
	b.WriteString(stanceCSS)
	b.WriteString(forcedCSS)
	fmt.Fprintf(&b, "::highlight(sayso-other),.mk-other{background-color:rgba(120,120,120,.25);text-decoration:underline solid 2px %s;text-underline-offset:4px}\n", OtherMark)
	addedStanceCSS(&b, sc)
	for i, l := range sc.Labels {
		if !isHexColor(l.Color) {
			continue
		}
		c, n := l.Color, cssName(l.ID)
		mark := MarkOn(c, Paper, MinMarkContrast)
		tinted := MarkOn(c, Over(c, LabelTintAlpha, Paper), MinMarkContrast) // over its own tint
		fmt.Fprintf(&b, ".tool.l-%s{box-shadow:inset 0 -3px 0 %s}.l-%s>.tag,.l-%s .tag{background:%s;color:%s}\n", n, mark, n, n, c, InkOn(c))
		switch {
		case l.ID == annotation.LabelSpeaker:
			text := MarkOn(c, Paper, SpeakerTextContrast)
			fmt.Fprintf(&b, "::highlight(sayso-speaker){color:%s;text-decoration:underline solid 3px %s;text-underline-offset:3px}\n", text, mark)
			fmt.Fprintf(&b, ".l-speaker.ann,.mk-speaker{color:%s;border-bottom:3px solid %s}\n", text, mark)
		case l.ID == annotation.LabelCue:
			fmt.Fprintf(&b, "::highlight(sayso-cue){text-decoration:underline dotted 3px %s;text-underline-offset:3px}\n", mark)
			fmt.Fprintf(&b, ".l-cue.ann,.mk-cue{border-bottom:3px dotted %s}\n", mark)
		case l.ID != annotation.LabelClaim && i < app.MaxLabelStyles:
			fmt.Fprintf(&b, "::highlight(sayso-x%d){background-color:%s;text-decoration:underline solid 2px %s;text-underline-offset:4px}\n", i, rgba(c, LabelTintAlpha), tinted)
			fmt.Fprintf(&b, ".mk-x%d,.l-%s.ann{background-color:%s;text-decoration:underline solid 2px %s;text-underline-offset:4px}\n", i, n, rgba(c, LabelTintAlpha), tinted)
		}
	}
	return b.String()
}

// Contrast thresholds of WCAG 2.2: text (SC 1.4.3) and the parts of a
// mark that make it visible (non-text contrast, SC 1.4.11).
const (
	MinTextContrast = 4.5
	MinMarkContrast = 3.0
	// SpeakerTextContrast is what a speaker's name in the text is
	// darkened to: more than MinTextContrast, for a name read in a
	// paragraph.
	SpeakerTextContrast = 7.0
	// LabelTintAlpha is the opacity of the tint of a label the schema
	// added, in its own colour.
	LabelTintAlpha = 0.4
)

// Paper is the background the article and the side panel are drawn on,
// and Ink the colour of their text (web/app.css --paper and --ink).
const (
	Paper = "#ffffff"
	Ink   = "#1d1d1f"
)

// OtherMark underlines the labels beyond MaxLabelStyles, drawn in grey.
const OtherMark = "#5f6368"

// MarkStyle is how the text under a claim is marked for one stance: a
// light tint of the stance's hue and an underline whose line style
// differs for every stance, so that stance is told by more than hue (in
// grey, to a person who does not see the hue, on a printout).
type MarkStyle struct {
	Style  string  // the highlight (::highlight(sayso-<Style>)) and legend class (mk-<Style>)
	Stance string  // the stance value; "" for a claim without one (or with a stance of the schema's own)
	Class  string  // the segment renderer's class for it (web/app.css .l-claim.st-…)
	Line   string  // text-decoration-style of the underline
	Mark   string  // the underline's colour, "#rrggbb"
	Tint   string  // the background's colour, "#rrggbb", laid over the paper at TintAlpha
	Alpha  float64 // the tint's opacity
	Words  string  // how the legend describes the mark
	// Over adds an overline to the underline, and Thick makes both 4px
	// (not 2px): the styles of stance values added in the schema editor
	// (AddedStanceStyles), whose line styles repeat the built-in ones.
	Over, Thick bool
}

// decoration is the CSS text-decoration of the mark.
func (s MarkStyle) decoration() string {
	lines, width := "underline", 2
	if s.Over {
		lines = "underline overline"
	}
	if s.Thick {
		width = 4
	}
	return fmt.Sprintf("text-decoration:%s %s %dpx %s;text-underline-offset:4px;text-decoration-skip-ink:none", lines, s.Line, width, s.Mark)
}

// MarkStyles are the stance styles of claims; each underline stands out
// from the paper and from its own tint at MinMarkContrast, and the text
// on each tint reads at MinTextContrast (table-tested in css_test.go).
var MarkStyles = []MarkStyle{
	{Style: "claim", Stance: "", Class: "", Line: "double", Mark: "#8a6a00", Tint: "#f5c542", Alpha: .42, Words: "double underline"},
	{Style: "claim-favor", Stance: "favor", Class: "st-favor", Line: "solid", Mark: "#2e7d32", Tint: "#4caf50", Alpha: .30, Words: "solid underline"},
	{Style: "claim-against", Stance: "against", Class: "st-against", Line: "wavy", Mark: "#c62828", Tint: "#e53935", Alpha: .26, Words: "wavy underline"},
	{Style: "claim-neutral", Stance: "neutral", Class: "st-neutral", Line: "dashed", Mark: "#55595e", Tint: "#787878", Alpha: .24, Words: "dashed underline"},
	{Style: "claim-unclear", Stance: "unclear", Class: "st-unclear", Line: "dotted", Mark: "#7b1fa2", Tint: "#8e24aa", Alpha: .22, Words: "dotted underline"},
}

// AddedStanceStyles are the mark styles of the stance values a schema
// adds (or a built-in one renamed), in their order among the schema's
// stances (app.AddedStanceStyle): the built-in line styles again, with an
// overline, then thick with an overline, then thick, so that no two
// stances are drawn alike, and in a blue, a teal or a brown tint — colour
// is never the signal, the lines are.
var AddedStanceStyles = func() []MarkStyle {
	lines := []string{"solid", "dashed", "dotted", "double", "wavy"}
	hues := []struct{ mark, tint string }{{"#1565c0", "#1e88e5"}, {"#00695c", "#00897b"}, {"#6d4c41", "#8d6e63"}}
	var out []MarkStyle
	for _, v := range []struct{ over, thick bool }{{true, false}, {true, true}, {false, true}} {
		for _, line := range lines {
			k := len(out)
			words := line + " underline"
			if v.thick {
				words = "thick " + words
			}
			if v.over {
				words += " and overline"
			}
			h := hues[k%len(hues)]
			out = append(out, MarkStyle{Style: "claim-y" + strconv.Itoa(k), Line: line, Mark: h.mark, Tint: h.tint, Alpha: .18, Words: words, Over: v.over, Thick: v.thick})
		}
	}
	return out[:app.MaxAddedStanceStyles]
}()

// stanceCSS styles every MarkStyle: its highlight, its segments (the
// renderer without highlights), the legend's sample, the side list's
// stance badge and the inspector's pressed stance button.
var stanceCSS = func() string {
	var b strings.Builder
	for _, s := range MarkStyles {
		tint := rgba(s.Tint, s.Alpha)
		deco := s.decoration()
		seg, badge := ".l-claim.ann", ".badge.st-"
		if s.Class != "" {
			seg += "." + s.Class
		}
		fmt.Fprintf(&b, "::highlight(sayso-%s){background-color:%s;%s}\n", s.Style, tint, deco)
		fmt.Fprintf(&b, "%s,.mk-%s,%s%s{background-color:%s;%s}\n", seg, s.Style, badge, cssName(s.Stance), tint, deco)
		if s.Class != "" {
			fmt.Fprintf(&b, "fieldset.stance button.%s.on{background-color:%s;%s}\n", s.Class, tint, deco)
		}
	}
	for _, s := range AddedStanceStyles {
		fmt.Fprintf(&b, "::highlight(sayso-%s){background-color:%s;%s}\n.mk-%s{background-color:%s;%s}\n", s.Style, rgba(s.Tint, s.Alpha), s.decoration(), s.Style, rgba(s.Tint, s.Alpha), s.decoration())
	}
	return b.String()
}()

// addedStanceCSS styles the stance values of the schema that have an
// added style: a claim's segments, its badge in the side list and its
// pressed stance button, by the value's class (st-<cssName>).
func addedStanceCSS(b *strings.Builder, sc annotation.Schema) {
	for _, v := range sc.Stances {
		k, ok := app.AddedStanceStyle(sc, v)
		if !ok {
			continue
		}
		s, n := AddedStanceStyles[k], cssName(v)
		fmt.Fprintf(b, ".l-claim.ann.st-%s,.badge.st-%s,fieldset.stance button.st-%s.on{background-color:%s;%s}\n", n, n, n, rgba(s.Tint, s.Alpha), s.decoration())
	}
}

// forcedCSS draws every mark in the text in system colours when the
// system forces its colours (Windows High Contrast): the tint becomes
// Mark, the lines CanvasText (their styles stay), so that no mark
// disappears with the author's colours. web/app.css does the same for
// the marks drawn as elements.
var forcedCSS = func() string {
	var b strings.Builder
	b.WriteString("@media (forced-colors:active){")
	for i, s := range strings.Fields(app.HighlightStyles()) {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString("::highlight(sayso-" + s + ")")
	}
	b.WriteString("{background-color:Mark;color:MarkText;text-decoration-color:CanvasText}::highlight(sayso-sel){background-color:Highlight;color:HighlightText}}\n")
	return b.String()
}()

// rgba writes "#rrggbb" at opacity alpha as a CSS rgba().
func rgba(hex string, alpha float64) string {
	c, _ := parseHex(hex)
	return fmt.Sprintf("rgba(%d,%d,%d,%s)", c[0], c[1], c[2], strconv.FormatFloat(alpha, 'f', -1, 64))
}

func isHexColor(c string) bool {
	_, ok := parseHex(c)
	return ok
}

// parseHex reads "#rrggbb".
func parseHex(c string) ([3]uint8, bool) {
	if len(c) != 7 || c[0] != '#' {
		return [3]uint8{}, false
	}
	v, err := strconv.ParseUint(c[1:], 16, 32)
	if err != nil {
		return [3]uint8{}, false
	}
	return [3]uint8{uint8(v >> 16), uint8(v >> 8), uint8(v)}, true
}

func hexOf(c [3]uint8) string { return fmt.Sprintf("#%02x%02x%02x", c[0], c[1], c[2]) }

// Luminance is the relative luminance of a "#rrggbb" colour as WCAG 2.2
// defines it (sRGB channels linearised, weighted 0.2126, 0.7152, 0.0722);
// 0 for a colour it cannot read.
func Luminance(hex string) float64 {
	c, ok := parseHex(hex)
	if !ok {
		return 0
	}
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c[0]) + 0.7152*lin(c[1]) + 0.0722*lin(c[2])
}

// Contrast is the WCAG contrast ratio of two colours, from 1 to 21.
func Contrast(a, b string) float64 {
	la, lb := Luminance(a), Luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// InkOn is the text colour for a background: black or white, whichever
// contrasts more. One of them always reaches 4.58:1 (the worst case is a
// background of luminance 0.179, between the two).
func InkOn(bg string) string {
	if Contrast("#000000", bg) >= Contrast("#ffffff", bg) {
		return "#000000"
	}
	return "#ffffff"
}

// MarkOn is colour c, darkened as little as needed (in steps of 1/255 of
// each channel, keeping its hue) to contrast with the light background bg
// at min; c itself when it already does.
func MarkOn(c, bg string, min float64) string {
	rgb, ok := parseHex(c)
	if !ok {
		return Ink
	}
	for k := 255; k >= 0; k-- {
		d := hexOf([3]uint8{uint8(int(rgb[0]) * k / 255), uint8(int(rgb[1]) * k / 255), uint8(int(rgb[2]) * k / 255)})
		if Contrast(d, bg) >= min {
			return d
		}
	}
	return "#000000"
}

// Over is colour c at opacity alpha laid over the opaque bg, as the
// browser composites it.
func Over(c string, alpha float64, bg string) string {
	fg, _ := parseHex(c)
	under, _ := parseHex(bg)
	var out [3]uint8
	for i := range out {
		out[i] = uint8(math.Round(alpha*float64(fg[i]) + (1-alpha)*float64(under[i])))
	}
	return hexOf(out)
}
