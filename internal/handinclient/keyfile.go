package handinclient

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"

	"sayso/internal/exercise"
)

// KeyFormat is the "format" of a key file, and KeyExtension ends its name.
const (
	KeyFormat    = "sayso-box-key"
	KeyExtension = ".sayso-box-key.json"
)

type keyFile struct {
	Format      string `json:"format"`
	Version     int    `json:"version"`
	Origin      string `json:"origin"`
	Box         string `json:"box"`
	OwnerSecret string `json:"ownerSecret"`
	Exercise    struct {
		ID    string `json:"id"`
		Title string `json:"title"`
	} `json:"exercise"`
}

// EncodeKey returns the teacher's key file of a box: what Compare needs to
// fetch, close and delete it from another browser. It holds the owner
// secret: it is never part of a student's file.
func EncodeKey(o Owner) []byte {
	k := keyFile{Format: KeyFormat, Version: 1, Origin: o.Origin, Box: o.Box, OwnerSecret: o.Secret}
	k.Exercise.ID, k.Exercise.Title = o.ExerciseID, o.ExerciseTitle
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	_ = enc.Encode(k) // strings only: cannot fail
	return buf.Bytes()
}

// DecodeKey reads a key file, saying what is wrong with one that is not.
func DecodeKey(b []byte) (Owner, error) {
	var k keyFile
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&k); err != nil || k.Format != KeyFormat {
		return Owner{}, errors.New("this is not a hand-in box's key file (" + KeyExtension + ")")
	}
	if k.Version != 1 {
		return Owner{}, fmt.Errorf("this key file has version %d; this Sayso reads version 1", k.Version)
	}
	switch {
	case !exercise.IsOrigin(k.Origin):
		return Owner{}, fmt.Errorf("the key file's site %q is not an address such as https://sayso.example.org", k.Origin)
	case !isHex(k.Box, 24):
		return Owner{}, errors.New("the key file's box id is not 24 hexadecimal digits")
	case !isHex(k.OwnerSecret, 32):
		return Owner{}, errors.New("the key file's owner secret is not 32 hexadecimal digits")
	}
	return Owner{Origin: k.Origin, Box: k.Box, Secret: k.OwnerSecret, ExerciseID: k.Exercise.ID, ExerciseTitle: k.Exercise.Title}, nil
}
