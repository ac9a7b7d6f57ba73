package conll

// Turning what the importer read into a project is shared with the other
// importing formats: see package importkit.

import (
	"sayso/internal/annotation"
	"sayso/internal/format"
	"sayso/internal/format/importkit"
)

type (
	draft     = importkit.Draft
	draftDoc  = importkit.Doc
	draftSpan = importkit.Span
)

func build(d draft, rep *format.Report) (annotation.Project, error) { return importkit.Build(d, rep) }
func labelID(name string) string                                    { return importkit.LabelID(name) }
