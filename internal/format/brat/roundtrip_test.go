package brat

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/format"
	"sayso/internal/text"
)

// Texts written for these tests: emoji outside the BMP, curly quotes,
// CJK, and a speaker introduced with a title.
const (
	textOne = "Ana Ruiz, the 🚀 team's lead, said: “We will launch 🚀 in May. Not in June.” " +
		"She added that costs had doubled. Critics disagreed, calling it 好 but late 👍🏽."
	textTwo = "According to the mayor, the bridge is safe.\nThe mayor later said repairs start soon."
)

// spanOf is the code-point span of the n-th (0-based) occurrence of sub.
func spanOf(t *testing.T, s, sub string, n int) text.Span {
	t.Helper()
	from := 0
	for {
		i := strings.Index(s[from:], sub)
		require.GreaterOrEqual(t, i, 0, "%q is in the text", sub)
		if n == 0 {
			start := utf8.RuneCountInString(s[:from+i])
			return text.Span{Start: start, End: start + utf8.RuneCountInString(sub)}
		}
		n--
		from += i + len(sub)
	}
}

// handBuilt is a project with discontinuous claims, stances, targets,
// notes, speakers named apart from their mentions, a cue-only and a
// mention-only attribution, a claim attributed without a mention, and an
// extra label.
func handBuilt(t *testing.T) annotation.Project {
	t.Helper()
	schema := annotation.DefaultSchema()
	schema.Labels = append(schema.Labels, annotation.Label{ID: "evidence", Name: "Evidence", Color: "#123456", Key: "e"})
	s := annotation.New(schema, "ana", clock)
	d1, err := s.AddDocument("Launch 🚀 day", textOne)
	require.NoError(t, err)
	d2, err := s.AddDocument("Bridge", textTwo)
	require.NoError(t, err)

	add := func(doc, label string, spans ...text.Span) string {
		id, err := s.Add(doc, label, spans)
		require.NoError(t, err)
		return id
	}
	ana := add(d1, annotation.LabelSpeaker, spanOf(t, textOne, "Ana Ruiz, the 🚀 team's lead", 0))
	_, err = s.NewSpeakerForMention(ana, "Ana Ruiz")
	require.NoError(t, err)
	she := add(d1, annotation.LabelSpeaker, spanOf(t, textOne, "She", 0))
	said := add(d1, annotation.LabelCue, spanOf(t, textOne, "said", 0))
	added := add(d1, annotation.LabelCue, spanOf(t, textOne, "added", 0))
	quote := add(d1, annotation.LabelClaim,
		spanOf(t, textOne, "“We will launch 🚀 in May.", 0), spanOf(t, textOne, "Not in June.”", 0))
	costs := add(d1, annotation.LabelClaim, spanOf(t, textOne, "costs had doubled", 0))
	late := add(d1, annotation.LabelClaim, spanOf(t, textOne, "好 but late 👍🏽", 0))
	add(d1, "evidence", spanOf(t, textOne, "in May", 0))

	require.NoError(t, s.LinkMention(quote, ana))
	require.NoError(t, s.LinkCue(quote, said))
	require.NoError(t, s.SetStance(quote, "favor"))
	require.NoError(t, s.SetTarget(quote, "the launch in May"))
	require.NoError(t, s.SetNote(quote, "two fragments\n\nSpeaker: not a name\nNote: literal\ttab"))
	require.NoError(t, s.LinkMention(costs, she))
	require.NoError(t, s.LinkCue(costs, added))
	require.NoError(t, s.SetStance(costs, "against"))
	sp, ok := s.SpeakerByName("Ana Ruiz")
	require.True(t, ok)
	require.NoError(t, s.SetClaimSpeaker(late, sp.ID))
	require.NoError(t, s.SetStance(late, "unclear"))
	require.NoError(t, s.SetNote(ana, "introduced with her title 👍🏽"))

	mayor := add(d2, annotation.LabelSpeaker, spanOf(t, textTwo, "the mayor", 0))
	cue := add(d2, annotation.LabelCue, spanOf(t, textTwo, "According to", 0))
	safe := add(d2, annotation.LabelClaim, spanOf(t, textTwo, "the bridge is safe", 0))
	soon := add(d2, annotation.LabelClaim, spanOf(t, textTwo, "repairs start soon", 0))
	later := add(d2, annotation.LabelSpeaker, spanOf(t, textTwo, "The mayor", 0))
	require.NoError(t, s.LinkCue(safe, cue))
	require.NoError(t, s.LinkMention(soon, later))
	require.NoError(t, s.SetStance(soon, "neutral"))
	_ = mayor
	return s.Project()
}

// views describes a project's annotations in comparable lines, per
// document in order, without ids.
func views(p annotation.Project) [][]string {
	speakers := map[string]string{}
	for _, s := range p.Speakers {
		speakers[s.ID] = s.Name
	}
	byID := map[string]annotation.Annotation{}
	for _, a := range p.Annotations {
		byID[a.ID] = a
	}
	frags := func(id string) string {
		a, ok := byID[id]
		if !ok {
			return "-"
		}
		return fmt.Sprint(a.Label, a.Fragments)
	}
	var out [][]string
	for _, d := range p.Documents {
		var lines []string
		for _, a := range p.Annotations {
			if a.Document == d.ID {
				lines = append(lines, fmt.Sprintf("%s %v %q stance=%q target=%q note=%q speaker=%q mention=%s cue=%s",
					a.Label, a.Fragments, a.Quote, a.Stance, a.Target, a.Note, speakers[a.Speaker],
					frags(a.SpeakerMention), frags(a.Cue)))
			}
		}
		slices.Sort(lines)
		out = append(out, lines)
	}
	return out
}

func TestHandBuiltProjectComesBackThroughZip(t *testing.T) {
	p := handBuilt(t)
	files, err := Export(p)
	require.NoError(t, err)
	z, err := format.Zip(files)
	require.NoError(t, err)
	pairs, err := FromZip(z)
	require.NoError(t, err)
	got, rep, err := Import(pairs)
	require.NoError(t, err)
	requireLoads(t, got)

	assert.Empty(t, rep.Skipped)
	assert.Equal(t, 2, rep.Documents)
	assert.Equal(t, len(p.Annotations), rep.Annotations)
	assert.Equal(t, 6, rep.Links)
	require.Len(t, got.Documents, 2)
	// The zip lists files by name, so documents come back in name order.
	byTitle := map[string]annotation.Document{}
	for _, d := range got.Documents {
		byTitle[d.Title] = d
	}
	assert.Equal(t, textOne, byTitle["Launch-day"].Text)
	assert.Equal(t, textTwo, byTitle["Bridge"].Text)
	want, have := views(p), views(got)
	if got.Documents[0].Title == "Bridge" {
		have[0], have[1] = have[1], have[0]
	}
	assert.Equal(t, want, have)
	assert.Equal(t, p.Schema.Stances, got.Schema.Stances)
	assert.Contains(t, labelIDs(got.Schema.Labels), "evidence")
}
