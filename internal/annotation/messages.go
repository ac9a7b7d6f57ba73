package annotation

import (
	"errors"
	"fmt"

	"sayso/internal/wording"
)

// Errors of the schema and document operations, besides ErrNotFound and
// ErrInvalid. Test for them with errors.Is; errors.As on *LabelInUseError
// or *StanceInUseError gives the count.
var (
	// ErrLabelInUse: a label cannot be removed while annotations use it.
	ErrLabelInUse = errors.New("label in use")
	// ErrStanceInUse: a stance value cannot be removed while claims use it.
	ErrStanceInUse = errors.New("stance value in use")
	// ErrBuiltIn: the built-in labels (claim, speaker, cue) cannot be removed.
	ErrBuiltIn = errors.New("built-in label")
)

// personError is an error whose message is a sentence for the person using
// the app ("A label named “Claim” already exists.") and that unwraps to
// one of the package's sentinel errors.
type personError struct {
	msg  string
	kind error
}

func (e *personError) Error() string { return e.msg }
func (e *personError) Unwrap() error { return e.kind }

// tell returns a personError of kind kind.
func tell(kind error, format string, args ...any) error {
	return &personError{msg: fmt.Sprintf(format, args...), kind: kind}
}

// LabelInUseError is returned by RemoveLabel when annotations use the label.
// It unwraps to ErrLabelInUse.
type LabelInUseError struct {
	Label Label
	Count int // the annotations using it
}

func (e *LabelInUseError) Error() string {
	those := "those annotations"
	if e.Count == 1 {
		those = "that annotation"
	}
	return fmt.Sprintf("The label “%s” is used by %s; removing the label removes %s too.",
		e.Label.Name, wording.Count(e.Count, "annotation"), those)
}

func (e *LabelInUseError) Unwrap() error { return ErrLabelInUse }

// StanceInUseError is returned by RemoveStance when claims use the value.
// It unwraps to ErrStanceInUse.
type StanceInUseError struct {
	Stance string
	Count  int // the claims using it
}

func (e *StanceInUseError) Error() string {
	their := "their stance"
	if e.Count == 1 {
		their = "its stance"
	}
	return fmt.Sprintf("The stance value “%s” is used by %s; removing the value clears %s.",
		e.Stance, wording.Count(e.Count, "claim"), their)
}

func (e *StanceInUseError) Unwrap() error { return ErrStanceInUse }
