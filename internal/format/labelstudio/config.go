package labelstudio

import (
	"encoding/xml"
	"strings"

	"sayso/internal/annotation"
)

// ConfigExtension is the suggested ending of the configuration file's name.
const ConfigExtension = ".xml"

// Config returns the Label Studio labelling configuration that matches
// the tasks Export writes for a project with schema s: its labels (with
// their colours and keys), the text, the relation labels, the stance
// values as per-region choices, and per-region text areas for the target,
// the speaker's name and the note. Every value is escaped for XML.
func Config(s annotation.Schema) string {
	var b strings.Builder
	b.WriteString("<View>\n")
	b.WriteString(`  <Labels name="` + fromLabel + `" toName="` + toText + `">` + "\n")
	for _, l := range s.Labels {
		b.WriteString(`    <Label value="` + attr(l.ID) + `"`)
		if l.Color != "" {
			b.WriteString(` background="` + attr(l.Color) + `"`)
		}
		if l.Key != "" {
			b.WriteString(` hotkey="` + attr(l.Key) + `"`)
		}
		b.WriteString("/>\n")
	}
	b.WriteString("  </Labels>\n")
	b.WriteString(`  <Text name="` + toText + `" value="$text"/>` + "\n")
	b.WriteString("  <Relations>\n")
	for _, r := range []string{relSpeaker, relCue, relContinues} {
		b.WriteString(`    <Relation value="` + r + `"/>` + "\n")
	}
	b.WriteString("  </Relations>\n")
	b.WriteString(`  <Choices name="` + fromStance + `" toName="` + toText + `" perRegion="true" choice="single">` + "\n")
	for _, v := range s.Stances {
		b.WriteString(`    <Choice value="` + attr(v) + `"/>` + "\n")
	}
	b.WriteString("  </Choices>\n")
	for _, name := range []string{fromTarget, fromSpeaker, fromNote} {
		b.WriteString(`  <TextArea name="` + name + `" toName="` + toText + `" perRegion="true" editable="true" maxSubmissions="1" placeholder="` + name + `"/>` + "\n")
	}
	b.WriteString("</View>\n")
	return b.String()
}

// attr escapes s for an XML attribute value in double quotes: &, <, >,
// both quotes and the line-break and tab characters, which an attribute
// would otherwise turn into spaces.
func attr(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s)) // a strings.Builder never fails
	return b.String()
}
