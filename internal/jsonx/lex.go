package jsonx

import (
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/cachetrail/cachetrail/wire"
)

// readString reads the string at pos (which must be '"') and returns its
// unescaped value. Without escapes or bad bytes the value is a substring of
// the input.
func (d *Decoder) readString() (string, bool) {
	start := d.pos + 1
	i := plainASCII(d.src, start)
	if i < len(d.src) && d.src[i] == '"' {
		d.pos = i + 1
		return d.src[start:i], true
	}
	return d.readStringSlow(start, i)
}

// readStringSlow finishes a string with escapes, control bytes or non-ASCII
// text; plain is where the fast path stopped.
func (d *Decoder) readStringSlow(start, plain int) (string, bool) {
	var b []byte      // nil while the value is still a substring
	bad, nbad := 0, 0 // the first invalid UTF-8 byte and how many
	i := plain
	for i < len(d.src) {
		c := d.src[i]
		switch {
		case c == '"':
			d.pos = i + 1
			if nbad > 0 {
				d.invalidUTF8(bad, nbad, "")
			}
			if b == nil {
				return d.src[start:i], true
			}
			return string(b), true
		case c == '\\':
			if b == nil {
				b = append(make([]byte, 0, i-start+16), d.src[start:i]...)
			}
			n, ok := d.unescape(&b, i)
			if !ok {
				return "", false
			}
			i += n
		case c < 0x20:
			d.pos = i
			d.syntaxError("control character " + DescribeByte(c) + " in string")
			return "", false
		case c < 0x80:
			if b != nil {
				b = append(b, c)
			}
			i++
		default:
			r, size := utf8.DecodeRuneInString(d.src[i:])
			if r == utf8.RuneError && size == 1 {
				if nbad == 0 {
					bad = i
				}
				nbad++
				if b == nil {
					b = append(make([]byte, 0, i-start+16), d.src[start:i]...)
				}
				b = utf8.AppendRune(b, utf8.RuneError)
			} else if b != nil {
				b = append(b, d.src[i:i+size]...)
			}
			i += size
		}
	}
	d.pos = len(d.src)
	d.syntaxError("unterminated string")
	return "", false
}

// unescape appends the escape at src[i] to b and returns its length.
func (d *Decoder) unescape(b *[]byte, i int) (int, bool) {
	if i+1 >= len(d.src) {
		d.pos = len(d.src)
		d.syntaxError("unterminated string")
		return 0, false
	}
	switch c := d.src[i+1]; c {
	case '"', '\\', '/':
		*b = append(*b, c)
	case 'b':
		*b = append(*b, '\b')
	case 'f':
		*b = append(*b, '\f')
	case 'n':
		*b = append(*b, '\n')
	case 'r':
		*b = append(*b, '\r')
	case 't':
		*b = append(*b, '\t')
	case 'u':
		r, ok := d.hex4(i + 2)
		if !ok {
			return 0, false
		}
		n := 6
		if utf16.IsSurrogate(r) {
			r2 := rune(-1)
			if i+12 <= len(d.src) && d.src[i+6] == '\\' && d.src[i+7] == 'u' {
				if x, ok := d.hex4(i + 8); ok {
					r2 = x
				} else {
					return 0, false
				}
			}
			if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
				r = dec
				n = 12
			} else {
				r = utf8.RuneError
			}
		}
		*b = utf8.AppendRune(*b, r)
		return n, true
	default:
		d.pos = i
		d.syntaxError("invalid escape " + DescribeByte(c) + " in string")
		return 0, false
	}
	return 2, true
}

func (d *Decoder) hex4(i int) (rune, bool) {
	if i+4 > len(d.src) {
		d.pos = len(d.src)
		d.syntaxError("unterminated string")
		return 0, false
	}
	var r rune
	for _, c := range []byte(d.src[i : i+4]) {
		r <<= 4
		switch {
		case c >= '0' && c <= '9':
			r |= rune(c - '0')
		case c >= 'a' && c <= 'f':
			r |= rune(c - 'a' + 10)
		case c >= 'A' && c <= 'F':
			r |= rune(c - 'A' + 10)
		default:
			d.pos = i
			d.syntaxError("invalid \\u escape in string")
			return 0, false
		}
	}
	return r, true
}

func isNumberByte(c byte) bool {
	return c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E'
}

// readNumber reads the number at pos and returns its text, checking the
// JSON grammar.
func (d *Decoder) readNumber() (string, bool) {
	start := d.pos
	i := start
	s := d.src
	if i < len(s) && s[i] == '-' {
		i++
	}
	switch {
	case i < len(s) && s[i] == '0':
		i++
	case i < len(s) && s[i] >= '1' && s[i] <= '9':
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
	default:
		d.pos = i
		d.badNumber()
		return "", false
	}
	if i < len(s) && s[i] == '.' {
		i++
		j := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i == j {
			d.pos = i
			d.badNumber()
			return "", false
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		j := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i == j {
			d.pos = i
			d.badNumber()
			return "", false
		}
	}
	if i < len(s) && isNumberByte(s[i]) {
		d.pos = i
		d.badNumber()
		return "", false
	}
	d.pos = i
	return s[start:i], true
}

func (d *Decoder) badNumber() {
	if d.pos >= len(d.src) {
		d.syntaxError("unexpected end of input in number")
		return
	}
	d.syntaxError("unexpected " + DescribeByte(d.src[d.pos]) + " in number")
}

// readLiteral consumes true, false or null.
func (d *Decoder) readLiteral(lit string) bool {
	rest := d.src[d.pos:]
	if strings.HasPrefix(rest, lit) && (len(rest) == len(lit) || !isIdentByte(rest[len(lit)])) {
		d.pos += len(lit)
		return true
	}
	d.badWord("literal") // nonsense, tralala, tru, nullx
	return false
}

func isIdentByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

// invalidUTF8 records one quirk for a string with n invalid bytes, the
// first at pos.
func (d *Decoder) invalidUTF8(pos, n int, how string) {
	detail := ""
	if d.locates(wire.QuirkInvalidUTF8) {
		detail = byteDetail(d.src[pos])
		if n > 1 {
			detail = strconv.Itoa(n) + " bad bytes, first " + detail[len("byte "):]
		}
		detail += how
	}
	d.quirk(wire.QuirkInvalidUTF8, pos, detail)
}
