package labelstudio_test

import (
	"encoding/xml"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/format/labelstudio"
)

// configTree is the part of the configuration a test reads back.
type configTree struct {
	XMLName xml.Name `xml:"View"`
	Labels  struct {
		Name   string `xml:"name,attr"`
		ToName string `xml:"toName,attr"`
		Label  []struct {
			Value      string `xml:"value,attr"`
			Background string `xml:"background,attr"`
			Hotkey     string `xml:"hotkey,attr"`
		} `xml:"Label"`
	} `xml:"Labels"`
	Text struct {
		Name  string `xml:"name,attr"`
		Value string `xml:"value,attr"`
	} `xml:"Text"`
	Relations struct {
		Relation []struct {
			Value string `xml:"value,attr"`
		} `xml:"Relation"`
	} `xml:"Relations"`
	Choices struct {
		Name      string `xml:"name,attr"`
		PerRegion string `xml:"perRegion,attr"`
		Choice    []struct {
			Value string `xml:"value,attr"`
		} `xml:"Choice"`
	} `xml:"Choices"`
	TextArea []struct {
		Name      string `xml:"name,attr"`
		PerRegion string `xml:"perRegion,attr"`
	} `xml:"TextArea"`
}

func parseConfig(t *testing.T, s string) configTree {
	t.Helper()
	var c configTree
	require.NoError(t, xml.Unmarshal([]byte(s), &c), "the configuration is well-formed XML:\n%s", s)
	return c
}

func TestConfigMatchesTheExportedNames(t *testing.T) {
	c := parseConfig(t, labelstudio.Config(annotation.DefaultSchema()))
	assert.Equal(t, "label", c.Labels.Name)
	assert.Equal(t, "text", c.Labels.ToName)
	var labels []string
	for _, l := range c.Labels.Label {
		labels = append(labels, l.Value)
	}
	assert.Equal(t, []string{"claim", "speaker", "cue"}, labels)
	assert.Equal(t, "#f5c542", c.Labels.Label[0].Background)
	assert.Equal(t, "c", c.Labels.Label[0].Hotkey)
	assert.Equal(t, "text", c.Text.Name)
	assert.Equal(t, "$text", c.Text.Value)
	var rels []string
	for _, r := range c.Relations.Relation {
		rels = append(rels, r.Value)
	}
	assert.Equal(t, []string{"speaker", "cue", "continues"}, rels)
	assert.Equal(t, "stance", c.Choices.Name)
	assert.Equal(t, "true", c.Choices.PerRegion)
	var stances []string
	for _, ch := range c.Choices.Choice {
		stances = append(stances, ch.Value)
	}
	assert.Equal(t, []string{"favor", "against", "neutral", "unclear"}, stances)
	var areas []string
	for _, a := range c.TextArea {
		areas = append(areas, a.Name)
		assert.Equal(t, "true", a.PerRegion)
	}
	assert.Equal(t, []string{"target", "speaker", "note"}, areas)
}

func TestConfigEscapesHostileValues(t *testing.T) {
	tests := []string{
		`quote"d`,
		`<script>alert(1)</script>`,
		`a & b's`,
		"two\nlines\tand tab",
		`"/><Text name="x" value="$evil`,
	}
	for _, v := range tests {
		t.Run(v, func(t *testing.T) {
			s := annotation.Schema{
				Labels:  []annotation.Label{{ID: v, Color: v, Key: v}},
				Stances: []string{v},
			}
			out := labelstudio.Config(s)
			assert.NotContains(t, out, "<script>")
			c := parseConfig(t, out)
			require.Len(t, c.Labels.Label, 1)
			assert.Equal(t, v, c.Labels.Label[0].Value)
			assert.Equal(t, v, c.Labels.Label[0].Background)
			require.Len(t, c.Choices.Choice, 1)
			assert.Equal(t, v, c.Choices.Choice[0].Value)
			assert.Equal(t, "$text", c.Text.Value, "no value can add elements")
			assert.Equal(t, 1, strings.Count(out, "<Text "))
		})
	}
}
