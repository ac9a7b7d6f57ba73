package native_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/format/native"
	"sayso/internal/text"
)

func TestEncodeNamesWhatItRefuses(t *testing.T) {
	tests := []struct {
		name   string
		change func(p *annotation.Project)
		want   string
	}{
		{"invalid UTF-8 in the annotator", func(p *annotation.Project) { p.Annotator = "\xff" },
			`encode: the annotator: "\xff" is not valid UTF-8`},
		{"invalid UTF-8 in the second label", func(p *annotation.Project) { p.Schema.Labels[1].Name = "\xfe" },
			`encode: label 2: "\xfe" is not valid UTF-8`},
		{"invalid UTF-8 in a stance value", func(p *annotation.Project) { p.Schema.Stances = []string{"ok", "\xff"} },
			`encode: the stance values: "\xff" is not valid UTF-8`},
		{"invalid UTF-8 in the second document", func(p *annotation.Project) {
			p.Documents = append(p.Documents, annotation.Document{ID: "d2", Title: "\xff"})
		}, `encode: document 2: "\xff" is not valid UTF-8`},
		{"invalid UTF-8 in the second speaker", func(p *annotation.Project) {
			p.Speakers = []annotation.Speaker{{ID: "s1", Name: "Ana"}, {ID: "s2", Name: "\xff"}}
		}, `encode: speaker 2: "\xff" is not valid UTF-8`},
		{"an orphan without fragments, after the annotations", func(p *annotation.Project) {
			p.Orphans = []annotation.Annotation{{ID: "o1", Document: "d1", Label: "claim", Fragments: []text.Span{{Start: 0, End: 1}}}, {ID: "o2", Document: "d1", Label: "claim"}}
		}, `encode: annotation 4 ("o2") has no fragment`},
		{"a negative end", func(p *annotation.Project) { p.Annotations[1].Fragments[0].End = -3 },
			`encode: annotation 2 ("a2"): fragment 1 (5–-3) has a negative offset`},
		{"a negative start in the second fragment", func(p *annotation.Project) {
			p.Annotations[1].Fragments = []text.Span{{Start: 5, End: 6}, {Start: -1, End: 8}}
		}, `encode: annotation 2 ("a2"): fragment 2 (-1–8) has a negative offset`},
		{"a confidence over 100", func(p *annotation.Project) {
			p.Annotations[0].Anchored, p.Annotations[0].AnchorConfidence = "fuzzy", 101
		},
			`encode: annotation 1 ("a1"): re-anchored "fuzzy" with confidence 101 is not one of [quote context fuzzy] with 0–100`},
		{"a negative confidence", func(p *annotation.Project) {
			p.Annotations[0].Anchored, p.Annotations[0].AnchorConfidence = "quote", -1
		},
			`encode: annotation 1 ("a1"): re-anchored "quote" with confidence -1 is not one of [quote context fuzzy] with 0–100`},
		{"a confidence without a way", func(p *annotation.Project) { p.Annotations[0].AnchorConfidence = 5 },
			`encode: annotation 1 ("a1"): re-anchored "" with confidence 5 is not one of [quote context fuzzy] with 0–100`},
		{"a long id is clipped in the message", func(p *annotation.Project) {
			p.Annotations[0].ID = "a-very-long-identifier-that-goes-on-and-on-and-on"
			p.Annotations[0].Note = "\xff"
		}, `encode: annotation 1 ("a-very-long-identifier-that-goes-on-and…"): "\xff" is not valid UTF-8`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := sparseProject()
			tc.change(&p)
			b, err := native.Encode(p)
			assert.EqualError(t, err, tc.want)
			assert.Nil(t, b)
		})
	}
}

func TestEncodeCarriesConfidencesFrom0To100(t *testing.T) {
	for _, c := range []int{0, 100} {
		p := sparseProject()
		p.Annotations[0].Anchored, p.Annotations[0].AnchorConfidence = "context", c
		b, err := native.Encode(p)
		require.NoError(t, err, "confidence %d", c)
		back, err := native.Decode(b)
		require.NoError(t, err)
		assert.Equal(t, p, back)
	}
}

func TestEncodeCarriesEveryOffsetDecodeReads(t *testing.T) {
	// Decode takes any offset from 0 up, an empty fragment included (Open,
	// not Decode, checks that fragments fit the text); Encode must write
	// each of them back rather than refuse it as negative.
	tests := []struct {
		name string
		f    text.Span
	}{
		{"an empty fragment at the very start", text.Span{Start: 0, End: 0}},
		{"a fragment from the very start", text.Span{Start: 0, End: 3}},
		{"an empty fragment at the very end", text.Span{Start: 8, End: 8}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := sparseProject()
			p.Annotations[1].Fragments = []text.Span{tc.f}
			b, err := native.Encode(p)
			require.NoError(t, err)
			back, err := native.Decode(b)
			require.NoError(t, err)
			assert.Equal(t, p, back)
		})
	}
}

// Many small parts and few annotations: the buffer estimate must never go
// wrong whatever the mix.
func TestEncodeRoundTripsManyEmptyDocumentsSpeakersAndOrphans(t *testing.T) {
	p := sparseProject()
	for i := range 12 {
		p.Documents = append(p.Documents, annotation.Document{ID: fmt.Sprintf("e%d", i)})
		p.Speakers = append(p.Speakers, annotation.Speaker{ID: fmt.Sprintf("s%d", i), Name: "S"})
		p.Orphans = append(p.Orphans, annotation.Annotation{ID: fmt.Sprintf("o%d", i), Document: "d1", Label: "claim",
			Fragments: []text.Span{{Start: 0, End: 1}}, Quote: "Y"})
	}
	for range 200 {
		p.Speakers = append(p.Speakers, annotation.Speaker{ID: fmt.Sprintf("t%d", len(p.Speakers)), Name: "T"})
	}
	b, err := native.Encode(p)
	require.NoError(t, err)
	back, err := native.Decode(b)
	require.NoError(t, err)
	assert.Equal(t, p, back)

	only := annotation.Project{Schema: p.Schema}
	for i := range 8 {
		only.Documents = append(only.Documents, annotation.Document{ID: fmt.Sprintf("e%d", i)})
	}
	b, err = native.Encode(only)
	require.NoError(t, err)
	back, err = native.Decode(b)
	require.NoError(t, err)
	assert.Equal(t, only.Documents, back.Documents)

	orphans := sparseProject()
	orphans.Annotations = nil
	for i := range 10 {
		orphans.Orphans = append(orphans.Orphans, annotation.Annotation{ID: fmt.Sprintf("o%d", i), Document: "d1", Label: "claim",
			Fragments: []text.Span{{Start: 0, End: 1}}, Quote: "Y"})
	}
	b, err = native.Encode(orphans)
	require.NoError(t, err)
	back, err = native.Decode(b)
	require.NoError(t, err)
	assert.Equal(t, orphans.Orphans, back.Orphans)
}
