package w3c

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/text"
)

// clock is a fixed clock for stores built in tests.
func clock() time.Time { return time.Date(2025, 3, 14, 15, 9, 26, 0, time.UTC) }

// Texts written for these tests: emoji outside the BMP, curly quotes, CJK.
const (
	textOne = "Ana Ruiz, the 🚀 team's lead, said: “We will launch 🚀 in May. Not in June.” " +
		"She added that costs had doubled. Critics disagreed, calling it 好 but late 👍🏽."
	textTwo = "According to the mayor, the bridge is safe.\nThe mayor later said repairs start soon."
)

// spanOf is the code-point span of the n-th (0-based) occurrence of sub.
func spanOf(t testing.TB, s, sub string, n int) text.Span {
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
// notes, speakers named apart from their mentions, cue and mention links,
// a claim attributed without a mention, and an extra label.
func handBuilt(t testing.TB) annotation.Project {
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
	quote := add(d1, annotation.LabelClaim,
		spanOf(t, textOne, "“We will launch 🚀 in May.", 0), spanOf(t, textOne, "Not in June.”", 0))
	costs := add(d1, annotation.LabelClaim, spanOf(t, textOne, "costs had doubled", 0))
	late := add(d1, annotation.LabelClaim, spanOf(t, textOne, "好 but late 👍🏽", 0))
	add(d1, "evidence", spanOf(t, textOne, "in May", 0))
	require.NoError(t, s.LinkMention(quote, ana))
	require.NoError(t, s.LinkCue(quote, said))
	require.NoError(t, s.SetStance(quote, "favor"))
	require.NoError(t, s.SetTarget(quote, "the launch\nin May"))
	require.NoError(t, s.SetNote(quote, "two fragments\n\n<b>&amp;</b> \"quoted\""))
	require.NoError(t, s.LinkMention(costs, she))
	require.NoError(t, s.SetStance(costs, "against"))
	sp, ok := s.SpeakerByName("Ana Ruiz")
	require.True(t, ok)
	require.NoError(t, s.SetClaimSpeaker(late, sp.ID))
	require.NoError(t, s.SetStance(late, "unclear"))
	require.NoError(t, s.SetNote(ana, "introduced with her title 👍🏽"))

	add(d2, annotation.LabelSpeaker, spanOf(t, textTwo, "the mayor", 0))
	cue := add(d2, annotation.LabelCue, spanOf(t, textTwo, "According to", 0))
	safe := add(d2, annotation.LabelClaim, spanOf(t, textTwo, "the bridge is safe", 0))
	soon := add(d2, annotation.LabelClaim, spanOf(t, textTwo, "repairs start soon", 0))
	later := add(d2, annotation.LabelSpeaker, spanOf(t, textTwo, "The mayor", 0))
	require.NoError(t, s.LinkCue(safe, cue))
	require.NoError(t, s.LinkMention(soon, later))
	require.NoError(t, s.SetStance(soon, "neutral"))
	return s.Project()
}

// views describes a project's annotations in comparable lines, per
// document text, without ids.
func views(p annotation.Project) map[string][]string {
	speakers := map[string]string{}
	for _, s := range p.Speakers {
		speakers[s.ID] = s.Name
	}
	byID := map[string]annotation.Annotation{}
	for _, a := range p.Annotations {
		byID[a.ID] = a
	}
	frags := func(id string) string {
		if a, ok := byID[id]; ok {
			return fmt.Sprint(a.Label, a.Fragments)
		}
		return "-"
	}
	texts := map[string]string{}
	for _, d := range p.Documents {
		texts[d.ID] = d.Text
	}
	out := map[string][]string{}
	for _, a := range p.Annotations {
		out[texts[a.Document]] = append(out[texts[a.Document]], fmt.Sprintf(
			"%s %v %q %q %q stance=%q target=%q note=%q speaker=%q mention=%s cue=%s by=%q at=%s/%s",
			a.Label, a.Fragments, a.Quote, a.Prefix, a.Suffix, a.Stance, a.Target, a.Note, speakers[a.Speaker],
			frags(a.SpeakerMention), frags(a.Cue), a.Annotator, a.Created, a.Modified))
	}
	for k := range out {
		slices.Sort(out[k])
	}
	return out
}

func requireLoads(t testing.TB, p annotation.Project) {
	t.Helper()
	_, err := annotation.Load(p, clock)
	require.NoError(t, err, "the project does not load")
}
