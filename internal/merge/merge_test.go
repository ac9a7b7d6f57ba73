package merge_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/merge"
)

func TestConflicts(t *testing.T) {
	doc := func(id, title, body string) annotation.Document {
		return annotation.Document{ID: id, Title: title, Text: body}
	}
	project := func(ds ...annotation.Document) annotation.Project { return annotation.Project{Documents: ds} }
	tests := []struct {
		name         string
		current, imp annotation.Project
		want         []merge.Conflict
	}{
		{
			name:    "same text under another id and title",
			current: project(doc("d1", "Bridge", bridgeText)),
			imp:     project(doc("x9", "Untitled", bridgeText)),
			want:    []merge.Conflict{{Imported: "x9", Existing: "d1", SameText: true, Reason: "same text"}},
		},
		{
			name:    "same id with another text",
			current: project(doc("d1", "Bridge", bridgeText)),
			imp:     project(doc("d1", "Budget", budgetText)),
			want:    []merge.Conflict{{Imported: "d1", Existing: "d1", Reason: "same id"}},
		},
		{
			name:    "same title ignoring case and surrounding space",
			current: project(doc("d1", "The Bridge", bridgeText)),
			imp:     project(doc("b", "  the bridge ", bridgeText+"More.\n")),
			want:    []merge.Conflict{{Imported: "b", Existing: "d1", Reason: "same title"}},
		},
		{
			name:    "every reason at once",
			current: project(doc("d1", "Bridge", bridgeText)),
			imp:     project(doc("d1", "bridge", bridgeText)),
			want:    []merge.Conflict{{Imported: "d1", Existing: "d1", SameText: true, Reason: "same text, same id, same title"}},
		},
		{
			name:    "nothing in common is simply new",
			current: project(doc("d1", "Bridge", bridgeText)),
			imp:     project(doc("b", "Budget", budgetText)),
		},
		{
			name:    "empty titles do not match",
			current: project(doc("d1", "", bridgeText)),
			imp:     project(doc("b", " ", budgetText)),
		},
		{
			name:    "the same text wins the existing document over the same id",
			current: project(doc("d1", "Bridge", bridgeText)),
			imp:     project(doc("d1", "Budget", budgetText), doc("d2", "Copy", bridgeText)),
			want:    []merge.Conflict{{Imported: "d2", Existing: "d1", SameText: true, Reason: "same text"}},
		},
		{
			name:    "each existing document matches one imported document",
			current: project(doc("d1", "Bridge", bridgeText), doc("d2", "Budget", budgetText)),
			imp:     project(doc("a", "Budget", budgetText), doc("b", "Bridge", bridgeText), doc("c", "Bridge", bridgeText)),
			want: []merge.Conflict{
				{Imported: "a", Existing: "d2", SameText: true, Reason: "same text, same title"},
				{Imported: "b", Existing: "d1", SameText: true, Reason: "same text, same title"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, merge.Conflicts(tt.current, tt.imp))
		})
	}
}

func TestApplyAddsANewDocumentAtTheEndWithItsAnnotations(t *testing.T) {
	cur := bridge(t, "Ana")
	b := newBuilder(t, "Ben")
	b.document("Budget", budgetText)
	lima := b.ann(annotation.LabelSpeaker, "Ana Lima")
	told := b.ann(annotation.LabelCue, "told")
	grew := b.ann(annotation.LabelClaim, "The budget grew by 4%")
	b.claim(grew, lima, told)
	imp := withDocumentID(b.project(), "d1", "budget")
	require.Empty(t, merge.Conflicts(cur, imp))

	out, rep := apply(t, cur, imp, nil)

	require.Len(t, out.Documents, 2)
	assert.Equal(t, cur.Documents[0], out.Documents[0])
	assert.Equal(t, imp.Documents[0], out.Documents[1])
	assert.Len(t, out.Annotations, len(cur.Annotations)+3)
	assert.Equal(t, []merge.DocumentOutcome{{Imported: "budget", Result: "budget", Title: "Budget", Action: merge.Added}}, rep.Documents)
	assert.Equal(t, merge.Counts{Documents: 1, Annotations: 3, Links: 2, Speakers: 1}, rep.Read)
	assert.Equal(t, 3, rep.Added)
	claim := annByID(t, out, rep.AnnotationIDs[grew])
	assert.Equal(t, "budget", claim.Document)
	assert.Equal(t, rep.AnnotationIDs[lima], claim.SpeakerMention)
	assert.Equal(t, rep.AnnotationIDs[told], claim.Cue)
	assert.Equal(t, "Ana Lima", speakerName(out, claim.Speaker))
}

func TestApplyRenamesClashingIDsAndRewritesEveryReference(t *testing.T) {
	cur := bridge(t, "Ana")
	b := newBuilder(t, "Ben")
	b.document("Budget", budgetText)
	lima := b.ann(annotation.LabelSpeaker, "Ana Lima")
	told := b.ann(annotation.LabelCue, "told")
	grew := b.ann(annotation.LabelClaim, "The budget grew by 4%")
	b.claim(grew, lima, told)
	imp := withDocumentID(b.project(), "d1", "d9")
	require.Equal(t, []string{"a1", "a2", "a3"}, []string{lima, told, grew}, "the two projects' ids clash")
	require.Equal(t, "s1", imp.Speakers[0].ID)

	out, rep := apply(t, cur, imp, nil)

	assert.Equal(t, map[string]string{"a1": "a1-2", "a2": "a2-2", "a3": "a3-2"}, rep.AnnotationIDs)
	assert.Contains(t, rep.Renamed, merge.Rename{Kind: "speaker", From: "s1", To: "s1-2"})
	assert.Contains(t, rep.Renamed, merge.Rename{Kind: "annotation", From: "a3", To: "a3-2"})
	claim := annByID(t, out, "a3-2")
	assert.Equal(t, "d9", claim.Document)
	assert.Equal(t, "a1-2", claim.SpeakerMention)
	assert.Equal(t, "a2-2", claim.Cue)
	assert.Equal(t, "s1-2", claim.Speaker)
	assert.Equal(t, "s1-2", annByID(t, out, "a1-2").Speaker)
	assert.Equal(t, "Ana Lima", speakerName(out, "s1-2"))
	// The open project's annotations are untouched.
	assert.Equal(t, cur.Annotations, out.Annotations[:len(cur.Annotations)])
}

func TestApplyRenamesAvoidEveryIDOfBothProjects(t *testing.T) {
	cur := bridge(t, "Ana")
	imp := deepCopy(cur)
	imp.Documents[0].ID, imp.Documents[0].Title, imp.Documents[0].Text = "d1-2", "Other", budgetText
	imp.Annotations = nil
	imp.Documents = append(imp.Documents, annotation.Document{ID: "d1", Title: "Budget", Text: budgetText + "And more.\n"})
	// The imported "d1" clashes with the open project's; "d1-2" is the
	// import's own, so the renamed one must skip it.
	conflicts := merge.Conflicts(cur, imp)
	require.Len(t, conflicts, 1)
	out, rep := apply(t, cur, imp, map[string]merge.Choice{"d1": merge.KeepBoth})
	ids := []string{}
	for _, d := range out.Documents {
		ids = append(ids, d.ID)
	}
	assert.Equal(t, []string{"d1", "d1-2", "d1-3"}, ids)
	assert.Contains(t, rep.Renamed, merge.Rename{Kind: "document", From: "d1", To: "d1-3"})
}

func TestApplyRefusesAConflictWithoutAChoice(t *testing.T) {
	cur := bridge(t, "Ana")
	imp := bridge(t, "Ben")
	for _, choices := range []map[string]merge.Choice{nil, {"d1": merge.Undecided}, {"d1": merge.Choice(42)}, {"other": merge.Merge}} {
		_, _, err := merge.Apply(cur, imp, choices)
		require.ErrorIs(t, err, merge.ErrUndecided)
		assert.Contains(t, err.Error(), "“Bridge” (d1)")
	}
}

func TestApplyReplaceTakesTheImportedVersionInItsPlace(t *testing.T) {
	b := newBuilder(t, "Ana")
	b.document("Bridge", bridgeText)
	ortiz := b.ann(annotation.LabelSpeaker, "Lena Ortiz")
	may := b.ann(annotation.LabelClaim, "the bridge will reopen in May")
	b.claim(may, ortiz, "")
	b.document("Budget", budgetText)
	b.ann(annotation.LabelSpeaker, "Ana Lima")
	cur := b.project()

	edited := strings.Replace(bridgeText, "in May", "in June", 1)
	ib := newBuilder(t, "Ben")
	ib.document("Bridge, corrected", edited)
	reyes := ib.ann(annotation.LabelSpeaker, "Tom Reyes")
	steel := ib.ann(annotation.LabelClaim, "the steel has not even arrived")
	ib.claim(steel, reyes, "")
	imp := withDocumentID(ib.project(), "d1", "x")
	imp.Documents[0].Title = "bridge"

	require.Equal(t, []merge.Conflict{{Imported: "x", Existing: "d1", Reason: "same title"}}, merge.Conflicts(cur, imp))
	out, rep := apply(t, cur, imp, map[string]merge.Choice{"x": merge.Replace})

	require.Len(t, out.Documents, 2)
	assert.Equal(t, annotation.Document{ID: "d1", Title: "bridge", Text: edited, Topic: "Bridge, corrected"}, out.Documents[0])
	assert.Equal(t, cur.Documents[1], out.Documents[1])
	var quotes []string
	for _, a := range out.Annotations {
		if a.Document == "d1" {
			quotes = append(quotes, a.Quote)
		}
	}
	assert.Equal(t, []string{"Tom Reyes", "the steel has not even arrived"}, quotes)
	assert.Equal(t, 2, rep.Removed)
	assert.Equal(t, []string{"Lena Ortiz"}, rep.SpeakersDropped)
	assert.Equal(t, "d1", annByID(t, out, rep.AnnotationIDs[steel]).Document)
	assert.Equal(t, merge.Replaced, rep.Documents[0].Action)
}

func TestApplyKeepBothAddsTheImportedCopyUnderANewID(t *testing.T) {
	cur := bridge(t, "Ana")
	imp := bridge(t, "Ben")
	out, rep := apply(t, cur, imp, map[string]merge.Choice{"d1": merge.KeepBoth})

	require.Len(t, out.Documents, 2)
	assert.Equal(t, cur.Documents[0], out.Documents[0])
	assert.Equal(t, "d1-2", out.Documents[1].ID)
	assert.Equal(t, "Bridge (imported)", out.Documents[1].Title)
	assert.Equal(t, bridgeText, out.Documents[1].Text)
	assert.Len(t, out.Annotations, 2*len(cur.Annotations))
	for _, a := range imp.Annotations {
		c := annByID(t, out, rep.AnnotationIDs[a.ID])
		assert.Equal(t, "d1-2", c.Document)
		assert.Equal(t, a.Quote, c.Quote)
		assert.Equal(t, a.Fragments, c.Fragments)
	}
	// Same names: the speakers are the open project's.
	assert.Len(t, out.Speakers, len(cur.Speakers))
	assert.Len(t, rep.SpeakersMerged, 2)
	assert.Equal(t, merge.KeptBoth, rep.Documents[0].Action)
}

func TestApplyMergeOfTheSameTextFoldsDuplicatesAndFillsOnlyEmptyFields(t *testing.T) {
	b := newBuilder(t, "Ana")
	b.document("Bridge", bridgeText)
	ortiz := b.ann(annotation.LabelSpeaker, "Lena Ortiz")
	may := b.ann(annotation.LabelClaim, "the bridge will reopen in May")
	b.claim(may, ortiz, "")
	require.NoError(t, b.s.SetNote(may, "check the date"))
	steel := b.ann(annotation.LabelClaim, "the steel has not even arrived")
	require.NoError(t, b.s.SetStance(steel, "against"))
	cur := b.project()

	ib := newBuilder(t, "Ben")
	ib.document("Bridge", bridgeText)
	iOrtiz := ib.ann(annotation.LabelSpeaker, "Lena Ortiz")
	iSaid := ib.ann(annotation.LabelCue, "said")
	iMay := ib.ann(annotation.LabelClaim, "the bridge will reopen in May")
	ib.claim(iMay, iOrtiz, iSaid)
	require.NoError(t, ib.s.SetStance(iMay, "favor"))
	require.NoError(t, ib.s.SetNote(iMay, "the mayor's word"))
	iSteel := ib.ann(annotation.LabelClaim, "the steel has not even arrived")
	require.NoError(t, ib.s.SetStance(iSteel, "neutral"))
	require.NoError(t, ib.s.SetTarget(iSteel, "the repairs"))
	imp := ib.project()

	out, rep := apply(t, cur, imp, map[string]merge.Choice{"d1": merge.Merge})

	assert.Equal(t, 3, rep.Folded, "mention and both claims were there already")
	assert.Equal(t, 1, rep.Added, "only the cue is new")
	assert.Empty(t, rep.Anchored)
	assert.Len(t, out.Annotations, 4)
	mayOut := annByID(t, out, may)
	assert.Equal(t, "favor", mayOut.Stance, "an empty stance is filled")
	assert.Equal(t, "check the date", mayOut.Note, "a note is never overwritten")
	assert.Equal(t, ortiz, mayOut.SpeakerMention)
	assert.Equal(t, rep.AnnotationIDs[iSaid], mayOut.Cue, "an empty cue link is filled")
	steelOut := annByID(t, out, steel)
	assert.Equal(t, "against", steelOut.Stance)
	assert.Equal(t, "Bridge", steelOut.Target, "the store gave it the document's topic")
	assert.Equal(t, 2, rep.Filled)
	assert.ElementsMatch(t, []merge.FieldConflict{
		{ID: may, Label: "claim", Quote: "the bridge will reopen in May", Field: "note", Kept: "check the date", Imported: "the mayor's word"},
		{ID: steel, Label: "claim", Quote: "the steel has not even arrived", Field: "stance", Kept: "against", Imported: "neutral"},
		{ID: steel, Label: "claim", Quote: "the steel has not even arrived", Field: "target", Kept: "Bridge", Imported: "the repairs"},
	}, rep.FieldConflicts)
	assert.Equal(t, map[string]string{iOrtiz: ortiz, iSaid: rep.AnnotationIDs[iSaid], iMay: may, iSteel: steel}, rep.AnnotationIDs)
	assert.Equal(t, []merge.DocumentOutcome{{Imported: "d1", Result: "d1", Title: "Bridge", Action: merge.Merged, SameText: true}}, rep.Documents)
}

func TestApplyMergeReanchorsOntoAnEditedText(t *testing.T) {
	article := readCorpus(t, "articles/xi-trump-summit.txt")
	// The import was annotated on a text with a typo; the open project has
	// it fixed and a paragraph added in the middle.
	const typo, fixed = "very clam", "very calm"
	require.Contains(t, article, fixed)
	importedText := strings.Replace(article, fixed, typo, 1)
	at := strings.Index(article, "Wang Yiwei")
	require.Greater(t, at, 0)
	para := strings.LastIndex(article[:at], "\n\n") + 2
	const added = "This paragraph was written for the test and added after the annotations were made.\n\n"
	currentText := article[:para] + added + article[para:]

	ib := newBuilder(t, "Ben")
	ib.document("Summit", importedText)
	open, close := strings.Index(importedText, "“"), strings.Index(importedText, "”")
	xi := ib.ann(annotation.LabelSpeaker, "Xi Jinping")
	calm := ib.annAt(annotation.LabelClaim, spanOf(t, importedText, importedText[open+len("“"):close]))
	said := ib.ann(annotation.LabelCue, "said")
	wen := ib.ann(annotation.LabelSpeaker, "Wang Wen")
	ib.claim(calm, wen, said)
	yiwei := ib.ann(annotation.LabelSpeaker, "Wang Yiwei")
	noted := ib.ann(annotation.LabelCue, "noted")
	third := strings.Index(importedText[at:], "“") + at
	thirdEnd := strings.Index(importedText[third:], "”") + third
	dominant := ib.annAt(annotation.LabelClaim, spanOf(t, importedText, importedText[third+len("“"):thirdEnd]))
	ib.claim(dominant, yiwei, noted)
	yi := ib.annAt(annotation.LabelSpeaker, spanOf(t, importedText, "Wang Yi f"))
	imp := ib.project()
	// "Wang Yi" also starts "Wang Yiwei": the mention must be told apart by
	// its context.
	yiSpan := annByID(t, imp, yi).Fragments[0]
	imp.Annotations = mapAnn(imp.Annotations, yi, func(a *annotation.Annotation) {
		a.Fragments[0].End = yiSpan.End - 2
		a.Quote = "Wang Yi"
	})

	cb := newBuilder(t, "Ana")
	cb.document("Summit", currentText)
	cb.ann(annotation.LabelSpeaker, "Scott Bessent")
	cur := cb.project()

	require.Equal(t, []merge.Conflict{{Imported: "d1", Existing: "d1", Reason: "same id, same title"}}, merge.Conflicts(cur, imp))
	out, rep := apply(t, cur, imp, map[string]merge.Choice{"d1": merge.Merge})

	assert.Empty(t, rep.Unplaced)
	assert.Equal(t, 8, rep.Added)
	method := func(id string) string { return rep.Anchored[rep.AnnotationIDs[id]].Method }
	tests := []struct {
		name, id string
		methods  []string
	}{
		{"before every change, it stays", xi, nil},
		{"next to the fixed typo but with its context, it stays", said, nil},
		{"with its typo fixed, it is found by its context", calm, []string{"context", "fuzzy"}},
		{"after the new paragraph, a name found once moves", yiwei, []string{"quote"}},
		{"after the new paragraph, a cue found once moves", noted, []string{"quote"}},
		{"after the new paragraph, a quoted claim moves", dominant, []string{"quote"}},
		{"a quote found twice is told apart by its context", yi, []string{"context"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := annByID(t, out, rep.AnnotationIDs[tt.id])
			orig := annByID(t, imp, tt.id)
			if tt.methods == nil {
				assert.Empty(t, method(tt.id))
				assert.Equal(t, orig.Fragments, a.Fragments)
				return
			}
			assert.Contains(t, tt.methods, method(tt.id))
			assert.Equal(t, a.Quote, rep.Anchored[a.ID].Quote)
			assert.Greater(t, rep.Anchored[a.ID].Confidence, 0.5)
			assert.Equal(t, strings.ReplaceAll(orig.Quote, typo, fixed), a.Quote)
		})
	}
	assert.Len(t, rep.Anchored, 5)
	// The links followed their annotations.
	d := annByID(t, out, rep.AnnotationIDs[dominant])
	assert.Equal(t, rep.AnnotationIDs[yiwei], d.SpeakerMention)
	assert.Equal(t, rep.AnnotationIDs[noted], d.Cue)
	assert.Equal(t, "Wang Yiwei", speakerName(out, d.Speaker))
	// The prefix and suffix are those of the new text.
	assert.NotContains(t, annByID(t, out, rep.AnnotationIDs[noted]).Prefix+d.Prefix, "written for the test")
	assert.Contains(t, rep.Lines(), "3 annotations were re-anchored by their quote (confidence 95%).")
	t.Log(strings.Join(rep.Lines(), "\n"))
}

func mapAnn(as []annotation.Annotation, id string, f func(*annotation.Annotation)) []annotation.Annotation {
	out := copyAnns(as)
	for i := range out {
		if out[i].ID == id {
			f(&out[i])
		}
	}
	return out
}

func TestApplyMergeKeepsWhatCannotBePlacedAsOrphansAndCutsTheirLinks(t *testing.T) {
	// The first sentence is gone from the open project's text: its claim,
	// mention and cue cannot be placed; the second claim, whose mention was
	// in the first sentence, stays but loses that link.
	const first = "Mayor Lena Ortiz said the bridge will reopen in May. "
	require.True(t, strings.HasPrefix(bridgeText, first))
	cb := newBuilder(t, "Ana")
	cb.document("Bridge", strings.TrimPrefix(bridgeText, first))
	cur := cb.project()

	ib := newBuilder(t, "Ben")
	ib.document("Bridge", bridgeText)
	ortiz := ib.ann(annotation.LabelSpeaker, "Lena Ortiz")
	said := ib.ann(annotation.LabelCue, "said")
	may := ib.ann(annotation.LabelClaim, "the bridge will reopen in May")
	ib.claim(may, ortiz, said)
	added := ib.ann(annotation.LabelCue, "added")
	repairs := ib.ann(annotation.LabelClaim, "The repairs are on schedule")
	ib.claim(repairs, ortiz, added)
	imp := ib.project()

	out, rep := apply(t, cur, imp, map[string]merge.Choice{"d1": merge.Merge})

	require.Len(t, rep.Unplaced, 3)
	var quotes []string
	for _, u := range rep.Unplaced {
		quotes = append(quotes, u.Quote)
		assert.Equal(t, "d1", u.Document)
		assert.NotEmpty(t, u.Reason)
	}
	assert.ElementsMatch(t, []string{"Lena Ortiz", "said", "the bridge will reopen in May"}, quotes)
	require.Len(t, out.Orphans, 3)
	orphanMay := out.Orphans[2]
	assert.Equal(t, rep.AnnotationIDs[may], orphanMay.ID)
	assert.Equal(t, rep.AnnotationIDs[ortiz], orphanMay.SpeakerMention, "an orphan keeps its links for when it is placed")

	r := annByQuote(t, out, annotation.LabelClaim, "The repairs are on schedule")
	assert.Empty(t, r.SpeakerMention)
	assert.Equal(t, rep.AnnotationIDs[added], r.Cue)
	assert.Equal(t, "Lena Ortiz", speakerName(out, r.Speaker), "the claim keeps its speaker")
	assert.Equal(t, []merge.LinkCut{{From: r.ID, FromLabel: "claim", FromQuote: "The repairs are on schedule",
		Link: "speaker mention", To: rep.AnnotationIDs[ortiz], ToQuote: "Lena Ortiz"}}, rep.LinksCut)
	lines := strings.Join(rep.Lines(), "\n")
	assert.Contains(t, lines, "Could not place the claim “the bridge will reopen in May”")
	assert.Contains(t, lines, "Removed the link from the claim “The repairs are on schedule” to its speaker mention “Lena Ortiz”, which could not be placed.")
}

func TestApplyDoesNotMoveAShortQuoteOutOfItsContext(t *testing.T) {
	// The cue's sentence is gone; "said" still occurs once, elsewhere.
	const body = "Reyes said the steel is late. Ortiz replied that the bridge will open.\n"
	ib := newBuilder(t, "Ben")
	ib.document("Bridge", body)
	replied := ib.ann(annotation.LabelCue, "replied")
	imp := ib.project()
	cb := newBuilder(t, "Ana")
	cb.document("Bridge", "Reyes said the steel is late.\n")
	out, rep := apply(t, cb.project(), imp, map[string]merge.Choice{"d1": merge.Merge})
	assert.Empty(t, out.Annotations)
	require.Len(t, rep.Unplaced, 1)
	assert.Equal(t, rep.AnnotationIDs[replied], rep.Unplaced[0].ID)

	// A short quote whose context survived is placed.
	cb = newBuilder(t, "Ana")
	cb.document("Bridge", "New first sentence. "+body)
	out, rep = apply(t, cb.project(), imp, map[string]merge.Choice{"d1": merge.Merge})
	require.Len(t, out.Annotations, 1)
	assert.Equal(t, "replied", out.Annotations[0].Quote)
	assert.Equal(t, "quote", rep.Anchored[out.Annotations[0].ID].Method)
}

func TestApplyMergesSpeakersByNormalisedName(t *testing.T) {
	cur := bridge(t, "Ana")
	cur.Speakers[0].Name = "LENA   Ortiz"
	b := newBuilder(t, "Ben")
	b.document("Budget", budgetText)
	b.ann(annotation.LabelSpeaker, "treasurer")
	require.NoError(t, b.s.RenameSpeaker("s1", "lena ortiz"))
	b.ann(annotation.LabelSpeaker, "Ana Lima")
	imp := withDocumentID(b.project(), "d1", "budget")
	require.Len(t, imp.Speakers, 2)

	out, rep := apply(t, cur, imp, nil)

	assert.Equal(t, []merge.SpeakerMerge{{Imported: "s1", Into: "s1", Name: "LENA   Ortiz"}}, rep.SpeakersMerged)
	assert.Equal(t, 1, rep.SpeakersAdded)
	assert.Len(t, out.Speakers, len(cur.Speakers)+1)
	var speakers []string
	for _, a := range out.Annotations {
		if a.Document == "budget" {
			speakers = append(speakers, speakerName(out, a.Speaker))
		}
	}
	assert.Equal(t, []string{"LENA   Ortiz", "Ana Lima"}, speakers)
}

func TestApplyRepairsAnImportThatDoesNotLoad(t *testing.T) {
	cur := bridge(t, "Ana")
	imp := withDocumentID(bridge(t, "Ben"), "d1", "b")
	imp.Documents[0].Title = "Copy"
	imp.Documents[0].Text = "Preface. " + bridgeText // the stored positions are now off by 9
	_, err := annotation.Load(imp, clock)
	require.Error(t, err)

	out, rep := apply(t, cur, imp, nil)

	assert.NotEmpty(t, rep.Repairs)
	assert.Empty(t, rep.Unplaced)
	for _, a := range out.Annotations {
		if a.Document == "b" {
			assert.Equal(t, annByID(t, cur, strings.TrimSuffix(a.ID, "-2")).Quote, a.Quote)
		}
	}
	assert.Contains(t, rep.Lines()[1], "Repaired in the import: annotation")
}

func TestApplyAddsTheLabelsAndStancesTheImportUses(t *testing.T) {
	cur := bridge(t, "Ana")
	imp := withDocumentID(bridge(t, "Ben"), "d1", "b")
	imp.Documents[0].Title = "Copy"
	imp.Schema.Labels = append(imp.Schema.Labels,
		annotation.Label{ID: "evidence", Name: "Evidence", Color: "#123456", Key: "c"},
		annotation.Label{ID: "source", Name: "claim", Color: "#654321", Key: "e"})
	imp.Schema.Stances = append(imp.Schema.Stances, "mixed")
	imp.Annotations = mapAnn(imp.Annotations, "a3", func(a *annotation.Annotation) { a.Label, a.Stance = "evidence", "mixed" })

	out, rep := apply(t, cur, imp, map[string]merge.Choice{"b": merge.KeepBoth})

	assert.Equal(t, annotation.Label{ID: "evidence", Name: "Evidence", Color: "#123456"}, out.Schema.Labels[3], "key c is the claims'")
	assert.Equal(t, annotation.Label{ID: "source", Name: "claim (imported)", Color: "#654321", Key: "e"}, out.Schema.Labels[4])
	assert.Equal(t, []string{"favor", "against", "neutral", "unclear", "mixed"}, out.Schema.Stances)
	assert.Equal(t, []string{"the label “Evidence”", "the label “claim (imported)”", "the stance value “mixed”"}, rep.SchemaAdded)
	assert.Contains(t, rep.Lines(), "Added to the schema the label “Evidence”, the label “claim (imported)” and the stance value “mixed”.")
}

func TestApplyCarriesTheImportsOwnOrphans(t *testing.T) {
	cur := bridge(t, "Ana")
	imp := withDocumentID(bridge(t, "Ben"), "d1", "b")
	imp.Documents[0].Title = "Copy"
	imp.Orphans = []annotation.Annotation{{ID: "a1", Document: "b", Label: "claim", Quote: "gone", Speaker: "s1"}}
	out, rep := apply(t, cur, imp, map[string]merge.Choice{"b": merge.KeepBoth})
	require.Len(t, out.Orphans, 1)
	assert.Equal(t, 1, rep.OrphansCarried)
	assert.Equal(t, "b", out.Orphans[0].Document)
	assert.NotEqual(t, "a1", out.Orphans[0].ID, "the id is the open project's")
	assert.Equal(t, "s1", out.Orphans[0].Speaker, "merged by name into the open project's Lena Ortiz")
}

func TestReportLines(t *testing.T) {
	rep := merge.Report{
		Read:      merge.Counts{Documents: 2, Annotations: 1, Links: 0, Speakers: 1},
		Documents: []merge.DocumentOutcome{{Title: "A", Action: merge.Added}, {Title: "B", Action: merge.Merged}},
		Added:     1,
		Folded:    2,
		Anchored: map[string]merge.Anchoring{
			"a1": {Method: "context", Confidence: 0.8},
			"a2": {Method: "context", Confidence: 0.95},
			"a3": {Method: "fuzzy", Confidence: 0.81},
		},
		Unplaced:       []merge.Unplaced{{Label: "cue", Quote: "said", Reason: "its quote is not in the text any more"}},
		FieldConflicts: []merge.FieldConflict{{Label: "claim", Quote: "x", Field: "stance", Kept: "favor", Imported: "against"}},
		Renamed:        []merge.Rename{{Kind: "annotation", From: "a1", To: "a1-2"}},
	}
	assert.Equal(t, []string{
		"Read 2 documents, 1 annotation, 0 links and 1 speaker.",
		"Added the document “A”.",
		"Merged the imported annotations into “B”, whose text differs: they were found again by their quote and context.",
		"Added 1 annotation.",
		"2 annotations were already there and were not added twice.",
		"2 annotations were re-anchored by their context (confidence 80–95%).",
		"1 annotation was re-anchored by a close match of its quote (confidence 81%). Check it.",
		"Could not place the cue “said”: its quote is not in the text any more. It is kept under “Not placed” for you to place or drop.",
		"Kept the stance “favor” of the claim “x”; the import says “against”.",
		"Gave new ids to 1 imported item this project already used (a1 → a1-2).",
	}, rep.Lines())
}

func TestApplyMergeFillsTheDocumentsEmptyTopicAndKeepsItsTitle(t *testing.T) {
	cur := bridge(t, "Ana")
	cur.Documents[0].Topic = ""
	imp := bridge(t, "Ben")
	imp.Documents[0].Title = "The bridge"
	imp.Documents[0].Topic = "the repairs"

	out, rep := apply(t, cur, imp, map[string]merge.Choice{"d1": merge.Merge})

	assert.Equal(t, "Bridge", out.Documents[0].Title)
	assert.Equal(t, "the repairs", out.Documents[0].Topic)
	assert.Equal(t, []merge.FieldConflict{{ID: "d1", Label: "document", Quote: "Bridge", Field: "title", Kept: "Bridge", Imported: "The bridge"}}, rep.FieldConflicts)
	assert.Contains(t, rep.Lines(), "Kept the title “Bridge” of the document “Bridge”; the import says “The bridge”.")
	assert.Equal(t, len(imp.Annotations), rep.Folded)
	assert.Equal(t, cur.Annotations, out.Annotations)
}

func TestApplyRefusesProjectsThatCannotBeRead(t *testing.T) {
	good := bridge(t, "Ana")
	broken := deepCopy(good)
	broken.Documents = append(broken.Documents, broken.Documents[0]) // the same id twice
	_, _, err := merge.Apply(broken, good, nil)
	assert.ErrorContains(t, err, "the open project is not valid")
	_, _, err = merge.Apply(good, broken, nil)
	assert.ErrorContains(t, err, "the imported project cannot be read, even repaired")
	_, ok := annotation.IsProblems(err)
	assert.True(t, ok, "the load problems are wrapped")
}

func TestApplyNeverChangesItsInputs(t *testing.T) {
	// apply checks the inputs after every call; here every choice runs on
	// projects whose annotations a merge would fill.
	for _, ch := range []merge.Choice{merge.Replace, merge.Merge, merge.KeepBoth} {
		t.Run(ch.String(), func(t *testing.T) {
			cur := bridge(t, "Ana")
			for i := range cur.Annotations {
				cur.Annotations[i].Cue, cur.Annotations[i].Stance = "", ""
			}
			imp := bridge(t, "Ben")
			for i := range imp.Annotations {
				imp.Annotations[i].Stance = ""
				if imp.Annotations[i].Label == annotation.LabelClaim {
					imp.Annotations[i].Stance = "favor"
				}
			}
			apply(t, cur, imp, map[string]merge.Choice{"d1": ch})
		})
	}
}

func TestApplyMergeKeepsTheSpeakerOfAFoldedMention(t *testing.T) {
	cur := bridge(t, "Ana")
	ortiz := annByQuote(t, cur, annotation.LabelSpeaker, "Lena Ortiz")
	for i := range cur.Speakers {
		if cur.Speakers[i].ID == ortiz.Speaker {
			cur.Speakers[i].Name = "The mayor"
		}
	}
	ib := newBuilder(t, "Ben")
	ib.document("Bridge", bridgeText)
	iOrtiz := ib.ann(annotation.LabelSpeaker, "Lena Ortiz")
	repairs := ib.ann(annotation.LabelClaim, "The repairs are on schedule")
	ib.claim(repairs, iOrtiz, "")
	imp := ib.project()

	out, rep := apply(t, cur, imp, map[string]merge.Choice{"d1": merge.Merge})

	assert.Equal(t, ortiz.ID, rep.AnnotationIDs[iOrtiz])
	assert.Equal(t, []merge.FieldConflict{{ID: ortiz.ID, Label: "speaker", Quote: "Lena Ortiz", Field: "speaker", Kept: "The mayor", Imported: "Lena Ortiz"}}, rep.FieldConflicts)
	c := annByID(t, out, rep.AnnotationIDs[repairs])
	assert.Equal(t, ortiz.ID, c.SpeakerMention)
	assert.Equal(t, ortiz.Speaker, c.Speaker, "a claim's speaker follows its mention")
}
