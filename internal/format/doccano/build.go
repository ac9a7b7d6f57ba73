package doccano

// Turning what the importer read into a project is shared with the other
// importing formats: see package importkit.

import (
	"sayso/internal/annotation"
	"sayso/internal/format"
	"sayso/internal/format/importkit"
	"sayso/internal/text"
)

type (
	draft     = importkit.Draft
	draftDoc  = importkit.Doc
	draftSpan = importkit.Span
)

func build(d draft, rep *format.Report) (annotation.Project, error) { return importkit.Build(d, rep) }
func labelID(name string) string                                    { return importkit.LabelID(name) }
func normalize(raw string) (string, []int)                          { return importkit.Normalize(raw) }
func mapSpan(idx []int, s text.Span) text.Span                      { return importkit.MapSpan(idx, s) }
