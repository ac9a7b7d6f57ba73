package w3c

import (
	"fmt"
	"strings"

	"sayso/internal/annotation"
	"sayso/internal/text"
)

// Context is the JSON-LD context of the Web Annotation Data Model.
const Context = "http://www.w3.org/ns/anno.jsonld"

// IRI prefixes of what an export names.
const (
	docPrefix     = "urn:sayso:doc:"     // + the SHA-256 of the text
	annoPrefix    = "urn:sayso:anno:"    // + document id + ":" + annotation id
	speakerPrefix = "urn:sayso:speaker:" // + speaker id
	exportPrefix  = "urn:sayso:export:"  // + a hash of the documents' IRIs
)

// SourceIRI is the IRI an export gives a document's text: its SHA-256, so
// that the text can be found again by content. Import expects texts keyed
// by these IRIs (see Texts).
func SourceIRI(body string) string {
	return docPrefix + text.Hash(body)
}

// Texts maps the source IRI of every document of p to its text: what
// Import needs to re-read an export of p.
func Texts(p annotation.Project) map[string]string {
	m := make(map[string]string, len(p.Documents))
	for _, d := range p.Documents {
		m[SourceIRI(d.Text)] = d.Text
	}
	return m
}

// annoIRI names an annotation: urn:sayso:anno:<document id>:<annotation id>.
func annoIRI(doc, id string) string {
	return annoPrefix + escape(doc) + ":" + escape(id)
}

// escape percent-encodes every byte of s that is not an unreserved IRI
// character, so that ids can hold anything and ':' still separates them.
func escape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("-._~", c) >= 0 {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}
