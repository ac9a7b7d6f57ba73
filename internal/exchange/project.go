package exchange

import (
	"time"

	"sayso/internal/annotation"
	"sayso/internal/format/native"
)

// Sayso's own project file (the native format), which the app saves,
// opens and hands around without choosing a format.

// ProjectExtension ends the name of a project file (".sayso.json").
const ProjectExtension = native.Extension

// EncodeProject writes a project file (see native.Encode).
func EncodeProject(p annotation.Project) ([]byte, error) { return native.Encode(p) }

// DecodeProject reads a project file without loading it (see
// native.Decode).
func DecodeProject(data []byte) (annotation.Project, error) { return native.Decode(data) }

// OpenProject reads a project file into a store, repairing annotations
// that no longer fit their text and returning one line per repair (see
// native.OpenRepaired).
func OpenProject(data []byte, clock func() time.Time) (*annotation.Store, []string, error) {
	return native.OpenRepaired(data, clock)
}
