package handin

import (
	"context"
	"errors"
	"time"
)

// ErrNotFound is returned by a Records or Files implementation for a box,
// hand-in or file that does not exist.
var ErrNotFound = errors.New("not found")

// Box is the record of one hand-in box. Only hashes of its hand-in code and
// owner secret are kept.
type Box struct {
	ID            string
	CodeHash      string // hex SHA-256 of the hand-in code
	OwnerHash     string // hex SHA-256 of the owner secret
	ExerciseID    string
	ExerciseTitle string
	Created       time.Time
	Closed        time.Time // zero while the box takes hand-ins
}

// HandIn is the record of one handed-in file; the file itself is in Files
// under FileKey.
type HandIn struct {
	ID       string // derived from the box and the idempotency key
	BoxID    string
	Student  string // the export's annotator
	Size     int64
	SHA256   string // hex SHA-256 of the file
	FileKey  string
	Received time.Time
	Seq      int64 // order of arrival in the store, set by AddHandIn
}

// Records keeps boxes, hand-ins and rate counters: D1 in the Worker
// (SQLRecords), MemoryRecords for native tests and `make run`.
type Records interface {
	CreateBox(ctx context.Context, b Box) error
	// Box returns the box id, or ErrNotFound.
	Box(ctx context.Context, id string) (Box, error)
	// SetClosed closes the box at the given time, or opens it again for
	// the zero time.
	SetClosed(ctx context.Context, id string, at time.Time) error
	// DeleteBox removes the box, every record of its hand-ins and its
	// rate counters (key BoxCounter(id)).
	DeleteBox(ctx context.Context, id string) error
	// Usage is the number and total size of the box's hand-ins.
	Usage(ctx context.Context, boxID string) (count int, bytes int64, err error)
	// AddHandIn stores h unless a hand-in of the same box and ID exists;
	// it returns the stored hand-in (with its Seq) and whether it is new.
	AddHandIn(ctx context.Context, h HandIn) (HandIn, bool, error)
	// HandIn returns one hand-in of a box, or ErrNotFound.
	HandIn(ctx context.Context, boxID, id string) (HandIn, error)
	// HandIns returns the box's hand-ins in order of arrival.
	HandIns(ctx context.Context, boxID string) ([]HandIn, error)
	// Count adds one to the counter key of the time window that starts
	// at unix second window, and returns its new value.
	Count(ctx context.Context, key string, window int64) (int64, error)
	// ForgetCounts removes the counters of windows that started before
	// unix second before.
	ForgetCounts(ctx context.Context, before int64) error
}

// Files keeps the exercise of each box and the handed-in files: R2 in
// the Worker, MemoryFiles for native tests and `make run`.
type Files interface {
	Put(ctx context.Context, key string, data []byte) error
	// Get returns the file key, or ErrNotFound.
	Get(ctx context.Context, key string) ([]byte, error)
	// Delete removes the file key; a missing file is not an error.
	Delete(ctx context.Context, key string) error
}

// BoxCounter is the rate counter key of a box.
func BoxCounter(id string) string { return "box:" + id }
