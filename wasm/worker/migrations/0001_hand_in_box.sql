-- Hand-in boxes (issue 17): the records of internal/handin.SQLRecords.
-- Files (each box's exercise and every handed-in file) are in R2, under
-- boxes/<box id>/. Times are unix milliseconds.

-- One row per box. Only SHA-256 hashes of the hand-in code and the owner
-- secret are kept.
CREATE TABLE boxes (
  id             TEXT PRIMARY KEY,
  code_hash      TEXT NOT NULL,
  owner_hash     TEXT NOT NULL,
  exercise_id    TEXT NOT NULL,
  exercise_title TEXT NOT NULL,
  created        INTEGER NOT NULL,
  closed         INTEGER NOT NULL DEFAULT 0 -- 0 while open
) STRICT;

-- Every version handed in is kept; the latest per student counts. id is
-- derived from the box and the client's idempotency key, so a retried
-- request finds its first record instead of storing twice.
CREATE TABLE hand_ins (
  seq      INTEGER PRIMARY KEY AUTOINCREMENT,
  box_id   TEXT NOT NULL REFERENCES boxes(id),
  id       TEXT NOT NULL,
  student  TEXT NOT NULL,
  size     INTEGER NOT NULL,
  sha256   TEXT NOT NULL,
  file_key TEXT NOT NULL,
  received INTEGER NOT NULL,
  UNIQUE (box_id, id)
) STRICT;

-- Rate counters per box and per hashed client address, one row per key
-- and time window (its start in unix seconds); old windows are removed.
CREATE TABLE rate_counts (
  key    TEXT NOT NULL,
  window_start INTEGER NOT NULL,
  count  INTEGER NOT NULL,
  PRIMARY KEY (key, window_start)
) STRICT, WITHOUT ROWID;

CREATE INDEX rate_counts_window ON rate_counts (window_start);
