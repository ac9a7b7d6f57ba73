package view

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/app"
)

// round2 rounds a contrast ratio to two decimals, as WCAG tools print it.
func round2(x float64) float64 { return math.Round(x*100) / 100 }

func TestContrastIsTheWCAGRatioOfRelativeLuminances(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want float64
	}{
		{"#000000", "#ffffff", 21},
		{"#ffffff", "#000000", 21}, // order does not matter
		{"#ffffff", "#ffffff", 1},
		{"#4a90d9", "#ffffff", 3.34}, // white on the default Speaker: the 3.34:1
		{"#3fae6a", "#ffffff", 2.81}, // white on the default Cue: the 2.81:1
		{"#4a90d9", "#000000", 6.28},
		{"#3fae6a", "#000000", 7.47},
		{"#f5c542", "#000000", 12.95},
		{"#767676", "#ffffff", 4.54}, // the lightest grey that passes on white
		{"#777777", "#ffffff", 4.48}, // one step lighter fails
		{"#1d1d1f", "#ffffff", 16.83},
		{"#0000ff", "#ffffff", 8.59},
	} {
		t.Run(tc.a+" on "+tc.b, func(t *testing.T) {
			assert.Equal(t, tc.want, round2(Contrast(tc.a, tc.b)))
		})
	}
}

func TestLuminanceFollowsTheSRGBFormula(t *testing.T) {
	for _, tc := range []struct {
		c    string
		want float64
	}{
		{"#000000", 0},
		{"#ffffff", 1},
		{"#ff0000", 0.2126},
		{"#00ff00", 0.7152},
		{"#0000ff", 0.0722},
		{"#0a0a0a", 0.0030}, // below the knee: linear, 10/255/12.92
		{"#808080", 0.2159},
		{"nonsense", 0},
	} {
		assert.InDelta(t, tc.want, Luminance(tc.c), 0.00005, tc.c)
	}
}

func TestInkOnPicksTheTextColourThatReadsBest(t *testing.T) {
	for _, tc := range []struct {
		bg       string
		ink      string
		contrast float64
	}{
		{"#4a90d9", "#000000", 6.28}, // Speaker: black, not the old white at 3.34
		{"#3fae6a", "#000000", 7.47}, // Cue: black, not the old white at 2.81
		{"#f5c542", "#000000", 12.95},
		{"#2f6fb5", "#ffffff", 5.17},
		{"#0000ff", "#ffffff", 8.59},
		{"#777777", "#000000", 4.69},
		{"#757575", "#ffffff", 4.61},
		{"#ffffff", "#000000", 21},
		{"#000000", "#ffffff", 21},
	} {
		t.Run(tc.bg, func(t *testing.T) {
			assert.Equal(t, tc.ink, InkOn(tc.bg))
			assert.Equal(t, tc.contrast, round2(Contrast(InkOn(tc.bg), tc.bg)))
		})
	}
}

// everyColour walks the RGB cube in steps of 5 (52³ colours), ends
// included.
func everyColour(f func(c string)) {
	for r := 0; r <= 255; r += 5 {
		for g := 0; g <= 255; g += 5 {
			for b := 0; b <= 255; b += 5 {
				f(fmt.Sprintf("#%02x%02x%02x", r, g, b))
			}
		}
	}
}

func TestAnyColourAPersonPicksGetsTextAtLeast4_5To1(t *testing.T) {
	worst, at := 21.0, ""
	everyColour(func(c string) {
		if x := Contrast(InkOn(c), c); x < worst {
			worst, at = x, c
		}
	})
	assert.GreaterOrEqual(t, worst, MinTextContrast, "text on %s", at)
}

func TestMarkOnDarkensAColourJustEnoughToStandOut(t *testing.T) {
	for _, tc := range []struct {
		c, want string
		min     float64
	}{
		{"#4a90d9", "#4a90d9", 3},   // already 3.34 on white: kept
		{"#3fae6a", "#3da866", 3},   // 2.81: darkened to 3.00
		{"#f5c542", "#b39030", 3},   // the claim's yellow
		{"#ffffff", "#949494", 3},   // white becomes grey
		{"#ffff00", "#9a9a00", 3},   // yellow becomes olive
		{"#4a90d9", "#3e79b7", 4.5}, // as text
		{"#0000ff", "#0000ff", 4.5},
	} {
		t.Run(fmt.Sprintf("%s at %v", tc.c, tc.min), func(t *testing.T) {
			assert.Equal(t, tc.want, MarkOn(tc.c, Paper, tc.min))
		})
	}
	everyColour(func(c string) {
		got := MarkOn(c, Paper, MinMarkContrast)
		if Contrast(got, Paper) < MinMarkContrast {
			t.Fatalf("MarkOn(%s) = %s: %.2f:1 on the paper", c, got, Contrast(got, Paper))
		}
	})
}

func TestEveryStanceIsToldByItsLineStyleAndStandsOutAt3To1(t *testing.T) {
	lines := map[string]string{}
	for _, s := range MarkStyles {
		t.Run(s.Style, func(t *testing.T) {
			tinted := Over(s.Tint, s.Alpha, Paper)
			assert.GreaterOrEqual(t, Contrast(s.Mark, Paper), MinMarkContrast, "the underline on the paper")
			assert.GreaterOrEqual(t, Contrast(s.Mark, tinted), MinMarkContrast, "the underline on its own tint")
			assert.GreaterOrEqual(t, Contrast(Ink, tinted), MinTextContrast, "the text on the tint")
			assert.Contains(t, s.Words, s.Line, "the legend names the line style")
			if other, ok := lines[s.Line]; ok {
				t.Errorf("%s has the line style of %s: stance would be told by hue alone", s.Style, other)
			}
			lines[s.Line] = s.Style
			assert.Contains(t, stanceCSS, "::highlight(sayso-"+s.Style+"){background-color:"+rgba(s.Tint, s.Alpha)+";text-decoration:underline "+s.Line+" 2px "+s.Mark)
		})
	}
	assert.Len(t, lines, len(MarkStyles))
	for _, v := range annotation.DefaultSchema().Stances {
		assert.Contains(t, lines, styleOfStance(t, v).Line, "the default stance %s has a style", v)
	}
	assert.GreaterOrEqual(t, Contrast(OtherMark, Over("#787878", .25, Paper)), MinMarkContrast, "the grey of further labels")
}

func styleOfStance(t *testing.T, v string) MarkStyle {
	t.Helper()
	for _, s := range MarkStyles {
		if s.Stance == v {
			return s
		}
	}
	t.Fatalf("no mark style for the stance %q", v)
	return MarkStyle{}
}

func TestEveryDefaultLabelColourIsReadable(t *testing.T) {
	st := sampleState(t)
	css := LabelCSS(st)
	for _, l := range annotation.DefaultSchema().Labels {
		t.Run(l.ID, func(t *testing.T) {
			ink := InkOn(l.Color)
			assert.GreaterOrEqual(t, Contrast(ink, l.Color), MinTextContrast, "the tag's text")
			assert.Contains(t, css, ".l-"+l.ID+">.tag,.l-"+l.ID+" .tag{background:"+l.Color+";color:"+ink+"}")
			mark := MarkOn(l.Color, Paper, MinMarkContrast)
			assert.GreaterOrEqual(t, Contrast(mark, Paper), MinMarkContrast)
			assert.Contains(t, css, ".tool.l-"+l.ID+"{box-shadow:inset 0 -3px 0 "+mark+"}")
		})
	}
}

func TestAColourPickedInTheSchemaEditorIsMadeReadable(t *testing.T) {
	st := sampleState(t)
	app.Update(st, app.EditLabel{ID: annotation.LabelSpeaker, Field: "color", Value: "#ffff00"})
	app.Update(st, app.EditLabel{ID: annotation.LabelCue, Field: "color", Value: "#ffffff"})
	app.Update(st, app.AddLabel{Name: "Rumour", Color: "#ffeeaa", Key: "r"})
	require.Empty(t, st.Message.Kind, st.Message.Text)
	css := LabelCSS(st)

	assert.Contains(t, css, ".l-speaker>.tag,.l-speaker .tag{background:#ffff00;color:#000000}")
	speakerText := MarkOn("#ffff00", Paper, SpeakerTextContrast)
	assert.GreaterOrEqual(t, Contrast(speakerText, Paper), SpeakerTextContrast)
	assert.Contains(t, css, "::highlight(sayso-speaker){color:"+speakerText+";text-decoration:underline solid 3px #9a9a00;")
	assert.Contains(t, css, "::highlight(sayso-cue){text-decoration:underline dotted 3px #949494;")

	i := len(annotation.DefaultSchema().Labels) // Rumour's place
	tint := Over("#ffeeaa", LabelTintAlpha, Paper)
	mark := MarkOn("#ffeeaa", tint, MinMarkContrast)
	assert.GreaterOrEqual(t, Contrast(mark, tint), MinMarkContrast)
	assert.Contains(t, css, fmt.Sprintf("::highlight(sayso-x%d){background-color:rgba(255,238,170,0.4);text-decoration:underline solid 2px %s;", i, mark))
	assert.NotContains(t, css, "#ffff00;text-decoration", "the pale colour itself never underlines")
	assert.False(t, strings.Contains(css, "<"))
}

// Stance values added in the schema editor are each drawn with a line of
// their own: no two stances (built-in or added) share a decoration, every
// added style is readable at the same ratios as the built-in ones, and
// the legend and the side list's badge show it.
func TestEveryAddedStanceValueHasAStyleOfItsOwn(t *testing.T) {
	st := sampleState(t)
	added := []string{"mixed", "ironic", "hedged"}
	for i := 0; len(added) < app.MaxAddedStanceStyles; i++ {
		added = append(added, fmt.Sprintf("extra %d", i))
	}
	for _, v := range added {
		app.Update(st, app.AddStanceValue{Value: v})
		require.NotEqual(t, "error", st.Message.Kind, st.Message.Text)
	}
	sc := st.Store.Schema()
	require.Len(t, sc.Stances, 4+app.MaxAddedStanceStyles)

	// shape is a mark without its colour: the lines, their style and width.
	shape := func(s MarkStyle) string {
		d := strings.Split(s.decoration(), ";")[0]
		return strings.TrimSuffix(d, " "+s.Mark)
	}
	shapes := map[string]string{}
	for _, s := range MarkStyles {
		shapes[shape(s)] = s.Style
	}
	css, legend := LabelCSS(st), Legend(st).String()
	for _, v := range added {
		t.Run(v, func(t *testing.T) {
			k, ok := app.AddedStanceStyle(sc, v)
			require.True(t, ok)
			s := AddedStanceStyles[k]
			if other, ok := shapes[shape(s)]; ok {
				t.Errorf("%s is drawn like %s (%s): stance would be told by hue alone", v, other, shape(s))
			}
			shapes[shape(s)] = v
			tinted := Over(s.Tint, s.Alpha, Paper)
			assert.GreaterOrEqual(t, Contrast(s.Mark, Paper), MinMarkContrast, "the line on the paper")
			assert.GreaterOrEqual(t, Contrast(s.Mark, tinted), MinMarkContrast, "the line on its own tint")
			assert.GreaterOrEqual(t, Contrast(Ink, tinted), MinTextContrast, "the text on the tint")
			assert.Contains(t, s.Words, s.Line, "the legend names the line style")
			assert.Contains(t, stanceCSS, "::highlight(sayso-"+s.Style+"){background-color:"+rgba(s.Tint, s.Alpha)+";"+s.decoration())
			n := cssName(v)
			assert.Contains(t, css, ".l-claim.ann.st-"+n+",.badge.st-"+n+",fieldset.stance button.st-"+n+".on{background-color:"+rgba(s.Tint, s.Alpha)+";"+s.decoration())
			assert.Contains(t, legend, `<span class="mk mk-`+s.Style+`">`+v+`</span> <span class="mk-words">Claim, `+s.Words+`</span>`)
		})
	}
	assert.Len(t, shapes, len(MarkStyles)+app.MaxAddedStanceStyles, "every stance has its own lines")

	// One more would have to share: the schema editor says why and adds none.
	app.Update(st, app.AddStanceValue{Value: "one too many"})
	assert.Equal(t, "error", st.Message.Kind)
	assert.NotContains(t, st.Store.Schema().Stances, "one too many")
	app.Update(st, app.RenameStanceValue{Old: "favor", New: "support"})
	assert.Contains(t, st.Store.Schema().Stances, "favor", "renaming a built-in value would add a style too")
	app.Update(st, app.RemoveStanceValue{Value: "extra 0", Confirmed: true})
	app.Update(st, app.AddStanceValue{Value: "one too many"})
	assert.Contains(t, st.Store.Schema().Stances, "one too many", "a removed value frees its style")
}

// With forced colours every mark in the text is drawn in system colours
// (its line style stays): none is left in an author's colour that the
// system throws away.
func TestForcedColoursDrawEveryMarkInSystemColours(t *testing.T) {
	css := LabelCSS(sampleState(t))
	start := strings.Index(css, "@media (forced-colors:active){")
	require.GreaterOrEqual(t, start, 0)
	block := css[start:]
	block = block[:strings.Index(block, "}}")+2]
	for _, s := range strings.Fields(app.HighlightStyles()) {
		assert.Contains(t, block, "::highlight(sayso-"+s+")", s)
	}
	assert.Contains(t, block, "{background-color:Mark;color:MarkText;text-decoration-color:CanvasText}")
	assert.Contains(t, block, "::highlight(sayso-sel){background-color:Highlight;color:HighlightText}")
}

// Each stance style's rules, whole: the highlight, the segments and
// legend sample and side-list badge, and (for a stance of the schema's
// own) its pressed button; a claim without a stance has no class of its
// own to add and no button.
func TestStanceCSSWritesEachStylesRulesWhole(t *testing.T) {
	deco := func(line, mark string) string {
		return "text-decoration:underline " + line + " 2px " + mark + ";text-underline-offset:4px;text-decoration-skip-ink:none"
	}
	for _, want := range []string{
		"::highlight(sayso-claim){background-color:rgba(245,197,66,0.42);" + deco("double", "#8a6a00") + "}\n" +
			".l-claim.ann,.mk-claim,.badge.st-{background-color:rgba(245,197,66,0.42);" + deco("double", "#8a6a00") + "}\n" +
			"::highlight(sayso-claim-favor)",
		"::highlight(sayso-claim-favor){background-color:rgba(76,175,80,0.3);" + deco("solid", "#2e7d32") + "}\n" +
			".l-claim.ann.st-favor,.mk-claim-favor,.badge.st-favor{background-color:rgba(76,175,80,0.3);" + deco("solid", "#2e7d32") + "}\n" +
			"fieldset.stance button.st-favor.on{background-color:rgba(76,175,80,0.3);" + deco("solid", "#2e7d32") + "}\n",
	} {
		assert.Contains(t, stanceCSS, want)
	}
	assert.Equal(t, len(MarkStyles)-1, strings.Count(stanceCSS, "fieldset.stance button."), "a button rule for each stance, none for the plain claim")
}

func TestRgbaKeepsTheOpacityAsWritten(t *testing.T) {
	for _, c := range []struct {
		hex, want string
		alpha     float64
	}{
		{"#ff0000", "rgba(255,0,0,0.35)", 0.35},
		{"#0a0b0c", "rgba(10,11,12,0.125)", 0.125},
		{"#ffffff", "rgba(255,255,255,1)", 1},
	} {
		assert.Equal(t, c.want, rgba(c.hex, c.alpha))
	}
}

func TestForcedColoursListEveryHighlightOnceSeparatedByCommas(t *testing.T) {
	var sel []string
	for _, s := range strings.Fields(app.HighlightStyles()) {
		sel = append(sel, "::highlight(sayso-"+s+")")
	}
	assert.True(t, strings.HasPrefix(forcedCSS, "@media (forced-colors:active){"+strings.Join(sel, ",")+"{background-color:Mark;"), forcedCSS)
}
