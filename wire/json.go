package wire

import (
	"encoding/json"
	"unicode/utf8"
)

// trimJSONSpace removes the whitespace JSON allows around a value.
func trimJSONSpace(b []byte) []byte {
	for len(b) > 0 && isJSONSpace(b[0]) {
		b = b[1:]
	}
	for len(b) > 0 && isJSONSpace(b[len(b)-1]) {
		b = b[:len(b)-1]
	}
	return b
}

func isJSONSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// unquote decodes the JSON string literal b. lit is b itself when its text
// differs from what appendQuoted would write for s (escapes, or bytes
// replaced as invalid UTF-8), so encoding can give back the exact bytes; it
// is "" otherwise.
func unquote(b []byte) (s, lit string, ok bool) {
	if len(b) < 2 || b[0] != '"' || b[len(b)-1] != '"' {
		return "", "", false
	}
	inner := b[1 : len(b)-1]
	plain := true
	for _, c := range inner {
		if c < 0x20 || c == '"' || c == '\\' || c >= utf8.RuneSelf {
			plain = false
			break
		}
	}
	if plain {
		return string(inner), "", true
	}
	if !json.Valid(b) {
		return "", "", false
	}
	// Declared here so that only this slow path pays for its escape.
	var v string
	if err := json.Unmarshal(b, &v); err != nil {
		return "", "", false
	}
	if string(appendQuoted(nil, v)) != string(b) {
		lit = string(b)
	}
	return v, lit, true
}

// appendQuoted appends s as a JSON string, escaping only what JSON requires.
func appendQuoted(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' {
			continue
		}
		b = append(b, s[start:i]...)
		switch c {
		case '"', '\\':
			b = append(b, '\\', c)
		case '\n':
			b = append(b, '\\', 'n')
		case '\r':
			b = append(b, '\\', 'r')
		case '\t':
			b = append(b, '\\', 't')
		default:
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
		}
		start = i + 1
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
