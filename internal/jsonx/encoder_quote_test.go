package jsonx

import (
	"math/rand/v2"
	"testing"
	"unicode/utf8"
)

// appendQuotedBytes is appendQuoted a byte at a time, without
// plainQuoted: the reference TestAppendQuoted compares with.
func appendQuotedBytes(b []byte, s string) []byte {
	b = append(b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		case c == '\n':
			b = append(b, '\\', 'n')
		case c == '\r':
			b = append(b, '\\', 'r')
		case c == '\t':
			b = append(b, '\\', 't')
		case c < 0x20 || c == 0x7f:
			b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
		case c < utf8.RuneSelf:
			b = append(b, c)
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			switch {
			case r == utf8.RuneError && size == 1:
				b = append(b, `\ufffd`...)
			case escapedRune(r):
				b = append(b, '\\', 'u', hexDigits[r>>12], hexDigits[r>>8&0xf], hexDigits[r>>4&0xf], hexDigits[r&0xf])
			default:
				b = append(b, s[i:i+size]...)
			}
			i += size
			continue
		}
		i++
	}
	return append(b, '"')
}

// TestAppendQuoted compares appendQuoted with appendQuotedBytes on random
// strings of the bytes it treats apart (quote, backslash, controls, DEL,
// 0x80 and 0xff, pieces of runes it escapes or keeps) among plain ones, at
// every length up to 40 and so at every position in a word.
func TestAppendQuoted(t *testing.T) {
	pieces := []string{"\"", "\\", "\n", "\r", "\t", "\x00", "\x1f", "\x7f", "\x80", "\xff", "\x7e", " ",
		"é", "\u2028", "\u202e", "\u0085", "😀", "\xe2\x80", "a", "b", "0"}
	r := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		var s []byte
		for n := r.IntN(41); len(s) < n; {
			if r.IntN(3) == 0 {
				s = append(s, pieces[r.IntN(len(pieces))]...)
			} else {
				s = append(s, 'a'+byte(r.IntN(26)))
			}
		}
		if got, want := appendQuoted(nil, string(s)), appendQuotedBytes(nil, string(s)); string(got) != string(want) {
			t.Fatalf("appendQuoted(%q) = %s, want %s", s, got, want)
		}
	}
}
