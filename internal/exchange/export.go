package exchange

import (
	"fmt"

	"sayso/internal/annotation"
	"sayso/internal/format"
)

// Options are the caller's choices for an export.
type Options struct {
	// Base is the download's name without its extension (the document's
	// title made safe); archives also name the files inside after it.
	Base string
	// Predictions are annotations no person has checked (the shown
	// document's suggestions), written only by a format that holds them
	// apart (format.Codec.WritePredicted) and left out by every other.
	Predictions annotation.Project
}

// Exported is one download: its name, media type and bytes, the format it
// is in, and what the format reported leaving out.
type Exported struct {
	Name   string
	MIME   string
	Data   []byte
	Format format.Info
	Report format.Report
}

// Export writes project p in format id as one file named opts.Base plus
// the format's extension. It fails for an ID the registry does not have,
// and passes on the format's own error unwrapped, as the caller names the
// format in its message.
func (r Registry) Export(p annotation.Project, id string, opts Options) (Exported, error) {
	c, ok := r.Lookup(id)
	if !ok {
		return Exported{}, fmt.Errorf("there is no export format %q", id)
	}
	write := c.Write
	if len(opts.Predictions.Annotations) > 0 && c.WritePredicted != nil {
		write = func(p annotation.Project, base string) (format.Output, error) {
			return c.WritePredicted(p, base, opts.Predictions)
		}
	}
	out, err := write(p, opts.Base)
	if err != nil {
		return Exported{}, err
	}
	ext, mime := c.Extension, c.MIME
	if out.Extension != "" {
		ext = out.Extension
	}
	if out.MIME != "" {
		mime = out.MIME
	}
	return Exported{Name: opts.Base + ext, MIME: mime, Data: out.Data, Format: c.Info, Report: out.Report}, nil
}

// Export writes p in format id with the Default registry.
func Export(p annotation.Project, id string, opts Options) (Exported, error) {
	return Default().Export(p, id, opts)
}
