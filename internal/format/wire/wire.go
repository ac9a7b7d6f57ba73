// Package wire declares the JSON shapes that Sayso's own files share: the
// project file (package native) and the exercise file (package exercise)
// both carry a schema with its labels and documents with their text and
// its hash. The order of the fields is the order they are written in.
package wire

// Schema is the labels and stance values a file was annotated with.
type Schema struct {
	Labels       []Label  `json:"labels"`
	StanceValues []string `json:"stanceValues"`
}

// Label is one label of a Schema.
type Label struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Color string `json:"color"`
	Key   string `json:"key"`
}

// Document is one document: its text with the text's length in code
// points and SHA-256, so that a reader can tell the text was not changed.
// Done is written only when true (the exercise file never sets it).
type Document struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Topic  string `json:"topic"`
	Done   bool   `json:"done,omitempty"`
	Length int    `json:"length"`
	SHA256 string `json:"sha256"`
	Text   string `json:"text"`
}
