package agreement

// Error is an error of this package. Its values are constants, so callers
// can test for them with errors.Is through any wrapping.
type Error string

func (e Error) Error() string { return string(e) }

const (
	// ErrTooFewAnnotators: agreement needs at least two annotators.
	ErrTooFewAnnotators Error = "fewer than two annotators"
	// ErrNoUnits: no unit meets the conditions of the measure.
	ErrNoUnits Error = "no units to compare"
	// ErrUndefined: the measure is 0/0, typically because every value
	// given is the same one, so there is no variation to agree on.
	ErrUndefined Error = "undefined: the values show no variation"
	// ErrInvalid: an argument is out of range or a table is malformed.
	ErrInvalid Error = "invalid input"
)
