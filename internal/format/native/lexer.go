package native

import (
	"bytes"
	"unicode/utf8"
)

// lexer splits JSON that json.Valid accepted into tokens, remembering where
// each begins. It is much faster than json.Decoder.Token and, because the
// input is known to be valid, very simple: commas and colons are skipped
// like white space.
type lexer struct {
	src []byte
	off int
}

type tokenKind byte

const (
	tokEnd tokenKind = iota // end of input, or a byte that starts no token
	tokBeginObject
	tokEndObject
	tokBeginArray
	tokEndArray
	tokString
	tokNumber
	tokBool
	tokNull
)

// token is one JSON token: raw holds a string with its quotes, or a number.
type token struct {
	kind tokenKind
	pos  int
	raw  []byte
}

// skipSeparators moves past white space, commas and colons.
func (l *lexer) skipSeparators() {
	for l.off < len(l.src) {
		switch l.src[l.off] {
		case ' ', '\t', '\n', '\r', ',', ':':
			l.off++
		default:
			return
		}
	}
}

// peek returns the first byte of the next token, or 0 at the end.
func (l *lexer) peek() byte {
	l.skipSeparators()
	if l.off == len(l.src) {
		return 0
	}
	return l.src[l.off]
}

// peekPos returns the offset where the next token begins.
func (l *lexer) peekPos() int {
	l.skipSeparators()
	return l.off
}

func (l *lexer) next() token {
	l.skipSeparators()
	t := token{pos: l.off}
	if l.off == len(l.src) {
		return t
	}
	switch c := l.src[l.off]; c {
	case '{':
		t.kind, l.off = tokBeginObject, l.off+1
	case '}':
		t.kind, l.off = tokEndObject, l.off+1
	case '[':
		t.kind, l.off = tokBeginArray, l.off+1
	case ']':
		t.kind, l.off = tokEndArray, l.off+1
	case '"':
		end := l.off + 1
		for end < len(l.src) && l.src[end] != '"' {
			if l.src[end] == '\\' {
				end++
			}
			end++
		}
		end = min(end+1, len(l.src))
		t.kind, t.raw, l.off = tokString, l.src[l.off:end], end
	case 't':
		t.kind, l.off = tokBool, min(l.off+len("true"), len(l.src))
	case 'f':
		t.kind, l.off = tokBool, min(l.off+len("false"), len(l.src))
	case 'n':
		t.kind, l.off = tokNull, min(l.off+len("null"), len(l.src))
	default:
		end := l.off
		for end < len(l.src) && isNumberByte(l.src[end]) {
			end++
		}
		if end == l.off {
			return t // tokEnd: not a token
		}
		t.kind, t.raw, l.off = tokNumber, l.src[l.off:end], end
	}
	return t
}

func isNumberByte(c byte) bool {
	return '0' <= c && c <= '9' || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E'
}

// skipValue moves past the value that starts with t.
func (l *lexer) skipValue(t token) {
	if t.kind != tokBeginObject && t.kind != tokBeginArray {
		return
	}
	for depth := 1; depth > 0; {
		switch l.next().kind {
		case tokBeginObject, tokBeginArray:
			depth++
		case tokEndObject, tokEndArray:
			depth--
		case tokEnd:
			return
		}
	}
}

// str returns the value of a string token exactly as encoding/json decodes
// it (escapes resolved, invalid UTF-8 replaced by U+FFFD).
func (t token) str() string {
	body := t.raw[1 : len(t.raw)-1]
	if !bytes.ContainsRune(body, '\\') && utf8.Valid(body) {
		return string(body)
	}
	return unquote(body)
}

// kindName describes a token's type for a message.
func (t token) kindName() string {
	switch t.kind {
	case tokString:
		return "a string"
	case tokNumber:
		return "a number"
	case tokBool:
		return "true or false"
	case tokNull:
		return "null"
	case tokBeginObject:
		return "an object"
	case tokBeginArray:
		return "a list"
	}
	return "nothing"
}
