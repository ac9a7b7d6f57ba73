package webanno_test

// The helpers these tests share with the other format packages' tests live
// in package formattest.

import (
	"testing"
	"time"

	"sayso/internal/annotation"
	"sayso/internal/format/formattest"
	"sayso/internal/text"
)

const (
	latinText = formattest.LatinText
	cjkText   = formattest.CJKText
)

func clock() time.Time                             { return formattest.Clock() }
func spanOf(t testing.TB, s, sub string) text.Span { return formattest.SpanOf(t, s, sub) }
func fixture(t testing.TB) annotation.Project      { return formattest.Fixture(t) }
func readCorpus(t *testing.T, rel string) string   { return formattest.ReadCorpus(t, rel) }
func add(t testing.TB, s *annotation.Store, doc, label string, parts ...string) string {
	return formattest.Add(t, s, doc, label, parts...)
}
func polnear(t *testing.T) annotation.Project { return formattest.PolNeAR(t) }

type (
	fields    = formattest.Fields
	canonDoc  = formattest.CanonDoc
	canonSpan = formattest.CanonSpan
)

func canon(p annotation.Project, f fields) []canonDoc { return formattest.Canon(p, f) }
func requireLoads(t testing.TB, p annotation.Project) { formattest.RequireLoads(t, p) }
