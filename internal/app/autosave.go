package app

import (
	"errors"
	"fmt"
)

// KV is the browser storage autosave writes to (localStorage in the page,
// a map in tests).
type KV interface {
	Get(key string) (value string, ok bool, err error)
	Set(key, value string) error
	Remove(key string) error
}

// Autosave keys: two slots and a pointer naming the slot that holds the last
// complete snapshot. A save writes the other slot first and only then moves
// the pointer, so a crash or a full storage in the middle of a save leaves
// the previous snapshot whole and pointed at.
const (
	keyPointer = AutosavePointerKey
	keySlotA   = "sayso:project:a"
	keySlotB   = "sayso:project:b"
)

// keyShown names the document shown last, so that a reload shows it again.
// It is a view setting only: losing it loses no work.
const keyShown = "sayso:shown"

// SaveShown records the document shown.
func SaveShown(kv KV, doc string) error {
	if err := kv.Set(keyShown, doc); err != nil {
		return fmt.Errorf("remember the document shown: %w", err)
	}
	return nil
}

// LoadShown is the document shown last, or "".
func LoadShown(kv KV) string {
	doc, ok, err := kv.Get(keyShown)
	if err != nil || !ok {
		return ""
	}
	return doc
}

// AutosavePointerKey is the storage key naming the current snapshot; other
// tabs watch it to learn that this project was saved elsewhere.
const AutosavePointerKey = "sayso:current"

// SaveSnapshot writes data as the newest snapshot.
func SaveSnapshot(kv KV, data string) error {
	cur, _, err := kv.Get(keyPointer)
	if err != nil {
		return fmt.Errorf("read the autosave pointer: %w", err)
	}
	next := keySlotA
	if cur == keySlotA {
		next = keySlotB
	}
	if err := kv.Set(next, data); err != nil {
		// Free the half-written slot: never the one pointed at.
		_ = kv.Remove(next)
		if cur == "" {
			return fmt.Errorf("write the snapshot: %w", err)
		}
		// Storage may hold one snapshot but not two: replace the current
		// one in a single write, which either happens whole or not at all.
		if err2 := kv.Set(cur, data); err2 != nil {
			return fmt.Errorf("write the snapshot: %w", err)
		}
		return nil
	}
	if err := kv.Set(keyPointer, next); err != nil {
		return fmt.Errorf("switch to the new snapshot: %w", err)
	}
	return nil
}

// ErrNoSnapshot means nothing was autosaved.
var ErrNoSnapshot = errors.New("no autosaved work")

// LoadSnapshot returns the newest complete snapshot, and the older one as a
// fallback for when the newest cannot be read.
func LoadSnapshot(kv KV) (newest, older string, err error) {
	cur, ok, err := kv.Get(keyPointer)
	if err != nil {
		return "", "", fmt.Errorf("read the autosave pointer: %w", err)
	}
	if !ok || (cur != keySlotA && cur != keySlotB) {
		return "", "", ErrNoSnapshot
	}
	other := keySlotA
	if cur == keySlotA {
		other = keySlotB
	}
	newest, ok, err = kv.Get(cur)
	if err != nil {
		return "", "", fmt.Errorf("read the snapshot: %w", err)
	}
	if !ok {
		return "", "", ErrNoSnapshot
	}
	older, _, _ = kv.Get(other)
	return newest, older, nil
}

// ForgetSnapshots erases the autosaved work (when the person closes the
// article to start another).
func ForgetSnapshots(kv KV) error {
	for _, k := range []string{keyPointer, keySlotA, keySlotB, keyShown, keySuggest} {
		if err := kv.Remove(k); err != nil {
			return fmt.Errorf("forget autosaved work: %w", err)
		}
	}
	return nil
}
