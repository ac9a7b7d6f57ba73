package store

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/text"
)

// hostileStrings are the strings whose encoding differs most between
// ways of writing JSON: escapes, HTML-safe escapes, invalid UTF-8, the
// two separators JavaScript reads as line ends, code points beyond the
// BMP.
var hostileStrings = []string{
	"", "plain", `quote " and \ backslash`, "tab\t nl\n cr\r bs\b ff\f nul\x00 us\x1f del\x7f",
	"<script>&amp;</script>", "line\u2028para\u2029end", "bad \xff utf8 \xc3", "emoji 😀 and 中文",
	"\ufffd already", "/slash/",
}

func fullAnnotation(s string) annotation.Annotation {
	return annotation.Annotation{
		ID: "a" + s, Document: "d1", Label: "claim", Fragments: []text.Span{{Start: 3, End: 9}, {Start: 12, End: 40}},
		Quote: s, Prefix: "before " + s, Suffix: s + " after", Stance: "favor", Target: s, SpeakerMention: "a2",
		Cue: "a3", Speaker: "s1", Note: s, Annotator: "ann", Created: "2026-12-06T08:00:00Z",
		Modified: "2026-12-06T08:01:00Z", Anchored: "fuzzy", AnchorConfidence: -87,
	}
}

func TestRecordEncodersWriteWhatEncodingJSONWrites(t *testing.T) {
	type tc struct {
		name string
		v    any
		enc  func() ([]byte, error)
	}
	var cases []tc
	for _, s := range hostileStrings {
		a := fullAnnotation(s)
		sp := annotation.Speaker{ID: "s" + s, Name: s}
		doc := annotation.Document{ID: "d" + s, Title: s, Topic: s, Done: len(s)%2 == 0}
		cases = append(cases,
			tc{"annotation " + s, a, func() ([]byte, error) { return AppendAnnotation(nil, &a), nil }},
			tc{"speaker " + s, sp, func() ([]byte, error) { return AppendSpeaker(nil, &sp), nil }},
			tc{"document " + s, doc, func() ([]byte, error) { return AppendDocument(nil, &doc), nil }},
		)
	}
	bare := annotation.Annotation{ID: "a1"}
	empty := annotation.Annotation{ID: "a1", Fragments: []text.Span{}}
	cases = append(cases,
		tc{"annotation without fragments writes null", bare, func() ([]byte, error) { return AppendAnnotation(nil, &bare), nil }},
		tc{"annotation with no fragments writes []", empty, func() ([]byte, error) { return AppendAnnotation(nil, &empty), nil }},
	)
	for _, st := range sampleSteps() {
		cases = append(cases, tc{"step " + st.Name, st, func() ([]byte, error) { return AppendStep(nil, &st) }})
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			want, err := json.Marshal(c.v)
			require.NoError(t, err)
			got, err := c.enc()
			require.NoError(t, err)
			assert.Equal(t, string(want), string(got))
		})
	}
}

func sampleSteps() []annotation.Step {
	a, b := fullAnnotation("x"), fullAnnotation("y <&>")
	sp := annotation.Speaker{ID: "s1", Name: "Wang \"Wen\""}
	return []annotation.Step{
		{Serial: 1, Name: "Add claim", Anns: []annotation.AnnotationEdit{{After: &a}}},
		{Serial: 2, Name: "Edit", Anns: []annotation.AnnotationEdit{{Before: &a, After: &b}, {Before: &b}},
			Speakers: []annotation.SpeakerEdit{{After: &sp}, {Before: &sp}}},
		{Serial: 3, Name: "Rename document", Docs: []annotation.DocumentEdit{{Before: annotation.Document{ID: "d1", Title: "a"}, After: annotation.Document{ID: "d1", Title: "b"}}}},
		{Serial: 4, Name: "Move", Places: []annotation.PlaceEdit{{Doc: "d2", From: 1, To: -1, Document: &annotation.Document{ID: "d2", Text: "t"}}}},
		{Serial: 5, Name: "Labels", Schema: []annotation.SchemaEdit{{}}},
		{Serial: 6, Name: "Drop unplaced", Orphans: []annotation.OrphansEdit{{Before: []annotation.Annotation{a}}}},
		{Serial: 7, Name: "empty lists are left out", Anns: []annotation.AnnotationEdit{}, Speakers: []annotation.SpeakerEdit{}},
		{Serial: -8, Name: ""},
	}
}

func TestRecordDecodersReadWhatEncodingJSONReads(t *testing.T) {
	cases := []struct {
		name, kind, in string
	}{
		{"an annotation as written", "a", string(AppendAnnotation(nil, ptr(fullAnnotation("é \" \\ \u2028 😀"))))},
		{"an annotation with spaces and new lines", "a", "{ \"ID\" : \"a1\",\n\t\"Fragments\" : [ { \"Start\" : 1 , \"End\" : 2 } ] }\n"},
		{"an annotation missing most fields", "a", `{"ID":"a1"}`},
		{"an annotation with keys in another case", "a", `{"id":"a1","label":"claim"}`},
		{"an annotation with an unknown key", "a", `{"ID":"a1","Colour":"red","Label":"claim"}`},
		{"an annotation with a null string", "a", `{"ID":null,"Label":"claim"}`},
		{"an annotation with null fragments", "a", `{"ID":"a1","Fragments":null}`},
		{"an annotation with no fragments", "a", `{"ID":"a1","Fragments":[]}`},
		{"an annotation with a key twice", "a", `{"ID":"a1","ID":"a2"}`},
		{"an annotation with escapes of every kind", "a", `{"Quote":"\u00e9\ud83d\ude00\ud800x\/\b\f\n\r\t\"\\\u003c"}`},
		{"an annotation with a lone low surrogate", "a", `{"Quote":"\udc00\u0041"}`},
		{"an annotation with a number in exponent form", "a", `{"AnchorConfidence":1e2}`},
		{"an annotation with a negative number", "a", `{"AnchorConfidence":-42}`},
		{"an annotation with invalid UTF-8", "a", "{\"Quote\":\"a\xffb\"}"},
		{"a speaker", "s", `{"ID":"s1","Name":"Wang Wen"}`},
		{"a speaker with an unknown key", "s", `{"ID":"s1","Name":"Wang Wen","Role":"dean"}`},
		{"a document", "d", `{"ID":"d1","Title":"T","Text":"","Topic":"x","Done":true}`},
		{"a document not done", "d", `{"ID":"d1","Title":"T","Text":"","Topic":"x","Done":false}`},
		{"a document with a string for done", "d", `{"ID":"d1","Done":"yes"}`},
		{"a step with an annotation edit", "c", mustStep(sampleSteps()[1])},
		{"a step with document edits", "c", mustStep(sampleSteps()[2])},
		{"a step with places", "c", mustStep(sampleSteps()[3])},
		{"a step with unplaced annotations", "c", mustStep(sampleSteps()[5])},
		{"a step with null edits", "c", `{"Serial":3,"Name":"x","Anns":null,"Docs":null}`},
		{"a step with an empty edit", "c", `{"Serial":3,"Name":"x","Anns":[{}]}`},
		{"truncated", "a", `{"ID":"a1","Label":"cl`},
		{"trailing bytes", "a", `{"ID":"a1"} x`},
		{"not an object", "s", `["s1"]`},
		{"empty", "d", ``},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, gotErr := decodeKind(c.kind, c.in)
			want, wantErr := jsonKind(c.kind, c.in)
			if wantErr != nil {
				assert.Error(t, gotErr)
				return
			}
			require.NoError(t, gotErr)
			assert.Equal(t, want, got)
		})
	}
}

func ptr[T any](v T) *T { return &v }

func mustMeta(m meta) string {
	b, err := json.Marshal(m)
	if err != nil {
		panic(err)
	}
	return string(b)
}

func mustStep(st annotation.Step) string {
	b, err := json.Marshal(st)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// decodeKind decodes v as a record of kind a, s, d or c, or m (the
// project's settings), o (the documents' order) or h (the history).
func decodeKind(kind, v string) (any, error) {
	switch kind {
	case "m":
		return decodeMeta(v)
	case "o":
		return decodeOrder(v)
	case "h":
		return decodeHistory(v)
	case "a":
		return DecodeAnnotation(v)
	case "s":
		return DecodeSpeaker(v)
	case "d":
		return DecodeDocument(v)
	}
	return DecodeStep(v)
}

// fastKind decodes v with the hand-written decoder alone.
func fastKind(kind, v string) (any, bool) {
	d := decoder{s: v}
	switch kind {
	case "m":
		var m meta
		return m, d.meta(&m) && d.end()
	case "o":
		ids, ok := d.strings()
		return ids, ok && d.end()
	case "h":
		var h history
		return h, d.history(&h) && d.end()
	case "a":
		var a annotation.Annotation
		return a, d.annotation(&a) && d.end()
	case "s":
		var sp annotation.Speaker
		return sp, d.speaker(&sp) && d.end()
	case "d":
		var doc annotation.Document
		return doc, d.document(&doc) && d.end()
	}
	var st annotation.Step
	ok := d.step(&st) && d.end()
	return st, ok
}

func jsonKind(kind, v string) (any, error) {
	var err error
	switch kind {
	case "m":
		var m meta
		err = json.Unmarshal([]byte(v), &m)
		return m, err
	case "o":
		var ids []string
		err = json.Unmarshal([]byte(v), &ids)
		return ids, err
	case "h":
		var h history
		err = json.Unmarshal([]byte(v), &h)
		return h, err
	case "a":
		var a annotation.Annotation
		err = json.Unmarshal([]byte(v), &a)
		return a, err
	case "s":
		var sp annotation.Speaker
		err = json.Unmarshal([]byte(v), &sp)
		return sp, err
	case "d":
		var doc annotation.Document
		err = json.Unmarshal([]byte(v), &doc)
		return doc, err
	}
	var st annotation.Step
	err = json.Unmarshal([]byte(v), &st)
	return st, err
}

func TestTheHandWrittenDecoderReadsWhatTheEncodersWriteWithoutEncodingJSON(t *testing.T) {
	cases := []struct {
		name, kind, in string
	}{
		{"annotation", "a", string(AppendAnnotation(nil, ptr(fullAnnotation("<é \" \\ \u2028 😀 \x01>"))))},
		{"speaker", "s", string(AppendSpeaker(nil, &annotation.Speaker{ID: "s1", Name: "Wang \"Wen\""}))},
		{"document", "d", string(AppendDocument(nil, &annotation.Document{ID: "d1", Title: "<T>", Done: true}))},
		{"step", "c", mustStep(sampleSteps()[1])},
		{"settings", "m", mustMeta(meta{Version: formatVersion, Schema: annotation.DefaultSchema(), Annotator: "Ana <&>",
			Exercise: annotation.ExerciseRef{ID: "ex", Title: "T", Role: annotation.RoleKey, Instructions: "Read\n“this”"},
			Orphans:  []annotation.Annotation{fullAnnotation("😀")}})},
		{"settings without a schema", "m", mustMeta(meta{Version: formatVersion})},
		{"order", "o", `["d1","d2","d\u00e9"]`},
		{"no order", "o", `null`},
		{"history", "h", encodeHistory([]int{1, 2, 30}, nil)},
		{"empty history", "h", encodeHistory([]int{}, []int{4})},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, ok := fastKind(c.kind, c.in)
			require.True(t, ok, "the hand-written decoder gave up")
			want, err := jsonKind(c.kind, c.in)
			require.NoError(t, err)
			assert.Equal(t, want, got)
		})
	}
}

// FuzzRecordDecoderAgreesWithEncodingJSON: whatever the input, when the
// hand-written decoder reads it, encoding/json reads it too and to the
// same value; and the decoding used (with its fallback) gives
// encoding/json's answer.
func FuzzRecordDecoderAgreesWithEncodingJSON(f *testing.F) {
	for _, k := range []string{"a", "s", "d", "c", "m", "o", "h"} {
		f.Add(k, `{"ID":"x"}`)
	}
	f.Add("m", mustMeta(meta{Version: formatVersion, Schema: annotation.DefaultSchema(), Annotator: "A"}))
	f.Add("m", `{"Version":1,"Schema":{"Labels":null,"Stances":null},"Orphans":[]}`)
	f.Add("o", `["d1",null]`)
	f.Add("h", `{"Undo":[1,-2],"Redo":null}`)
	f.Add("a", string(AppendAnnotation(nil, ptr(fullAnnotation("é\u2028<")))))
	f.Add("a", `{"Quote":"\ud83d\ude00\ud800"}`)
	f.Add("c", mustStep(sampleSteps()[1]))
	f.Add("c", mustStep(sampleSteps()[3]))
	f.Add("d", `{"ID":"d1","Done":true}`)
	f.Fuzz(func(t *testing.T, kind, in string) {
		switch kind {
		case "a", "s", "d", "c", "m", "o", "h":
		default:
			return
		}
		want, wantErr := jsonKind(kind, in)
		if fast, ok := fastKind(kind, in); ok {
			require.NoError(t, wantErr, "encoding/json refuses what the decoder read: %q", in)
			require.Equal(t, want, fast, "%q", in)
		}
		got, err := decodeKind(kind, in)
		if wantErr != nil {
			require.Error(t, err)
			return
		}
		require.NoError(t, err)
		require.Equal(t, want, got)
	})
}

// FuzzRecordEncodersMatchEncodingJSONAndRoundTrip: any annotation,
// speaker and step built of arbitrary strings and numbers is written as
// json.Marshal writes it and read back as encoding/json reads it.
func FuzzRecordEncodersMatchEncodingJSONAndRoundTrip(f *testing.F) {
	for i, s := range hostileStrings {
		f.Add(s, "note "+s, i, -i, i%2 == 0)
	}
	f.Fuzz(func(t *testing.T, s, note string, n, m int, flag bool) {
		a := fullAnnotation(s)
		a.Note, a.AnchorConfidence = note, n
		a.Fragments = []text.Span{{Start: n, End: m}}
		if flag {
			a.Fragments = nil
		}
		sp := annotation.Speaker{ID: note, Name: s}
		doc := annotation.Document{ID: s, Title: note, Done: flag}
		st := annotation.Step{Serial: m, Name: s, Anns: []annotation.AnnotationEdit{{Before: &a}}, Speakers: []annotation.SpeakerEdit{{After: &sp}}}
		stepB, err := AppendStep(nil, &st)
		require.NoError(t, err)
		for _, c := range []struct {
			kind string
			v    any
			got  []byte
		}{
			{"a", a, AppendAnnotation(nil, &a)},
			{"s", sp, AppendSpeaker(nil, &sp)},
			{"d", doc, AppendDocument(nil, &doc)},
			{"c", st, stepB},
		} {
			want, err := json.Marshal(c.v)
			require.NoError(t, err)
			require.Equal(t, string(want), string(c.got))
			back, err := decodeKind(c.kind, string(c.got))
			require.NoError(t, err)
			fromJSON, err := jsonKind(c.kind, string(want))
			require.NoError(t, err)
			require.Equal(t, fromJSON, back)
		}
	})
}
