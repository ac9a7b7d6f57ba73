package handin

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"time"
)

// MemoryRecords keeps Records in memory: for native tests and the local
// server of `make run` (gone when it stops). It implements the same
// contract as SQLRecords; the Worker uses SQLRecords on D1.
type MemoryRecords struct {
	mu      sync.Mutex
	boxes   map[string]Box
	handIns map[string][]HandIn // by box id, in order of arrival
	counts  map[countKey]int64
	seq     int64
}

type countKey struct {
	key    string
	window int64
}

// NewMemoryRecords returns empty records.
func NewMemoryRecords() *MemoryRecords {
	return &MemoryRecords{boxes: map[string]Box{}, handIns: map[string][]HandIn{}, counts: map[countKey]int64{}}
}

func (m *MemoryRecords) CreateBox(_ context.Context, b Box) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.boxes[b.ID]; ok {
		return fmt.Errorf("create box %s: it exists", b.ID)
	}
	m.boxes[b.ID] = b
	return nil
}

func (m *MemoryRecords) Box(_ context.Context, id string) (Box, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	b, ok := m.boxes[id]
	if !ok {
		return Box{}, fmt.Errorf("box %s: %w", id, ErrNotFound)
	}
	return b, nil
}

func (m *MemoryRecords) SetClosed(_ context.Context, id string, at time.Time) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	b, ok := m.boxes[id]
	if !ok {
		return fmt.Errorf("box %s: %w", id, ErrNotFound)
	}
	b.Closed = at
	m.boxes[id] = b
	return nil
}

func (m *MemoryRecords) DeleteBox(_ context.Context, id string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.handIns, id)
	delete(m.boxes, id)
	for k := range m.counts {
		if k.key == BoxCounter(id) {
			delete(m.counts, k)
		}
	}
	return nil
}

func (m *MemoryRecords) Usage(_ context.Context, boxID string) (int, int64, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var n int64
	for _, h := range m.handIns[boxID] {
		n += h.Size
	}
	return len(m.handIns[boxID]), n, nil
}

func (m *MemoryRecords) AddHandIn(_ context.Context, h HandIn) (HandIn, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.boxes[h.BoxID]; !ok {
		return HandIn{}, false, fmt.Errorf("add hand-in to box %s: %w", h.BoxID, ErrNotFound)
	}
	for _, old := range m.handIns[h.BoxID] {
		if old.ID == h.ID {
			return old, false, nil
		}
	}
	m.seq++
	h.Seq = m.seq
	m.handIns[h.BoxID] = append(m.handIns[h.BoxID], h)
	return h, true, nil
}

func (m *MemoryRecords) HandIn(_ context.Context, boxID, id string) (HandIn, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, h := range m.handIns[boxID] {
		if h.ID == id {
			return h, nil
		}
	}
	return HandIn{}, fmt.Errorf("hand-in %s of box %s: %w", id, boxID, ErrNotFound)
}

func (m *MemoryRecords) HandIns(_ context.Context, boxID string) ([]HandIn, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return slices.Clone(m.handIns[boxID]), nil
}

func (m *MemoryRecords) Count(_ context.Context, key string, window int64) (int64, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	k := countKey{key, window}
	m.counts[k]++
	return m.counts[k], nil
}

func (m *MemoryRecords) ForgetCounts(_ context.Context, before int64) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	for k := range m.counts {
		if k.window < before {
			delete(m.counts, k)
		}
	}
	return nil
}

// Len is the number of boxes, hand-ins and counters held, for tests that
// check that a deleted box leaves nothing.
func (m *MemoryRecords) Len() (boxes, handIns, counters int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, hs := range m.handIns {
		handIns += len(hs)
	}
	return len(m.boxes), handIns, len(m.counts)
}

// MemoryFiles keeps Files in memory: for native tests and `make run`.
type MemoryFiles struct {
	mu    sync.Mutex
	files map[string][]byte
}

// NewMemoryFiles returns an empty file store.
func NewMemoryFiles() *MemoryFiles {
	return &MemoryFiles{files: map[string][]byte{}}
}

func (m *MemoryFiles) Put(_ context.Context, key string, data []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.files[key] = slices.Clone(data)
	return nil
}

func (m *MemoryFiles) Get(_ context.Context, key string) ([]byte, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	b, ok := m.files[key]
	if !ok {
		return nil, fmt.Errorf("file %s: %w", key, ErrNotFound)
	}
	return slices.Clone(b), nil
}

func (m *MemoryFiles) Delete(_ context.Context, key string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.files, key)
	return nil
}

// Keys returns the keys of the stored files, sorted.
func (m *MemoryFiles) Keys() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	keys := make([]string, 0, len(m.files))
	for k := range m.files {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
