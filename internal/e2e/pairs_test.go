//go:build !js

package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"

	"sayso/internal/browsertest"
)

// messageText reads the message line.
const messageText = `document.getElementById("message-text").textContent`

func TestOpenTakesATextAndItsAnnotationFileTogether(t *testing.T) {
	const stem = "breitbart_2015-11-17_wash-post-fact-check-if-obama-sa"
	txt := browsertest.CorpusFile(t, "brat/polnear/"+stem+".txt")
	ann := browsertest.CorpusFile(t, "brat/polnear/"+stem+"_4e07.ann")
	p := browsertest.Open(t, serveSite(t), "")

	p.Do(chromedp.SetUploadFiles("#open-file-start", []string{txt, ann}))
	p.WaitFor(`!document.getElementById("workspace").hidden`)
	p.WaitFor(messageText + `.startsWith("Opened")`)
	assert.Equal(t, "Opened “"+stem+".txt” and “"+stem+"_4e07.ann” (brat standoff): 1 document, 46 annotations, 30 links.",
		browsertest.Eval[string](p, messageText+`.split("\n")[0]`))
	assert.Equal(t, stem, p.Text("#doc-title"))
	assert.Positive(t, browsertest.Eval[int](p, sidebarCount), "the side list shows the annotations")
}

func TestDroppedPolNeARFilesOpenOneDocumentPerAnnotator(t *testing.T) {
	const twice = "breitbart_2016-03-20_ted-cruz-refuses-to-disavow-lind"
	const once = "breitbart_2015-11-11_the-ninth-circle-the-hellish-vie"
	files := []string{
		browsertest.CorpusFile(t, "polnear-train/text/"+twice+".txt"),
		browsertest.CorpusFile(t, "polnear-train/attributions/"+twice+"_4e07.ann"),
		browsertest.CorpusFile(t, "polnear-train/attributions/"+twice+"_d473.ann"),
		browsertest.CorpusFile(t, "polnear-train/text/"+once+".txt"),
		browsertest.CorpusFile(t, "polnear-train/attributions/"+once+"_d473.ann"),
		browsertest.CorpusFile(t, "brat/polnear/breitbart_2015-11-17_wash-post-fact-check-if-obama-sa_4e07.ann"),
	}
	p := browsertest.Open(t, serveSite(t), "")

	p.DropFiles(files...)
	p.WaitFor(`!document.getElementById("workspace").hidden`)
	p.WaitFor(messageText + `.startsWith("Opened 6 files")`)
	msg := p.Text("#message-text")
	assert.Contains(t, msg, "Opened 6 files (brat standoff): 3 documents, ")
	assert.Contains(t, msg, "“breitbart_2015-11-17_wash-post-fact-check-if-obama-sa_4e07.ann” needs “breitbart_2015-11-17_wash-post-fact-check-if-obama-sa.txt”",
		"the .ann without its text is named")

	p.Click("#docs-button")
	p.WaitFor(`document.querySelectorAll("#docs .doc-row").length === 3`)
	rows := `[...document.querySelectorAll("#docs .doc-row .doc-open")].map(b => b.textContent).join("|")`
	assert.Equal(t, "1. "+once+"|2. "+twice+"_4e07|3. "+twice+"_d473", browsertest.Eval[string](p, rows),
		"the text annotated twice is two documents, named by annotator")
	annotated := `[...document.querySelectorAll("#docs .doc-row .count")].every(c => /^[1-9]/.test(c.textContent))`
	assert.True(t, browsertest.Eval[bool](p, annotated), "every document has its annotations")
}

func TestALoneAnnotationFileDroppedOnItsTextIsPlacedOnIt(t *testing.T) {
	const stem = "breitbart_2015-11-17_wash-post-fact-check-if-obama-sa"
	txt := browsertest.CorpusFile(t, "brat/polnear/"+stem+".txt")
	ann := browsertest.CorpusFile(t, "brat/polnear/"+stem+"_4e07.ann")
	p := browsertest.Open(t, serveSite(t), "")
	p.Do(chromedp.SetUploadFiles("#open-file-start", []string{txt}))
	p.WaitFor(`!document.getElementById("workspace").hidden`)
	assert.Zero(t, browsertest.Eval[int](p, sidebarCount))

	p.DropFiles(ann)
	p.WaitFor(messageText + `.startsWith("Placed")`)
	assert.Equal(t, "Placed “"+stem+"_4e07.ann” on “"+stem+"”, whose text its spans fit: 46 annotations, 30 links.",
		browsertest.Eval[string](p, messageText+`.split("\n")[0]`))
	assert.Equal(t, stem, p.Text("#doc-title"), "the open text stays open")
	assert.Positive(t, browsertest.Eval[int](p, sidebarCount), "the side list shows the placed annotations")
}
