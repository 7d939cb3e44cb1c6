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
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < 0x7f {
			i++
			continue
		}
		b = append(b, s[start:i]...)
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		case c == '\n':
			b = append(b, '\\', 'n')
		case c == '\r':
			b = append(b, '\\', 'r')
		case c == '\t':
			b = append(b, '\\', 't')
		case c < utf8.RuneSelf || !printableRune(r) || r == utf8.RuneError && size == 1:
			b = appendEscape(b, r)
		default:
			b = append(b, s[i:i+size]...)
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// appendEscape appends r as a \u escape; a rune outside the Basic
// Multilingual Plane never needs one here.
func appendEscape(b []byte, r rune) []byte {
	return append(b, '\\', 'u', hexDigit[r>>12&0xf], hexDigit[r>>8&0xf], hexDigit[r>>4&0xf], hexDigit[r&0xf])
}
