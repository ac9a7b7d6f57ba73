//go:build !js

package e2e

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/browsertest"
	"sayso/internal/format/native"
	"sayso/internal/text"
)

// payloads that would run script if any view put data into the page as
// markup or attributes. Each sets window.__pwned.
var payloads = []string{
	`<img src=x onerror="window.__pwned='img'">`,
	`<svg onload="window.__pwned='svg'"></svg>`,
	`"><script>window.__pwned='script'</script>`,
	`' onmouseover='window.__pwned="attr"' x='`,
	`javascript:window.__pwned='url'`,
	`<a href="javascript:window.__pwned='href'">link</a>`,
	`</textarea><img src=x onerror="window.__pwned='textarea'">`,
	`<iframe srcdoc="<script>parent.__pwned='iframe'</script>"></iframe>`,
}

// hostileProject puts a payload into every string a view shows: title,
// topic, text, label names, stance values, speaker names, targets, notes.
func hostileProject(t *testing.T) []byte {
	t.Helper()
	schema := annotation.DefaultSchema()
	for i := range schema.Labels {
		schema.Labels[i].Name = payloads[i] + " " + schema.Labels[i].Name
	}
	schema.Stances = []string{payloads[3], payloads[1], "neutral", payloads[6]}
	s := annotation.New(schema, payloads[4], func() time.Time { return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC) })
	body := "Intro. " + strings.Join(payloads, " said Mallory. ") + " said Mallory."
	doc, err := s.AddDocument(payloads[2]+" ../../etc/passwd\x07", body)
	require.NoError(t, err)
	require.NoError(t, s.SetTopic(doc, payloads[5]))
	_, x, _ := s.Document(doc)
	at := func(sub string, nth int) []text.Span {
		b := -1
		for range nth + 1 {
			b += 1 + strings.Index(x.Text()[b+1:], sub)
		}
		st := x.CodePointAtByte(b)
		return []text.Span{{Start: st, End: st + len([]rune(sub))}}
	}
	for i, p := range payloads {
		claim, err := s.Add(doc, annotation.LabelClaim, at(p, 0))
		require.NoError(t, err)
		mention, err := s.Add(doc, annotation.LabelSpeaker, at("Mallory", i))
		require.NoError(t, err)
		cue, err := s.Add(doc, annotation.LabelCue, at("said", i))
		require.NoError(t, err)
		require.NoError(t, s.LinkMention(claim, mention))
		require.NoError(t, s.LinkCue(claim, cue))
		require.NoError(t, s.SetStance(claim, schema.Stances[i%len(schema.Stances)]))
		require.NoError(t, s.SetTarget(claim, p))
		require.NoError(t, s.SetNote(claim, p))
		a, _ := s.Annotation(mention)
		require.NoError(t, s.RenameSpeaker(a.Speaker, payloads[(i+1)%len(payloads)]))
	}
	data, err := native.Encode(s.Project())
	require.NoError(t, err)
	return data
}

func TestHostileDataNeverRunsInAnyView(t *testing.T) {
	p := browsertest.Open(t, serveSite(t), "")
	file := filepath.Join(t.TempDir(), payloads[0]+".sayso.json")
	if err := os.WriteFile(file, hostileProject(t), 0o644); err != nil {
		// Some file systems refuse such names; the content is what matters.
		file = filepath.Join(t.TempDir(), "hostile.sayso.json")
		require.NoError(t, os.WriteFile(file, hostileProject(t), 0o644))
	}
	p.Do(chromedp.SetUploadFiles("#open-file-start", []string{file}))
	p.WaitFor(`!document.getElementById("workspace").hidden`)

	// Every view: the text, each annotation in the inspector (claims show
	// stance, target, speaker, cue and note; mentions show speaker names),
	// the side list, the help, the message.
	n := 3 * len(payloads)
	require.Contains(t, p.Text("#sidebar .summary"), strconv.Itoa(n)+" annotations")
	for i := range n {
		p.Press("j")
		p.WaitFor(`document.querySelector("#inspector .insp-head") !== null`)
		_ = i
	}
	p.Click(`#sidebar .item.l-claim`)
	p.Press("?")
	p.WaitFor(`!document.getElementById("help").hidden`)
	p.Press("\u001b")

	// Export: the download's name is the sanitised title.
	p.Click("#export")
	data := p.WaitDownload(`script window.__pwned='script' script .. .. etc passwd.sayso.json`)
	assert.NotEmpty(t, data)

	assert.True(t, browsertest.Eval[bool](p, `window.__pwned === undefined`), "no payload ran")
	assert.Equal(t, 0, browsertest.Eval[int](p, `document.querySelectorAll("main img, main svg, main script, main iframe, main a").length`), "no payload became an element")
	docText := p.Text("#doc")
	for _, pl := range payloads {
		assert.Contains(t, docText, pl, "the article shows the payload as text")
	}
	assert.Equal(t, payloads[2]+" ../../etc/passwd\x07", p.Text("#doc-title"))
	assert.Equal(t, payloads[5], browsertest.Eval[string](p, `document.getElementById("topic").value`))
	browsertest.Screenshot(t, p.Ctx, "hostile-data")
}

func TestContentSecurityPolicyBlocksInjectedInlineScript(t *testing.T) {
	p := browsertest.Open(t, serveSite(t), "")
	p.Click(`[data-action="sample"]`)
	blocked := browsertest.EvalAwait[bool](p, `new Promise(resolve => {
		document.addEventListener("securitypolicyviolation", () => resolve(window.__csp === undefined), {once: true});
		const s = document.createElement("script");
		s.textContent = "window.__csp = 1";
		document.body.appendChild(s);
		setTimeout(() => resolve(false), 3000);
	})`)
	assert.True(t, blocked, "the inline script was blocked and reported as a CSP violation")
	assert.True(t, browsertest.Eval[bool](p, `window.__csp === undefined`))
}
