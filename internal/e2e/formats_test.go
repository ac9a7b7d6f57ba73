//go:build !js

package e2e

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/app"
	"sayso/internal/browsertest"
	"sayso/internal/exchange"
)

// formatsArticle is the sample article after a line with characters
// outside the BMP (an emoji, a ZWJ sequence): from there on code points,
// UTF-16 units and bytes all differ, so an offset counted in the wrong
// unit shows in every format.
const formatsArticle = "Update 🚀 from the 👩‍🚀 desk.\n" + app.SampleText

func TestExportMenuOffersEveryFormatAndOpenReadsThemBack(t *testing.T) {
	p := browsertest.Open(t, serveSite(t), "")
	p.AcceptDialogs()
	pasteArticle(p, app.SampleTitle, formatsArticle)
	// A pasted article has no topic until someone writes it; new claims
	// take it as their stance target.
	setField(p, "#topic", app.SampleTopic)
	p.SelectText("Tomas Reyes", 0)
	p.Press("s")
	p.SelectText("called", 0)
	p.Press("q")
	p.SelectText("“a slow death for small businesses.”", 0)
	p.Press("c")
	p.Press("2")
	p.Press("l")
	chooseOption(p, `#inspector [data-field="cue"]`, "called") // Citron keeps only quotes with a cue
	p.WaitFor(sidebarCount + ` === 3`)

	base := app.FileName(app.SampleTitle)
	downloads := map[string][]byte{}
	for _, f := range exchange.Formats() {
		p.Click("#export-more")
		p.WaitFor(`!document.getElementById("export-menu").hidden`)
		item := `#export-menu [data-format="` + f.ID + `"]`
		if f.Loses != "" {
			assert.Contains(t, p.Text(item), f.Loses, "the menu says what %s cannot hold", f.Name)
		}
		p.Click(item)
		p.WaitFor(`document.getElementById("export-menu").hidden`)
		data := p.WaitDownload(base + f.Extension)
		assert.NotEmpty(t, data, f.Name)
		downloads[f.ID] = data
	}
	browsertest.Screenshot(t, p.Ctx, "export-menu")

	// Each download holds the three spans (offsets and quotes), their
	// labels, the claim's links to its speaker and cue, the speaker's name
	// and the stance, in the format's own terms.
	quote := "“a slow death for small businesses.”"
	speaker, cue, claim := sampleSpan(t, "Tomas Reyes"), sampleSpan(t, "called"), sampleSpan(t, quote)
	for id, check := range map[string]func(t *testing.T, data []byte){
		exchange.Native: func(t *testing.T, data []byte) {
			e := checkExport(t, data)
			require.Len(t, e.Documents, 1)
			assert.Equal(t, formatsArticle, e.Documents[0].Text)
			require.Len(t, e.Speakers, 1)
			assert.Equal(t, "Tomas Reyes", e.Speakers[0].Name)
			require.Len(t, e.Annotations, 3)
			byLabel := map[string]int{}
			for i, a := range e.Annotations {
				byLabel[a.Label] = i
			}
			for label, want := range map[string]span{"speaker": speaker, "cue": cue, "claim": claim} {
				a := e.Annotations[byLabel[label]]
				assert.Equal(t, want.quote, a.Quote, label)
				require.Len(t, a.Fragments, 1, label)
				assert.Equal(t, [2]int{want.start, want.end}, [2]int{a.Fragments[0].Start, a.Fragments[0].End}, label)
			}
			c := e.Annotations[byLabel["claim"]]
			assert.Equal(t, "against", c.Stance)
			assert.Equal(t, e.Speakers[0].ID, c.Speaker, "the claim is Tomas Reyes's")
			assert.Equal(t, e.Annotations[byLabel["speaker"]].ID, c.SpeakerMention)
			assert.Equal(t, e.Speakers[0].ID, e.Annotations[byLabel["speaker"]].Speaker, "the mention names its speaker")
		},
		exchange.JSONL: func(t *testing.T, data []byte) {
			lines := strings.Split(strings.TrimSpace(string(data)), "\n")
			require.Len(t, lines, 1, "one claim, one line")
			var row struct {
				DocumentTitle string  `json:"document_title"`
				Quote         string  `json:"quote"`
				Fragments     [][]int `json:"fragments"`
				Speaker       string  `json:"speaker"`
				Mention       string  `json:"speaker_mention"`
				Cue           string  `json:"cue"`
				Stance        string  `json:"stance"`
				Target        string  `json:"target"`
				OffsetUnit    string  `json:"offset_unit"`
			}
			require.NoError(t, json.Unmarshal([]byte(lines[0]), &row))
			assert.Equal(t, app.SampleTitle, row.DocumentTitle)
			assert.Equal(t, quote, row.Quote)
			assert.Equal(t, [][]int{{claim.start, claim.end}}, row.Fragments)
			assert.Equal(t, "Tomas Reyes", row.Speaker)
			assert.Equal(t, "Tomas Reyes", row.Mention)
			assert.Equal(t, "called", row.Cue)
			assert.Equal(t, "against", row.Stance)
			assert.Equal(t, app.SampleTopic, row.Target, "the stance target is the article's topic")
			assert.Equal(t, "codepoint", row.OffsetUnit)
		},
		exchange.CSV: func(t *testing.T, data []byte) {
			checkClaimCSV(t, data, quote, claim)
		},
		exchange.CSVBOM: func(t *testing.T, data []byte) {
			require.True(t, bytes.HasPrefix(data, []byte("\uFEFF")), "starts with a byte order mark")
			body := bytes.TrimPrefix(data, []byte("\uFEFF"))
			assert.Equal(t, bytes.Count(body, []byte("\n")), bytes.Count(body, []byte("\r\n")), "every line ends with CR LF")
			checkClaimCSV(t, body, quote, claim)
		},
		exchange.Brat: func(t *testing.T, data []byte) {
			files := unzip(t, data)
			assert.Contains(t, files, "annotation.conf")
			var ann, txt string
			for name, body := range files {
				switch {
				case strings.HasSuffix(name, ".ann"):
					ann = body
				case strings.HasSuffix(name, ".txt"):
					txt = body
				}
			}
			assert.Equal(t, formatsArticle, txt, "the .txt is the article the offsets count in")
			tids := map[string]string{}
			for _, w := range []struct {
				typ string
				sp  span
			}{{"Source", speaker}, {"Cue", cue}, {"Content", claim}} {
				m := regexp.MustCompile(`(?m)^(T\d+)\t` + w.typ + ` ` + strconv.Itoa(w.sp.start) + ` ` + strconv.Itoa(w.sp.end) + `\t` + regexp.QuoteMeta(w.sp.quote) + `$`).FindStringSubmatch(ann)
				require.NotNil(t, m, "a %s line with the offsets %d %d and the quote:\n%s", w.typ, w.sp.start, w.sp.end, ann)
				tids[w.typ] = m[1]
			}
			assert.Regexp(t, `(?m)^E\d+\tAttribution:T\d+ Content:`+tids["Content"]+` Cue:`+tids["Cue"]+` Source:`+tids["Source"]+`$`, ann, "the event ties claim, cue and speaker")
			assert.Regexp(t, `(?m)^A\d+\tStance `+tids["Content"]+` against$`, ann)
			assert.Regexp(t, `(?m)^#\d+\tAnnotatorNotes `+tids["Source"]+`\tSpeaker: Tomas Reyes$`, ann)
		},
		exchange.W3C: func(t *testing.T, data []byte) {
			var coll struct {
				Total int `json:"total"`
				First struct {
					Items []struct {
						ID   string `json:"id"`
						Body []struct {
							Type, Purpose, Value, Source string
						} `json:"body"`
						Target struct {
							Selector []struct {
								Type, Exact, Prefix, Suffix string
								Start, End                  int
							} `json:"selector"`
						} `json:"target"`
					} `json:"items"`
				} `json:"first"`
			}
			require.NoError(t, json.Unmarshal(data, &coll))
			require.Equal(t, 3, coll.Total)
			require.Len(t, coll.First.Items, 3)
			ids := map[string]string{}
			for _, it := range coll.First.Items {
				var label string
				for _, b := range it.Body {
					if b.Purpose == "tagging" {
						label = b.Value
					}
				}
				want := map[string]span{"speaker": speaker, "cue": cue, "claim": claim}[label]
				require.NotEmpty(t, want.quote, "an item tagged %q", label)
				ids[label] = it.ID
				require.Len(t, it.Target.Selector, 2, label)
				q, pos := it.Target.Selector[0], it.Target.Selector[1]
				assert.Equal(t, "TextQuoteSelector", q.Type)
				assert.Equal(t, want.quote, q.Exact, label)
				assert.True(t, strings.HasSuffix(formatsArticle[:byteOffset(formatsArticle, want.start)], q.Prefix), "%s: the prefix is the text before it", label)
				assert.True(t, strings.HasPrefix(formatsArticle[byteOffset(formatsArticle, want.end):], q.Suffix), "%s: the suffix is the text after it", label)
				assert.Equal(t, "TextPositionSelector", pos.Type)
				assert.Equal(t, [2]int{want.start, want.end}, [2]int{pos.Start, pos.End}, label)
			}
			for _, it := range coll.First.Items {
				if it.ID != ids["claim"] {
					continue
				}
				var values, links []string
				for _, b := range it.Body {
					if b.Value != "" {
						values = append(values, b.Purpose+":"+b.Value)
					}
					if b.Purpose == "linking" {
						links = append(links, b.Source)
					}
				}
				assert.Contains(t, values, "classifying:against", "the stance")
				assert.Contains(t, values, "identifying:Tomas Reyes", "the speaker")
				assert.ElementsMatch(t, []string{ids["speaker"], ids["cue"]}, links, "the claim links to its mention and its cue")
			}
		},
		exchange.LabelStudio: func(t *testing.T, data []byte) {
			files := unzip(t, data)
			var tasks, config string
			for name, body := range files {
				switch {
				case strings.HasSuffix(name, ".xml"):
					config = body
				case strings.Contains(body, `"annotations"`):
					tasks = body
				}
			}
			for _, l := range []string{"claim", "speaker", "cue"} {
				assert.Contains(t, config, `<Label value="`+l+`"`, "the labelling config has the label %s", l)
			}
			assert.Contains(t, config, `<Choice value="against"/>`)
			var ts []struct {
				Data struct {
					Text string `json:"text"`
				} `json:"data"`
				Annotations []struct {
					Result []struct {
						ID       string `json:"id"`
						FromName string `json:"from_name"`
						Type     string `json:"type"`
						FromID   string `json:"from_id"`
						ToID     string `json:"to_id"`
						Labels   []string
						Value    struct {
							Start, End int
							Text       any
							Labels     []string
							Choices    []string
						} `json:"value"`
					} `json:"result"`
				} `json:"annotations"`
			}
			require.NoError(t, json.Unmarshal([]byte(tasks), &ts))
			require.Len(t, ts, 1)
			assert.Equal(t, formatsArticle, ts[0].Data.Text)
			require.Len(t, ts[0].Annotations, 1)
			ids := map[string]string{}
			var stances, relations, speakerNames []string
			for _, r := range ts[0].Annotations[0].Result {
				switch {
				case r.Type == "labels":
					require.Len(t, r.Value.Labels, 1)
					want := map[string]span{"speaker": speaker, "cue": cue, "claim": claim}[r.Value.Labels[0]]
					assert.Equal(t, [2]int{want.start, want.end}, [2]int{r.Value.Start, r.Value.End}, r.Value.Labels[0])
					assert.Equal(t, want.quote, r.Value.Text, r.Value.Labels[0])
					ids[r.Value.Labels[0]] = r.ID
				case r.Type == "choices" && r.FromName == "stance":
					stances = append(stances, r.ID+":"+strings.Join(r.Value.Choices, ","))
				case r.Type == "relation":
					relations = append(relations, r.FromID+">"+r.ToID+":"+strings.Join(r.Labels, ","))
				case r.Type == "textarea" && r.FromName == "speaker":
					speakerNames = append(speakerNames, r.ID+":"+fmt.Sprint(r.Value.Text))
				}
			}
			require.Len(t, ids, 3, "a labels region for each span")
			assert.Equal(t, []string{ids["claim"] + ":against"}, stances)
			assert.ElementsMatch(t, []string{ids["claim"] + ">" + ids["speaker"] + ":speaker", ids["claim"] + ">" + ids["cue"] + ":cue"}, relations)
			assert.Equal(t, []string{ids["speaker"] + ":[Tomas Reyes]"}, speakerNames)
		},
		exchange.Doccano: func(t *testing.T, data []byte) {
			lines := strings.Split(strings.TrimSpace(string(data)), "\n")
			require.Len(t, lines, 1, "one document, one line")
			var d struct {
				Text     string `json:"text"`
				Entities []struct {
					ID          int    `json:"id"`
					Label       string `json:"label"`
					StartOffset int    `json:"start_offset"`
					EndOffset   int    `json:"end_offset"`
				} `json:"entities"`
				Relations []struct {
					FromID int    `json:"from_id"`
					ToID   int    `json:"to_id"`
					Type   string `json:"type"`
				} `json:"relations"`
				OffsetUnit string `json:"offset_unit"`
			}
			require.NoError(t, json.Unmarshal([]byte(lines[0]), &d))
			assert.Equal(t, formatsArticle, d.Text)
			assert.Equal(t, "utf-16", d.OffsetUnit)
			ids := map[string]int{}
			for _, e := range d.Entities {
				want := map[string]span{"speaker": speaker, "cue": cue, "claim": claim}[e.Label]
				require.NotEmpty(t, want.quote, "an entity labelled %q", e.Label)
				s, en := utf16Offset(formatsArticle, want.start), utf16Offset(formatsArticle, want.end)
				assert.Equal(t, [2]int{s, en}, [2]int{e.StartOffset, e.EndOffset}, "%s in UTF-16 units", e.Label)
				assert.Equal(t, want.quote, utf16Slice(d.Text, e.StartOffset, e.EndOffset), "%s: text[start:end] in UTF-16 units, as doccano slices", e.Label)
				ids[e.Label] = e.ID
			}
			require.Len(t, ids, 3)
			var rels []string
			for _, r := range d.Relations {
				rels = append(rels, fmt.Sprintf("%d>%d:%s", r.FromID, r.ToID, r.Type))
			}
			assert.ElementsMatch(t, []string{fmt.Sprintf("%d>%d:speaker", ids["claim"], ids["speaker"]), fmt.Sprintf("%d>%d:cue", ids["claim"], ids["cue"])}, rels)
		},
		exchange.WebAnno: func(t *testing.T, data []byte) {
			// Token lines: id, begin-end in UTF-16 units, token, then the
			// span layer's label, note, speaker, stance and target, then the
			// relation layer's role and source.
			body := string(data)
			require.True(t, strings.HasPrefix(body, "#FORMAT=WebAnno TSV 3.3\n"))
			stack := regexp.MustCompile(`\[\d+\]$`)
			type extent struct{ start, end int }
			extents := map[string]extent{}
			var speakerNames, stances, roles []string
			for _, line := range strings.Split(body, "\n") {
				cols := strings.Split(line, "\t")
				if len(cols) < 10 || strings.HasPrefix(line, "#") {
					continue
				}
				var b, e int
				_, err := fmt.Sscanf(cols[1], "%d-%d", &b, &e)
				require.NoError(t, err, line)
				label := stack.ReplaceAllString(cols[3], "")
				if label == "_" || label == "*" {
					continue
				}
				x, seen := extents[label]
				if !seen {
					x = extent{b, e}
				}
				x.end = e
				extents[label] = x
				if v := stack.ReplaceAllString(cols[5], ""); v != "_" && v != "*" {
					speakerNames = append(speakerNames, label+":"+v)
				}
				if v := stack.ReplaceAllString(cols[6], ""); v != "_" && v != "*" {
					stances = append(stances, label+":"+v)
				}
				if cols[8] != "_" {
					roles = append(roles, label+":"+cols[8])
				}
			}
			for label, want := range map[string]span{"speaker": speaker, "cue": cue, "claim": claim} {
				x := extents[label]
				assert.Equal(t, [2]int{utf16Offset(formatsArticle, want.start), utf16Offset(formatsArticle, want.end)}, [2]int{x.start, x.end}, "%s in UTF-16 units, as INCEpTION counts", label)
				assert.Equal(t, want.quote, utf16Slice(formatsArticle, x.start, x.end), label)
			}
			assert.Contains(t, speakerNames, "speaker:Tomas Reyes")
			assert.Equal(t, []string{"claim:against"}, dedupe(stances))
			assert.ElementsMatch(t, []string{"speaker:speaker", "cue:cue"}, dedupe(roles), "the claim's links to its speaker and its cue")
		},
		exchange.Citron: func(t *testing.T, data []byte) {
			type cspan struct {
				Start, End int
				Text       string
			}
			var f struct {
				Text   string `json:"text"`
				Quotes []struct {
					Cue      cspan   `json:"cue"`
					Sources  []cspan `json:"sources"`
					Contents []cspan `json:"contents"`
				} `json:"quotes"`
				Groups [][]cspan `json:"coreference_groups"`
			}
			require.NoError(t, json.Unmarshal(data, &f))
			assert.Equal(t, formatsArticle, f.Text)
			require.Len(t, f.Quotes, 1)
			q := f.Quotes[0]
			assert.Equal(t, cspan{cue.start, cue.end, cue.quote}, q.Cue)
			assert.Equal(t, []cspan{{speaker.start, speaker.end, speaker.quote}}, q.Sources)
			assert.Equal(t, []cspan{{claim.start, claim.end, claim.quote}}, q.Contents)
			assert.Equal(t, [][]cspan{{{speaker.start, speaker.end, speaker.quote}}}, f.Groups, "one speaker, one coreference group")
		},
		exchange.CoNLL: func(t *testing.T, data []byte) {
			// One token per line: form, start, end (code points), BIO tag,
			// annotation id. Every token of each span, in order.
			tokens := map[string][]string{}
			for _, l := range strings.Split(string(data), "\n") {
				cols := strings.Split(l, "\t")
				if len(cols) != 5 || strings.HasPrefix(l, "#") || cols[3] == "O" {
					continue
				}
				label := cols[3][2:]
				tokens[label] = append(tokens[label], cols[3][:1]+" "+cols[0]+" "+cols[1]+" "+cols[2])
			}
			tok := func(sp span) []string {
				var out []string
				for i, m := range regexp.MustCompile(`\S+`).FindAllStringIndex(sp.quote, -1) {
					bio := "I"
					if i == 0 {
						bio = "B"
					}
					st := sp.start + utf8.RuneCountInString(sp.quote[:m[0]])
					out = append(out, fmt.Sprintf("%s %s %d %d", bio, sp.quote[m[0]:m[1]], st, st+utf8.RuneCountInString(sp.quote[m[0]:m[1]])))
				}
				return out
			}
			assert.Equal(t, tok(speaker), tokens["speaker"])
			assert.Equal(t, tok(cue), tokens["cue"])
			claimForms := strings.Join(lastCol(tokens["claim"], 1), " ")
			assert.Contains(t, claimForms, "slow death for small", "the claim's tokens are tagged")
			require.NotEmpty(t, tokens["claim"])
			assert.True(t, strings.HasPrefix(tokens["claim"][0], "B "), "the claim begins with B")
			first := strings.Fields(tokens["claim"][0])
			last := strings.Fields(tokens["claim"][len(tokens["claim"])-1])
			assert.Equal(t, strconv.Itoa(claim.start), first[2], "the claim's first token starts where the claim does")
			assert.Equal(t, strconv.Itoa(claim.end), last[3], "the claim's last token ends where the claim does")
		},
	} {
		t.Run("download "+id, func(t *testing.T) {
			require.Contains(t, downloads, id)
			check(t, downloads[id])
		})
	}

	// Every format Sayso reads opens back into the same annotations.
	for _, f := range exchange.Formats() {
		if !f.Opens || f.ID == exchange.W3C {
			continue // W3C files carry no text: tested with the article open below
		}
		t.Run(f.ID, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), base+f.Extension)
			require.NoError(t, os.WriteFile(file, downloads[f.ID], 0o644))
			p.Do(chromedp.SetUploadFiles("#open-file", []string{file}))
			p.WaitFor(`document.getElementById("message-text").textContent.includes(` + jsQuote(filepath.Base(file)) + `)`)
			assert.NotContains(t, p.Text("#message-text"), "Could not", f.Name)
			assert.Contains(t, p.Text("#sidebar"), "a slow death for small businesses.")
			if f.ID != exchange.CoNLL && f.ID != exchange.Doccano {
				assert.Contains(t, p.Text("#sidebar .ghead"), "Tomas Reyes", "%s keeps who said it", f.Name)
			}
		})
	}
	// A W3C file finds its text in the article open now.
	var file string
	for _, f := range exchange.Formats() {
		if f.ID == exchange.W3C {
			file = filepath.Join(t.TempDir(), base+f.Extension)
			require.NoError(t, os.WriteFile(file, downloads[f.ID], 0o644))
		}
	}
	require.NotEmpty(t, file, "W3C is in the menu")
	p.Do(chromedp.SetUploadFiles("#open-file", []string{file}))
	p.WaitFor(`document.getElementById("message-text").textContent.includes(` + jsQuote(filepath.Base(file)) + `)`)
	assert.NotContains(t, p.Text("#message-text"), "Could not")
	assert.Equal(t, 3, browsertest.Eval[int](p, sidebarCount))
}

// unzip returns the files of a zip archive by name.
func unzip(t *testing.T, data []byte) map[string]string {
	t.Helper()
	r, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	require.NoError(t, err)
	out := map[string]string{}
	for _, f := range r.File {
		rc, err := f.Open()
		require.NoError(t, err)
		b, err := io.ReadAll(rc)
		require.NoError(t, err)
		rc.Close()
		out[f.Name] = string(b)
	}
	return out
}

// span is a stretch of the sample article: code-point offsets and quote.
type span struct {
	start, end int
	quote      string
}

// sampleSpan finds the first occurrence of quote in formatsArticle.
func sampleSpan(t *testing.T, quote string) span {
	t.Helper()
	b := strings.Index(formatsArticle, quote)
	require.GreaterOrEqual(t, b, 0, "%q is in the sample article", quote)
	start := utf8.RuneCountInString(formatsArticle[:b])
	return span{start, start + utf8.RuneCountInString(quote), quote}
}

// byteOffset is the byte offset of code point cp in s.
func byteOffset(s string, cp int) int {
	for i := range s {
		if cp == 0 {
			return i
		}
		cp--
	}
	return len(s)
}

// utf16Offset is the UTF-16 offset of code point cp in s.
func utf16Offset(s string, cp int) int {
	return len(utf16.Encode([]rune(s[:byteOffset(s, cp)])))
}

// utf16Slice is s[start:end] counted in UTF-16 units, as JavaScript and
// doccano slice.
func utf16Slice(s string, start, end int) string {
	u := utf16.Encode([]rune(s))
	if start < 0 || end > len(u) || start > end {
		return ""
	}
	return string(utf16.Decode(u[start:end]))
}

// dedupe keeps the first of each value, in order.
func dedupe(vals []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, v := range vals {
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}

// lastCol picks field i (space-separated) of each entry.
func lastCol(entries []string, i int) []string {
	var out []string
	for _, e := range entries {
		if f := strings.Fields(e); len(f) > i {
			out = append(out, f[i])
		}
	}
	return out
}

// checkClaimCSV reads a CSV export of the one claim by its header.
func checkClaimCSV(t *testing.T, data []byte, quote string, claim span) {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	require.NoError(t, err)
	require.Len(t, rows, 2, "a header and one claim")
	row := map[string]string{}
	for i, col := range rows[0] {
		row[col] = rows[1][i]
	}
	assert.Equal(t, app.SampleTitle, row["document_title"])
	assert.Equal(t, quote, row["quote"])
	assert.Equal(t, fmt.Sprintf("[[%d,%d]]", claim.start, claim.end), row["fragments"])
	assert.Equal(t, "Tomas Reyes", row["speaker"])
	assert.Equal(t, "Tomas Reyes", row["speaker_mention"])
	assert.Equal(t, "called", row["cue"])
	assert.Equal(t, "against", row["stance"])
	assert.Equal(t, "codepoint", row["offset_unit"])
}
