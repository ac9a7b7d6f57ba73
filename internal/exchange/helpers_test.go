package exchange_test

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/exchange/exchangetest"
	"sayso/internal/format/formattest"
)

// The article the tests export: two attributed claims, each with a
// speaker mention, a cue, a stance and both links. No two spans overlap,
// so that every format can hold all of them.
const (
	articleTitle = "Harbour town splits over plan for a car-free centre"
	articleText  = "The council voted on Tuesday to close the old harbour to cars.\n" +
		"“Our streets were built for people, not for parking,” said Mayor Ines Okafor after the vote.\n" +
		"Tomas Reyes, who runs a bakery, called the plan “a slow death for small businesses.”\n"
)

// annotatedProject is the article with both claims attributed.
func annotatedProject(t *testing.T) annotation.Project {
	t.Helper()
	s := annotation.New(annotation.DefaultSchema(), "Ana", formattest.Clock)
	doc, err := s.AddDocument(articleTitle, articleText)
	require.NoError(t, err)
	attribute(t, s, doc, "Mayor Ines Okafor", "said", "“Our streets were built for people, not for parking,”", "favor")
	attribute(t, s, doc, "Tomas Reyes", "called", "“a slow death for small businesses.”", "against")
	require.Equal(t, 6, s.Len())
	return s.Project()
}

// attribute tags a speaker mention, a cue and a claim, and gives the claim
// a stance and links to both.
func attribute(t *testing.T, s *annotation.Store, doc, mention, cue, claim, stance string) {
	t.Helper()
	m := formattest.Add(t, s, doc, annotation.LabelSpeaker, mention)
	c := formattest.Add(t, s, doc, annotation.LabelCue, cue)
	cl := formattest.Add(t, s, doc, annotation.LabelClaim, claim)
	require.NoError(t, s.SetStance(cl, stance))
	require.NoError(t, s.LinkMention(cl, m))
	require.NoError(t, s.LinkCue(cl, c))
}

// summary is an annotation as formats can keep it: by quote, not by id.
type summary struct {
	Label, Quote, Stance, Mention, Cue string
}

// summarise describes a project's annotations, sorted, with only what h
// says the format holds.
func summarise(p annotation.Project, h exchangetest.Held) []summary {
	quotes := map[string]string{}
	for _, a := range p.Annotations {
		quotes[a.ID] = a.Quote
	}
	var out []summary
	for _, a := range p.Annotations {
		s := summary{Label: a.Label, Quote: a.Quote}
		if h.Stance {
			s.Stance = a.Stance
		}
		if h.Links {
			s.Mention = quotes[a.SpeakerMention]
			s.Cue = quotes[a.Cue]
		}
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return fmt.Sprint(out[i]) < fmt.Sprint(out[j]) })
	return out
}

// dataOf turns a test table's data into bytes: "zip:a,b" is a zip archive
// of files a and b holding "{}", anything else the bytes themselves.
func dataOf(t *testing.T, s string) []byte {
	names, ok := strings.CutPrefix(s, "zip:")
	if !ok {
		return []byte(s)
	}
	files := map[string]string{}
	for _, n := range strings.Split(names, ",") {
		files[n] = "{}"
	}
	return exchangetest.Zip(t, files)
}
