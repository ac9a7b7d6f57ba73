package app

// ExportAs asks for the project in one of the formats exchange.Formats
// lists, by its ID ("conll", "brat", …). ApplyFormatAction handles it.
type ExportAs struct{ Format string }

// ImportFile opens a file in any format Sayso reads, telling the format
// from the file's name and content (see exchange.Detect). It replaces the project,
// like Import; on failure the current work is left as it was.
// ApplyFormatAction handles it.
type ImportFile struct {
	Name string
	Data []byte
}

func (ExportAs) isAction()   {}
func (ImportFile) isAction() {}
