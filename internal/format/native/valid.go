package native

// maxDepth is how deeply encoding/json lets arrays and objects nest.
const maxDepth = 10000

// validJSON reports whether b is one JSON value, with white space around
// it, exactly as json.Valid does (strings may hold invalid UTF-8; at most
// maxDepth arrays and objects nest). It is several times faster than
// json.Valid, whose scanner calls a function per byte: checking a
// megabyte project took a fifth of decoding it in the browser.
func validJSON(b []byte) bool {
	v := validator{b: b}
	v.space()
	if !v.value(0) {
		return false
	}
	v.space()
	return v.i == len(b)
}

// validator walks the input once, never backwards.
type validator struct {
	b []byte
	i int
}

func (v *validator) space() {
	for v.i < len(v.b) {
		switch v.b[v.i] {
		case ' ', '\t', '\n', '\r':
			v.i++
		default:
			return
		}
	}
}

// value checks the value at v.i, inside depth arrays and objects.
func (v *validator) value(depth int) bool {
	if v.i >= len(v.b) {
		return false
	}
	switch c := v.b[v.i]; {
	case c == '{':
		return v.object(depth + 1)
	case c == '[':
		return v.array(depth + 1)
	case c == '"':
		return v.str()
	case c == 't':
		return v.literal("true")
	case c == 'f':
		return v.literal("false")
	case c == 'n':
		return v.literal("null")
	case c == '-' || '0' <= c && c <= '9':
		return v.number()
	}
	return false
}

// next skips white space and reports whether a byte follows.
func (v *validator) next() bool {
	v.space()
	return v.i < len(v.b)
}

func (v *validator) object(depth int) bool {
	if depth > maxDepth {
		return false
	}
	v.i++ // {
	if !v.next() {
		return false
	}
	if v.b[v.i] == '}' {
		v.i++
		return true
	}
	for {
		if v.b[v.i] != '"' || !v.str() || !v.next() || v.b[v.i] != ':' {
			return false
		}
		v.i++
		if !v.next() || !v.value(depth) || !v.next() {
			return false
		}
		if done, ok := v.afterMember('}'); done || !ok {
			return ok
		}
	}
}

func (v *validator) array(depth int) bool {
	if depth > maxDepth {
		return false
	}
	v.i++ // [
	if !v.next() {
		return false
	}
	if v.b[v.i] == ']' {
		v.i++
		return true
	}
	for {
		if !v.value(depth) || !v.next() {
			return false
		}
		if done, ok := v.afterMember(']'); done || !ok {
			return ok
		}
	}
}

// afterMember reads what follows a member of an object or an element of an
// array: the closing bracket (done), or a comma and the white space after
// it (not done); anything else is not JSON (not ok).
func (v *validator) afterMember(closing byte) (done, ok bool) {
	switch v.b[v.i] {
	case closing:
		v.i++
		return true, true
	case ',':
		v.i++
		return false, v.next()
	}
	return false, false
}

// str checks a string from its opening quote.
func (v *validator) str() bool {
	b := v.b
	for i := v.i + 1; i < len(b); {
		c := b[i]
		switch {
		case c == '"':
			v.i = i + 1
			return true
		case c == '\\':
			if i+1 >= len(b) {
				return false
			}
			switch b[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i += 2
			case 'u':
				if i+5 >= len(b) || !isHex(b[i+2]) || !isHex(b[i+3]) || !isHex(b[i+4]) || !isHex(b[i+5]) {
					return false
				}
				i += 6
			default:
				return false
			}
		case c < 0x20:
			return false
		default:
			i++
		}
	}
	return false
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// number checks a number: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func (v *validator) number() bool {
	b, i := v.b, v.i
	if b[i] == '-' {
		i++
	}
	switch {
	case i >= len(b):
		return false
	case b[i] == '0':
		i++
	case isDigit(b[i]):
		for i < len(b) && isDigit(b[i]) {
			i++
		}
	default:
		return false
	}
	if i < len(b) && b[i] == '.' {
		i++
		if i >= len(b) || !isDigit(b[i]) {
			return false
		}
		for i < len(b) && isDigit(b[i]) {
			i++
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if i >= len(b) || !isDigit(b[i]) {
			return false
		}
		for i < len(b) && isDigit(b[i]) {
			i++
		}
	}
	v.i = i
	return true
}

func (v *validator) literal(word string) bool {
	if len(v.b)-v.i < len(word) || string(v.b[v.i:v.i+len(word)]) != word {
		return false
	}
	v.i += len(word)
	return true
}
