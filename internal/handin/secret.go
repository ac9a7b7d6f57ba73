package handin

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"fmt"
	"io"
	"regexp"
)

// Secrets and ids are random hex strings.
const (
	secretBytes = 16 // 128-bit hand-in codes and owner secrets
	boxIDBytes  = 12
)

var (
	secretPattern   = regexp.MustCompile(`^[0-9a-f]{32}$`)
	boxIDPattern    = regexp.MustCompile(`^[0-9a-f]{24}$`)
	handInIDPattern = regexp.MustCompile(`^[0-9a-f]{32}$`)
	idemKeyPattern  = regexp.MustCompile(`^[A-Za-z0-9_-]{16,128}$`)
)

// randomHex reads n random bytes from r as lowercase hex.
func randomHex(r io.Reader, n int) (string, error) {
	b := make([]byte, n)
	if _, err := io.ReadFull(r, b); err != nil {
		return "", fmt.Errorf("read %d random bytes: %w", n, err)
	}
	return hex.EncodeToString(b), nil
}

// hashSecret is what is stored of a code or secret.
func hashSecret(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// secretMatches compares a presented secret with a stored hash in
// constant time.
func secretMatches(presented, storedHash string) bool {
	return subtle.ConstantTimeCompare([]byte(hashSecret(presented)), []byte(storedHash)) == 1
}

// handInID derives a hand-in's id from its box and idempotency key, so
// that a retry names the same hand-in.
func handInID(boxID, idempotencyKey string) string {
	sum := sha256.Sum256([]byte("sayso hand-in\x00" + boxID + "\x00" + idempotencyKey))
	return hex.EncodeToString(sum[:16])
}

// addressKey is the rate counter key of a client address: hashed, so the
// address itself is never stored.
func addressKey(kind, addr string) string {
	sum := sha256.Sum256([]byte("sayso address\x00" + addr))
	return kind + ":" + hex.EncodeToString(sum[:12])
}
