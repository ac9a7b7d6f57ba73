package view

import (
	"sayso/internal/app"
	"sayso/internal/merge"
	"sayso/internal/wording"
)

// ImportDialog renders the import dialog: each imported document the
// project already has, with the choice of what to do. It is empty when no
// import waits.
func ImportDialog(st *app.State) HTML {
	pi := st.Import
	if pi == nil {
		return HTML{}
	}
	titles := map[string]string{}
	for _, d := range st.Store.Documents() {
		titles[d.ID] = d.Title
	}
	imported := map[string]string{}
	for _, d := range pi.Project.Documents {
		imported[d.ID] = d.Title
	}
	name := "the file"
	if pi.Name != "" {
		name = "“" + pi.Name + "”"
	}
	var b Builder
	b.Printf(`<p>%s holds %s; %s the project already has. Choose for each:</p><ul class="conflicts">`,
		name, wording.Count(len(pi.Project.Documents), "document"), wording.Count(len(pi.Conflicts), "document"))
	for _, c := range pi.Conflicts {
		b.Printf(`<li><b>%s</b> <span class="hint">(%s)</span><select data-field="%s" data-doc="%s" aria-label="%s">`,
			wording.Clip(imported[c.Imported], 60), c.Reason, FieldImportChoice, c.Imported, "What to do with "+wording.Clip(imported[c.Imported], 60))
		for _, o := range []struct {
			v    string
			c    merge.Choice
			name string
		}{
			{"merge", merge.Merge, "Merge: add its annotations to “" + wording.Clip(titles[c.Existing], 40) + "” (re-anchored if the text changed)"},
			{"replace", merge.Replace, "Replace “" + wording.Clip(titles[c.Existing], 40) + "” and its annotations"},
			{"keep-both", merge.KeepBoth, "Keep both: add it as another document"},
		} {
			b.Printf(`<option value="%s"%s>%s</option>`, o.v, attrIf(pi.Choices[c.Imported] == o.c, " selected"), o.name)
		}
		b.Markup(`</select></li>`)
	}
	b.Printf(`</ul><div class="row"><button type="button" class="primary" data-action="%s">Import</button><button type="button" data-action="%s">Cancel</button></div>`,
		ActImportConfirm, ActImportCancel)
	return b.HTML()
}
