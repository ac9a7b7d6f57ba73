package webanno_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/format"
	"sayso/internal/format/webanno"
)

// tsv joins lines into a file; in token lines, " ¦ " separates columns
// and a tab ends the line, as INCEpTION writes them.
func tsv(lines ...string) []byte {
	for i, l := range lines {
		if strings.Contains(l, " ¦ ") {
			lines[i] = strings.ReplaceAll(l, " ¦ ", "\t") + "\t"
		}
	}
	return []byte(strings.Join(lines, "\n") + "\n")
}

// spanList describes a project's annotations as "label “quote”".
func spanList(p annotation.Project) []string {
	var out []string
	for _, a := range p.Annotations {
		out = append(out, a.Label+" “"+a.Quote+"”")
	}
	return out
}

func skipped(rep format.Report) string { return strings.Join(rep.Skipped, "\n") }

// A file in the shape of the user guide's examples, written for this
// test: parts of speech, named entities over several tokens, dependency
// relations, a sentence id, an emoji counted as two UTF-16 units and a
// gap before the second sentence that INCEpTION fills with a space.
var linguisticFile = tsv(
	"#FORMAT=WebAnno TSV 3.3",
	"#T_SP=de.tudarmstadt.ukp.dkpro.core.api.lexmorph.type.pos.POS|PosValue",
	"#T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|identifier|value",
	"#T_RL=de.tudarmstadt.ukp.dkpro.core.api.syntax.type.dependency.Dependency|DependencyType|BT_de.tudarmstadt.ukp.dkpro.core.api.lexmorph.type.pos.POS",
	"",
	"",
	"#Sentence.id=s1",
	"#Text=Dr. Mia Berg visits Oslo 😊 .",
	"1-1 ¦ 0-3 ¦ Dr. ¦ NNP ¦ *[1] ¦ PER[1] ¦ NMOD ¦ 1-3",
	"1-2 ¦ 4-7 ¦ Mia ¦ NNP ¦ *[1] ¦ PER[1] ¦ NAME ¦ 1-3",
	"1-3 ¦ 8-12 ¦ Berg ¦ NNP ¦ *[1] ¦ PER[1] ¦ SBJ ¦ 1-4",
	"1-4 ¦ 13-19 ¦ visits ¦ VBZ ¦ _ ¦ _ ¦ ROOT ¦ 1-4",
	"1-5 ¦ 20-24 ¦ Oslo ¦ NNP ¦ * ¦ LOC ¦ OBJ ¦ 1-4",
	"1-6 ¦ 25-27 ¦ 😊 ¦ SYM ¦ _ ¦ _ ¦ _ ¦ _",
	"1-7 ¦ 28-29 ¦ . ¦ . ¦ _ ¦ _ ¦ P ¦ 1-4",
	"",
	"#Sentence.id=s2",
	"#Text=She left .",
	"2-1 ¦ 31-34 ¦ She ¦ PRP ¦ _ ¦ _ ¦ SBJ ¦ 2-2",
	"2-2 ¦ 35-39 ¦ left ¦ VBD ¦ _ ¦ _ ¦ ROOT ¦ 2-2",
	"2-3 ¦ 40-41 ¦ . ¦ . ¦ _ ¦ _ ¦ P ¦ 2-2",
)

// TestImportReadsLinguisticLayersAsLabels opens the file above: its named
// entities and parts of speech become labels, the relations are reported.
func TestImportReadsLinguisticLayersAsLabels(t *testing.T) {
	p, rep, err := webanno.Import(linguisticFile)
	require.NoError(t, err)
	requireLoads(t, p)
	require.Len(t, p.Documents, 1)
	assert.Equal(t, "Dr. Mia Berg visits Oslo 😊 .\n She left .", p.Documents[0].Text)
	got := spanList(p)
	assert.Contains(t, got, "PER “Dr. Mia Berg”")
	assert.Contains(t, got, "LOC “Oslo”")
	assert.Contains(t, got, "SYM “😊”")
	assert.Contains(t, got, "VBD “left”")
	assert.Len(t, got, 12)
	all := skipped(rep)
	assert.Contains(t, all, "layer de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity is not Sayso's: its 2 spans were imported with the labels PER, LOC")
	assert.Contains(t, all, "layer de.tudarmstadt.ukp.dkpro.core.api.lexmorph.type.pos.POS is not Sayso's: its 10 spans")
	assert.Contains(t, all, "relation layer de.tudarmstadt.ukp.dkpro.core.api.syntax.type.dependency.Dependency: 9 relations were not imported")
}

// A file with Sayso's layers as INCEpTION would write them after people
// annotated there: a speaker on a sub-token, a claim over several tokens
// with a stacked span on one of them, links with disambiguation ids, and
// escaped feature values.
var attributionFile = tsv(
	"#FORMAT=WebAnno TSV 3.3",
	"#T_SP=webanno.custom.Attribution|label|note|speaker|stance|target",
	"#T_RL=webanno.custom.AttributionLink|role|BT_webanno.custom.Attribution",
	"",
	"",
	`#Text=Ana's team said "taxes fall" 🙂.`,
	"1-1 ¦ 0-5 ¦ Ana's ¦ _ ¦ _ ¦ _ ¦ _ ¦ _ ¦ _ ¦ _",
	`1-1.1 ¦ 0-3 ¦ Ana ¦ speaker ¦ * ¦ Ana\_B ¦ * ¦ * ¦ speaker ¦ 1-5[1_0]`,
	"1-2 ¦ 6-10 ¦ team ¦ _ ¦ _ ¦ _ ¦ _ ¦ _ ¦ _ ¦ _",
	"1-3 ¦ 11-15 ¦ said ¦ cue ¦ * ¦ * ¦ * ¦ * ¦ cue ¦ 1-5[1_0]",
	`1-4 ¦ 16-17 ¦ " ¦ _ ¦ _ ¦ _ ¦ _ ¦ _ ¦ _ ¦ _`,
	`1-5 ¦ 17-22 ¦ taxes ¦ claim[1] ¦ a \| b\; c\n2[1] ¦ *[1] ¦ against[1] ¦ tax cuts[1] ¦ _ ¦ _`,
	`1-6 ¦ 23-27 ¦ fall ¦ claim[1]|hedge[2] ¦ a \| b\; c\n2[1]|*[2] ¦ *[1]|*[2] ¦ against[1]|*[2] ¦ tax cuts[1]|*[2] ¦ _ ¦ _`,
	`1-7 ¦ 27-28 ¦ " ¦ _ ¦ _ ¦ _ ¦ _ ¦ _ ¦ _ ¦ _`,
	"1-8 ¦ 29-31 ¦ 🙂 ¦ claim ¦ * ¦ * ¦ * ¦ * ¦ _ ¦ _",
	"1-9 ¦ 31-32 ¦ . ¦ _ ¦ _ ¦ _ ¦ _ ¦ _ ¦ _ ¦ _",
)

// TestImportReadsSaysoLayersWithSubTokensAndStacks opens the file above.
func TestImportReadsSaysoLayersWithSubTokensAndStacks(t *testing.T) {
	p, rep, err := webanno.Import(attributionFile)
	require.NoError(t, err)
	requireLoads(t, p)
	assert.Empty(t, rep.Skipped)
	assert.Equal(t, 2, rep.Links)
	assert.ElementsMatch(t, []string{"speaker “Ana”", "cue “said”", "claim “taxes fall”", "hedge “fall”", "claim “🙂”"}, spanList(p))
	var claim annotation.Annotation
	for _, a := range p.Annotations {
		if a.Quote == "taxes fall" {
			claim = a
		}
	}
	assert.Equal(t, "against", claim.Stance)
	assert.Equal(t, "tax cuts", claim.Target)
	assert.Equal(t, "a | b; c\n2", claim.Note)
	require.NotEmpty(t, claim.SpeakerMention)
	require.NotEmpty(t, claim.Cue)
	require.Len(t, p.Speakers, 1)
	assert.Equal(t, "Ana_B", p.Speakers[0].Name)
	assert.Equal(t, p.Speakers[0].ID, claim.Speaker)
}

// TestImportReportsChainsAndSlotFeatures opens a file with a slot feature
// and a coreference chain, in the shape the user guide shows them.
func TestImportReportsChainsAndSlotFeatures(t *testing.T) {
	p, rep, err := webanno.Import(tsv(
		"#FORMAT=WebAnno TSV 3.3",
		"#T_SP=webanno.custom.Frame|FE|ROLE_webanno.custom.Frame:Roles_webanno.custom.FrameRolesLink|webanno.custom.Lu",
		"#T_SP=webanno.custom.Lu|luvalue",
		"#T_CH=de.tudarmstadt.ukp.dkpro.core.api.coref.type.CoreferenceLink|referenceType|referenceRelation",
		"",
		"",
		"#Text=Bo sold it .",
		"1-1 ¦ 0-2 ¦ Bo ¦ _ ¦ _ ¦ _ ¦ bo ¦ pr[1] ¦ coref->1-1",
		"1-2 ¦ 3-7 ¦ sold ¦ sale ¦ seller;goods ¦ 1-1;1-3 ¦ _ ¦ _ ¦ _",
		"1-3 ¦ 8-10 ¦ it ¦ _ ¦ _ ¦ _ ¦ thing ¦ pr[1] ¦ *->1-2",
		"1-4 ¦ 11-12 ¦ . ¦ _ ¦ _ ¦ _ ¦ _ ¦ _ ¦ _",
	))
	require.NoError(t, err)
	requireLoads(t, p)
	assert.ElementsMatch(t, []string{"sale “sold”", "bo “Bo”", "thing “it”"}, spanList(p))
	all := skipped(rep)
	assert.Contains(t, all, "its 2 slot feature links were not imported")
	assert.Contains(t, all, "chain layer de.tudarmstadt.ukp.dkpro.core.api.coref.type.CoreferenceLink: its 2 chain links were not imported")
	assert.Contains(t, all, "layer webanno.custom.Lu is not Sayso's")
}

// TestImportMapsLayersNamedClaimSpeakerCue reads a file that has one
// layer per kind, as a team may have set INCEpTION up.
func TestImportMapsLayersNamedClaimSpeakerCue(t *testing.T) {
	p, rep, err := webanno.Import(tsv(
		"#FORMAT=WebAnno TSV 3.2",
		"#T_SP=webanno.custom.Claim|Stance|Note",
		"#T_SP=webanno.custom.Source",
		"#T_SP=webanno.custom.Cue",
		"",
		"",
		"#Text=Li said rain .",
		"1-1 ¦ 0-2 ¦ Li ¦ _ ¦ _ ¦ * ¦ _",
		"1-2 ¦ 3-7 ¦ said ¦ _ ¦ _ ¦ _ ¦ *",
		"1-3 ¦ 8-12 ¦ rain ¦ favor ¦ wet ¦ _ ¦ _",
		"1-4 ¦ 13-14 ¦ . ¦ _ ¦ _ ¦ _ ¦ _",
	))
	require.NoError(t, err)
	assert.Empty(t, rep.Skipped)
	assert.ElementsMatch(t, []string{"speaker “Li”", "cue “said”", "claim “rain”"}, spanList(p))
	for _, a := range p.Annotations {
		if a.Label == annotation.LabelClaim {
			assert.Equal(t, "favor", a.Stance)
			assert.Equal(t, "wet", a.Note)
		}
	}
}

// TestImportKeepsStanceOnALayerOfQuotes checks that a layer of another
// name takes its label from its name, not from its stance.
func TestImportKeepsStanceOnALayerOfQuotes(t *testing.T) {
	p, rep, err := webanno.Import(tsv(
		"#FORMAT=WebAnno TSV 3.3",
		"#T_SP=webanno.custom.Quote|stance|note",
		"",
		"",
		"#Text=rain falls",
		"1-1 ¦ 0-4 ¦ rain ¦ against ¦ wet",
		"1-2 ¦ 5-10 ¦ falls ¦ _ ¦ _",
	))
	require.NoError(t, err)
	assert.Equal(t, []string{"Quote “rain”"}, spanList(p))
	assert.Contains(t, skipped(rep), "the span on line 6 is a Quote, not a claim, so its stance and target were not kept")
	assert.Equal(t, "wet", p.Annotations[0].Note)
}

// TestImportOffsets checks the unit of offsets: UTF-16 as the format
// says, code points from a tool that counted them, and offsets inside a
// surrogate pair reported.
func TestImportOffsets(t *testing.T) {
	head := []string{"#FORMAT=WebAnno TSV 3.3", "#T_SP=webanno.custom.Attribution|label", "", "", "#Text=I like it 😊 ."}
	tests := []struct {
		name   string
		tokens []string
		quote  string
		report string
	}{
		{"UTF-16 units, as the user guide's example", []string{"1-1 ¦ 0-1 ¦ I ¦ _", "1-2 ¦ 2-6 ¦ like ¦ _", "1-3 ¦ 7-9 ¦ it ¦ _", "1-4 ¦ 10-12 ¦ 😊 ¦ claim", "1-5 ¦ 13-14 ¦ . ¦ _"}, "😊", ""},
		{"code points from another tool", []string{"1-1 ¦ 0-1 ¦ I ¦ _", "1-2 ¦ 2-6 ¦ like ¦ _", "1-3 ¦ 7-9 ¦ it ¦ _", "1-4 ¦ 10-11 ¦ 😊 ¦ claim", "1-5 ¦ 12-13 ¦ . ¦ _"}, "😊", "read as code points"},
		{"inside a surrogate pair", []string{"1-1 ¦ 0-1 ¦ I ¦ _", "1-4 ¦ 10-11 ¦ x ¦ claim", "1-5 ¦ 13-14 ¦ . ¦ _"}, "", "does not fit the text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, rep, err := webanno.Import(tsv(append(append([]string(nil), head...), tt.tokens...)...))
			require.NoError(t, err)
			assert.Equal(t, "I like it 😊 .", p.Documents[0].Text)
			if tt.quote != "" {
				require.Len(t, p.Annotations, 1)
				assert.Equal(t, tt.quote, p.Annotations[0].Quote)
			} else {
				assert.Empty(t, p.Annotations)
			}
			if tt.report == "" {
				assert.Empty(t, rep.Skipped)
			} else {
				assert.Contains(t, skipped(rep), tt.report)
				assert.NotContains(t, skipped(rep), "is empty", "one line for one span")
			}
		})
	}
}

// TestImportRefusesBadInputWithItsLine checks the error for files that
// are not WebAnno TSV 3, each naming the line where reading stopped.
func TestImportRefusesBadInputWithItsLine(t *testing.T) {
	head := "#FORMAT=WebAnno TSV 3.3\n#T_SP=webanno.custom.Attribution|label\n\n\n"
	tests := []struct{ name, file, want string }{
		{"not TSV", "hello\tworld\n", "line 1: the file does not start with “#FORMAT=WebAnno TSV 3.3”"},
		{"empty", "", "line 1: the file does not start with"},
		{"another version", "#FORMAT=WebAnno TSV 2.0\n", "line 1: the file is WebAnno TSV 2.0; Sayso reads WebAnno TSV 3"},
		{"a bad header line", "#FORMAT=WebAnno TSV 3.3\n#T_XX=foo\n\n\n", "line 2: expected a layer declaration"},
		{"a relation layer without BT_", "#FORMAT=WebAnno TSV 3.3\n#T_RL=a.Rel|role\n\n\n", "line 2: relation layer a.Rel has no BT_ column"},
		{"a token before any sentence", head + "1-1\t0-1\ta\t_\t\n", "line 5: expected a sentence"},
		{"too few columns", head + "#Text=a\n1-1\t0-1\ta\n", "line 6: expected 4 columns"},
		{"bad offsets", head + "#Text=a\n1-1\t0-x\ta\t_\t\n", `line 6: "0-x" is not a pair of offsets`},
		{"offsets backwards", head + "#Text=ab\n1-1\t2-1\tab\t_\t\n", `line 6: "2-1" is not a pair of offsets`},
		{"a bad token id", head + "#Text=a\none\t0-1\ta\t_\t\n", `line 6: "one" is not a token id`},
		{"a sentence starting with a sub-token", head + "#Text=a\n1-1.1\t0-1\ta\t_\t\n", "line 6: a sentence starts with the sub-token 1-1.1"},
		{"a lost sub-token", head + "#Text=a b\n1-1\t0-1\ta\t_\t\n1-2.1\t2-3\tb\t_\t\n", "line 7: the sub-token 1-2.1 does not follow its token"},
		{"a bad disambiguation id", head + "#Text=a\n1-1\t0-1\ta\tclaim[x]\t\n", "line 6: column 4 (webanno.custom.Attribution): [x] is not a disambiguation id"},
		{"a sentence inside the one before", head + "#Text=ab\n1-1\t0-2\tab\t_\t\n\n#Text=c\n2-1\t1-2\tc\t_\t\n", "line 9: the sentence starts at offset 1, inside the text before it"},
		{"no blank line between sentences", head + "#Text=a\n1-1\t0-1\ta\t_\t\n#Text=b\n", "line 7: a blank line must end the sentence before this one"},
		{"a sentence far beyond the text", head + "#Text=a\n1-1\t2000000000-2000000001\ta\t_\t\n", "line 6: the sentence starts at offset 2000000000, 2000000000 characters after the text before it"},
		{"a sentence without tokens", head + "#Text=a\n", "line 6: the sentence before this line has no tokens"},
		{"a bad relation source", "#FORMAT=WebAnno TSV 3.3\n#T_SP=a.S|v\n#T_RL=a.R|r|BT_a.S\n\n\n#Text=a\n1-1\t0-1\ta\tx\ty\tnowhere\t\n", `line 7: column 6 (a.R): "nowhere" is not the token id of a relation's source`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, _, err := webanno.Import([]byte(tt.file))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
			assert.Equal(t, annotation.Project{}, p)
		})
	}
}

// TestImportReportsRelationsItCannotMap checks relations that do not join
// a claim to a speaker or cue, and a claim's second speaker.
func TestImportReportsRelationsItCannotMap(t *testing.T) {
	p, rep, err := webanno.Import(tsv(
		"#FORMAT=WebAnno TSV 3.3",
		"#T_SP=webanno.custom.Attribution|label",
		"#T_RL=webanno.custom.AttributionLink|role|BT_webanno.custom.Attribution",
		"",
		"",
		"#Text=Al and Bo say go .",
		"1-1 ¦ 0-2 ¦ Al ¦ speaker ¦ speaker ¦ 1-5",
		"1-2 ¦ 3-6 ¦ and ¦ _ ¦ _ ¦ _",
		"1-3 ¦ 7-9 ¦ Bo ¦ speaker ¦ speaker|friend ¦ 1-5|1-1",
		"1-4 ¦ 10-13 ¦ say ¦ cue ¦ continues ¦ 1-5",
		"1-5 ¦ 14-16 ¦ go ¦ claim ¦ _ ¦ _",
		"1-6 ¦ 17-18 ¦ . ¦ _ ¦ _ ¦ _",
	))
	require.NoError(t, err)
	requireLoads(t, p)
	assert.Equal(t, 1, rep.Links)
	all := skipped(rep)
	assert.Contains(t, all, "the relation on line 9 gives a claim a second speaker")
	assert.Contains(t, all, "the relation on line 10 joins a claim to a cue as one annotation")
	assert.Contains(t, all, "relation layer webanno.custom.AttributionLink: 1 relations were not imported")
}

// TestImportNamedTitlesTheDocumentAfterTheFile checks titles from names.
func TestImportNamedTitlesTheDocumentAfterTheFile(t *testing.T) {
	tests := []struct{ name, title string }{
		{"report.webanno.tsv", "report"},
		{"Report.TSV", "Report"},
		{`C:\Users\ana\Desktop\interview 3.tsv`, "interview 3"},
		{"notes.txt", "notes.txt"},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, _, err := webanno.ImportNamed(tt.name, attributionFile)
			require.NoError(t, err)
			assert.Equal(t, tt.title, p.Documents[0].Title)
		})
	}
}

// TestImportOpensTheUserGuidesRelationExample opens the user guide's
// example of disambiguation ids in relations (“Disambiguation IDs in
// relations”): two stacked entities on one token, a relation to the first.
func TestImportOpensTheUserGuidesRelationExample(t *testing.T) {
	p, rep, err := webanno.Import(tsv(
		"#FORMAT=WebAnno TSV 3.3",
		"#T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|value",
		"#T_RL=webanno.custom.Relation|value|BT_de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity",
		"",
		"",
		"#Text=This is a test .",
		"1-1 ¦ 0-4 ¦ This ¦ * ¦ _ ¦ _",
		"1-2 ¦ 5-7 ¦ is ¦ _ ¦ _ ¦ _",
		"1-3 ¦ 8-9 ¦ a ¦ _ ¦ _ ¦ _",
		"1-4 ¦ 10-14 ¦ test ¦ _ ¦ _ ¦ _",
		"1-5 ¦ 15-16 ¦ . ¦ *[1]|*[2] ¦ * ¦ 1-1[0_1]",
	))
	require.NoError(t, err)
	requireLoads(t, p)
	assert.Equal(t, "This is a test .", p.Documents[0].Text)
	assert.ElementsMatch(t, []string{"NamedEntity “This”", "NamedEntity “.”", "NamedEntity “.”"}, spanList(p))
	assert.Contains(t, skipped(rep), "relation layer webanno.custom.Relation: 1 relations were not imported")
}
