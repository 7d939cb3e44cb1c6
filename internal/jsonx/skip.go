package jsonx

import (
	"strings"
	"unicode/utf8"

	"github.com/cachetrail/cachetrail/wire"
)

// Raw reads the next value without building it and returns its text. Any
// trailing commas inside are recorded as quirks and replaced by spaces in
// the returned text, so it is always valid JSON.
func (d *Decoder) Raw() (string, bool) {
	d.skipWS()
	start := d.pos
	var commas []int
	if !d.skipValue(&commas) {
		return "", false
	}
	text := d.src[start:d.pos]
	if len(commas) > 0 {
		// One allocation: a []byte would need a second to be a string.
		var b strings.Builder
		b.Grow(len(text))
		prev := start
		for _, c := range commas {
			b.WriteString(d.src[prev:c])
			b.WriteByte(' ')
			prev = c + 1
		}
		b.WriteString(d.src[prev:d.pos])
		text = b.String()
	}
	return text, true
}

// Skip reads the next value without building it.
func (d *Decoder) Skip() bool {
	var commas []int
	return d.skipValue(&commas)
}

// skipValue consumes one value iteratively, so deep nesting costs no stack.
func (d *Decoder) skipValue(commas *[]int) bool {
	var buf [64]byte
	stack := buf[:0] // '{' or '[' for each open container
	base := d.depth
	defer func() { d.depth = base }()
	for {
		// A value is expected here.
		d.skipWS()
		if d.pos >= len(d.src) {
			d.badValue()
			return false
		}
		switch c := d.src[d.pos]; c {
		case '{', '[':
			if !d.enter() {
				return false
			}
			d.pos++
			d.skipWS()
			closer := byte('}')
			if c == '[' {
				closer = ']'
			}
			if d.pos < len(d.src) && d.src[d.pos] == closer {
				d.pos++
				d.depth--
				break
			}
			stack = append(stack, c)
			if c == '{' && !d.skipKey() {
				return false
			}
			continue
		case '"':
			if !d.skipString() {
				return false
			}
		case 't':
			if !d.readLiteral("true") {
				return false
			}
		case 'f':
			if !d.readLiteral("false") {
				return false
			}
		case 'n':
			if !d.readLiteral("null") {
				return false
			}
		default:
			if c != '-' && (c < '0' || c > '9') {
				d.badValue()
				return false
			}
			if _, ok := d.readNumber(); !ok {
				return false
			}
		}
		// A value has ended: close containers until another value is due.
		for {
			if len(stack) == 0 {
				return true
			}
			d.skipWS()
			if d.pos >= len(d.src) {
				d.syntaxError("unexpected end of input")
				return false
			}
			top := stack[len(stack)-1]
			closer := byte('}')
			if top == '[' {
				closer = ']'
			}
			c := d.src[d.pos]
			if c == closer {
				d.pos++
				d.depth--
				stack = stack[:len(stack)-1]
				continue
			}
			if c != ',' {
				d.syntaxError("unexpected " + DescribeByte(c) + ", want ',' or " + DescribeByte(closer))
				return false
			}
			comma := d.pos
			d.pos++
			d.skipWS()
			if d.pos < len(d.src) && d.src[d.pos] == closer {
				d.quirk(wire.QuirkTrailingComma, comma, closerDetail(closer))
				*commas = append(grow(*commas), comma)
				d.pos++
				d.depth--
				stack = stack[:len(stack)-1]
				continue
			}
			if top == '{' && !d.skipKey() {
				return false
			}
			break
		}
	}
}

// skipKey consumes a member name and its colon.
func (d *Decoder) skipKey() bool {
	d.skipWS()
	if d.pos >= len(d.src) || d.src[d.pos] != '"' {
		if d.pos >= len(d.src) {
			d.syntaxError("unexpected end of input, want a member name")
		} else {
			d.syntaxError("unexpected " + DescribeByte(d.src[d.pos]) + ", want a member name")
		}
		return false
	}
	if !d.skipString() {
		return false
	}
	d.skipWS()
	if d.pos >= len(d.src) || d.src[d.pos] != ':' {
		if d.pos >= len(d.src) {
			d.syntaxError("unexpected end of input, want ':'")
		} else {
			d.syntaxError("unexpected " + DescribeByte(d.src[d.pos]) + ", want ':'")
		}
		return false
	}
	d.pos++
	return true
}

// skipString consumes the string at pos without building it.
func (d *Decoder) skipString() bool {
	start := d.pos + 1
	i, wide := plainText(d.src, start)
	for i < len(d.src) {
		c := d.src[i]
		switch {
		case c == '"':
			if wide && !utf8.ValidString(d.src[start:i]) {
				bad, n := countInvalid(d.src[start:i])
				d.invalidUTF8(start+bad, n, ", kept as read")
			}
			d.pos = i + 1
			return true
		case c == '\\':
			if i+1 >= len(d.src) {
				d.pos = len(d.src)
				d.syntaxError("unterminated string")
				return false
			}
			switch d.src[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i += 2
			case 'u':
				if _, ok := d.hex4(i + 2); !ok {
					return false
				}
				i += 6
			default:
				d.pos = i
				d.syntaxError("invalid escape " + DescribeByte(d.src[i+1]) + " in string")
				return false
			}
		case c < 0x20:
			d.pos = i
			d.syntaxError("control character " + DescribeByte(c) + " in string")
			return false
		default:
			if c >= 0x80 {
				wide = true
			}
			i++
		}
	}
	d.pos = len(d.src)
	d.syntaxError("unterminated string")
	return false
}

// countInvalid returns the index of the first byte of s that is not part
// of valid UTF-8 and how many such bytes s has.
func countInvalid(s string) (first, n int) {
	first = -1
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				if first < 0 {
					first = i
				}
				n++
			}
		}
	}
	return first, n
}

func closerDetail(c byte) string {
	if c == '}' {
		return "before }"
	}
	return "before ]"
}
