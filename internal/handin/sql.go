package handin

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// SQLRecords keeps Records in a SQL database with the schema of
// wasm/worker/migrations (SQLite's dialect): Cloudflare D1 in the Worker,
// through github.com/syumai/workers/cloudflare/d1. D1 offers no
// transactions through that driver, so every method is one statement, or
// statements whose partial effect a retry completes.
type SQLRecords struct {
	db *sql.DB
}

// NewSQLRecords returns records kept in db.
func NewSQLRecords(db *sql.DB) *SQLRecords { return &SQLRecords{db: db} }

func millis(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixMilli()
}

func fromMillis(ms int64) time.Time {
	if ms == 0 {
		return time.Time{}
	}
	return time.UnixMilli(ms).UTC()
}

func (s *SQLRecords) CreateBox(ctx context.Context, b Box) error {
	_, err := s.db.ExecContext(ctx,
		`INSERT INTO boxes (id, code_hash, owner_hash, exercise_id, exercise_title, created, closed) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		b.ID, b.CodeHash, b.OwnerHash, b.ExerciseID, b.ExerciseTitle, millis(b.Created), millis(b.Closed))
	if err != nil {
		return fmt.Errorf("create box %s: %w", b.ID, err)
	}
	return nil
}

func (s *SQLRecords) Box(ctx context.Context, id string) (Box, error) {
	var b Box
	var created, closed int64
	err := s.db.QueryRowContext(ctx,
		`SELECT id, code_hash, owner_hash, exercise_id, exercise_title, created, closed FROM boxes WHERE id = ?`, id).
		Scan(&b.ID, &b.CodeHash, &b.OwnerHash, &b.ExerciseID, &b.ExerciseTitle, &created, &closed)
	if errors.Is(err, sql.ErrNoRows) {
		return Box{}, fmt.Errorf("box %s: %w", id, ErrNotFound)
	}
	if err != nil {
		return Box{}, fmt.Errorf("read box %s: %w", id, err)
	}
	b.Created, b.Closed = fromMillis(created), fromMillis(closed)
	return b, nil
}

func (s *SQLRecords) SetClosed(ctx context.Context, id string, at time.Time) error {
	res, err := s.db.ExecContext(ctx, `UPDATE boxes SET closed = ? WHERE id = ?`, millis(at), id)
	if err != nil {
		return fmt.Errorf("close box %s: %w", id, err)
	}
	if n, err := res.RowsAffected(); err == nil && n == 0 {
		return fmt.Errorf("close box %s: %w", id, ErrNotFound)
	}
	return nil
}

func (s *SQLRecords) DeleteBox(ctx context.Context, id string) error {
	// Hand-ins first: a failure half-way leaves the box, so the owner can
	// delete again.
	for _, q := range []struct{ what, query, arg string }{
		{"hand-ins", `DELETE FROM hand_ins WHERE box_id = ?`, id},
		{"rate counters", `DELETE FROM rate_counts WHERE key = ?`, BoxCounter(id)},
		{"box", `DELETE FROM boxes WHERE id = ?`, id},
	} {
		if _, err := s.db.ExecContext(ctx, q.query, q.arg); err != nil {
			return fmt.Errorf("delete the %s of box %s: %w", q.what, id, err)
		}
	}
	return nil
}

func (s *SQLRecords) Usage(ctx context.Context, boxID string) (int, int64, error) {
	var n, size int64
	err := s.db.QueryRowContext(ctx,
		`SELECT count(*), coalesce(sum(size), 0) FROM hand_ins WHERE box_id = ?`, boxID).Scan(&n, &size)
	if err != nil {
		return 0, 0, fmt.Errorf("usage of box %s: %w", boxID, err)
	}
	return int(n), size, nil
}

const handInColumns = `seq, box_id, id, student, size, sha256, file_key, received`

func scanHandIn(sc interface{ Scan(...any) error }) (HandIn, error) {
	var h HandIn
	var received int64
	if err := sc.Scan(&h.Seq, &h.BoxID, &h.ID, &h.Student, &h.Size, &h.SHA256, &h.FileKey, &received); err != nil {
		return HandIn{}, err
	}
	h.Received = fromMillis(received)
	return h, nil
}

func (s *SQLRecords) AddHandIn(ctx context.Context, h HandIn) (HandIn, bool, error) {
	// The unique (box_id, id) makes a concurrent retry of the same
	// hand-in insert nothing (and return no row); it then reads the
	// first one.
	err := s.db.QueryRowContext(ctx,
		`INSERT INTO hand_ins (box_id, id, student, size, sha256, file_key, received) VALUES (?, ?, ?, ?, ?, ?, ?)
		 ON CONFLICT (box_id, id) DO NOTHING RETURNING seq`,
		h.BoxID, h.ID, h.Student, h.Size, h.SHA256, h.FileKey, millis(h.Received)).Scan(&h.Seq)
	if err == nil {
		return h, true, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return HandIn{}, false, fmt.Errorf("add hand-in %s to box %s: %w", h.ID, h.BoxID, err)
	}
	stored, err := s.HandIn(ctx, h.BoxID, h.ID)
	if err != nil {
		return HandIn{}, false, fmt.Errorf("add hand-in: %w", err)
	}
	return stored, false, nil
}

func (s *SQLRecords) HandIn(ctx context.Context, boxID, id string) (HandIn, error) {
	h, err := scanHandIn(s.db.QueryRowContext(ctx,
		`SELECT `+handInColumns+` FROM hand_ins WHERE box_id = ? AND id = ?`, boxID, id))
	if errors.Is(err, sql.ErrNoRows) {
		return HandIn{}, fmt.Errorf("hand-in %s of box %s: %w", id, boxID, ErrNotFound)
	}
	if err != nil {
		return HandIn{}, fmt.Errorf("read hand-in %s of box %s: %w", id, boxID, err)
	}
	return h, nil
}

func (s *SQLRecords) HandIns(ctx context.Context, boxID string) ([]HandIn, error) {
	rows, err := s.db.QueryContext(ctx,
		`SELECT `+handInColumns+` FROM hand_ins WHERE box_id = ? ORDER BY seq`, boxID)
	if err != nil {
		return nil, fmt.Errorf("list hand-ins of box %s: %w", boxID, err)
	}
	defer rows.Close()
	var out []HandIn
	for rows.Next() {
		h, err := scanHandIn(rows)
		if err != nil {
			return nil, fmt.Errorf("read a hand-in of box %s: %w", boxID, err)
		}
		out = append(out, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list hand-ins of box %s: %w", boxID, err)
	}
	return out, nil
}

func (s *SQLRecords) Count(ctx context.Context, key string, window int64) (int64, error) {
	var n int64
	err := s.db.QueryRowContext(ctx,
		`INSERT INTO rate_counts (key, window_start, count) VALUES (?, ?, 1)
		 ON CONFLICT (key, window_start) DO UPDATE SET count = count + 1 RETURNING count`, key, window).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count %s: %w", key, err)
	}
	return n, nil
}

func (s *SQLRecords) ForgetCounts(ctx context.Context, before int64) error {
	if _, err := s.db.ExecContext(ctx, `DELETE FROM rate_counts WHERE window_start < ?`, before); err != nil {
		return fmt.Errorf("forget rate counters: %w", err)
	}
	return nil
}
