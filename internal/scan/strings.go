package scan

import (
	"bytes"
	"encoding/binary"
	"unicode/utf8"

	"github.com/cachetrail/cachetrail/internal/jsonx"
	"github.com/cachetrail/cachetrail/internal/swar"
)

// StringBytes returns the value of string member m of item b as the
// decoder would read it: the raw bytes when they need no change, else
// unescaped, with each invalid UTF-8 byte read as U+FFFD.
func StringBytes(b []byte, m *Member) ([]byte, bool) {
	q := b[m.Val.Start:m.Val.End]
	if len(q) < 2 {
		return nil, false
	}
	raw := q[1 : len(q)-1]
	if !m.ValEsc && validText(raw) {
		return raw, true
	}
	u, ok := unquote(q)
	return []byte(u), ok
}

// validText is utf8.Valid, inlined for the short ASCII values the
// filters compare (eventSource, eventName), which it reads a word at a
// time.
func validText(v []byte) bool {
	for len(v) >= 8 {
		if binary.LittleEndian.Uint64(v)&swar.High != 0 {
			return utf8.Valid(v)
		}
		v = v[8:]
	}
	for _, c := range v {
		if c >= utf8.RuneSelf {
			return utf8.Valid(v)
		}
	}
	return true
}

// StringValue is StringBytes as a string.
func StringValue(b []byte, m *Member) (string, bool) {
	v, ok := StringBytes(b, m)
	return string(v), ok
}

// unquote decodes the JSON string q, quotes included, as the decoder does.
func unquote(q []byte) (string, bool) {
	d := jsonx.NewDecoder(string(q), jsonx.Options{})
	var s string
	if jsonx.Str(d, &s) != jsonx.OK {
		return "", false
	}
	return s, true
}

// ValueKind names the JSON kind of the value v starts with.
func ValueKind(v []byte) string {
	if len(v) == 0 {
		return "missing"
	}
	switch v[0] {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 'n':
		return "null"
	case 't', 'f':
		return "a boolean"
	}
	return "a number or literal"
}

// EmptyObject reports whether v is {} (with white space or not).
func EmptyObject(v []byte) bool {
	return len(v) >= 2 && v[0] == '{' && SkipSpace(v, 1) == len(v)-1
}

// IsLiteral reports whether tok starts with true, false or null as a
// whole word.
func IsLiteral(tok []byte) bool {
	for _, lit := range []string{"true", "false", "null"} {
		if bytes.HasPrefix(tok, []byte(lit)) {
			return len(tok) == len(lit) || ScalarEnd(tok[len(lit):], 0) == 0
		}
	}
	return false
}
