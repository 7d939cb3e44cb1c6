package jsonx

import (
	"math"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/cachetrail/cachetrail/wire"
)

// Encoder appends compact JSON to a buffer, writing commas itself.
type Encoder struct {
	buf   []byte
	comma bool
	// Normalize writes timestamps as RFC 3339 UTC instead of their original
	// text.
	Normalize bool
	// Redact asks encoders of sensitive values to hide them, and Members
	// to hide the sensitive members of raw values, for String methods.
	Redact bool

	err error // the first value that has no JSON form

	// foreign is set once the output may read differently through
	// wire.AppendRedacted: a member with a sensitive name, or text the
	// encoder did not quote itself (raw values, original timestamps).
	foreign bool
}

// Bytes returns the encoded JSON.
func (e *Encoder) Bytes() []byte { return e.buf }

// Grow makes room for n more bytes, to spare the buffer's growing.
func (e *Encoder) Grow(n int) { e.buf = slices.Grow(e.buf, n) }

// Redacted reports whether wire.AppendRedacted would give the output back
// unchanged: it names no sensitive member and holds only text the encoder
// quoted itself, which escapes what AppendRedacted does.
func (e *Encoder) Redacted() bool { return !e.foreign }

func (e *Encoder) sep() {
	if e.comma {
		e.buf = append(e.buf, ',')
	}
	e.comma = true
}

// ObjectStart writes '{'.
func (e *Encoder) ObjectStart() {
	e.sep()
	e.buf = append(e.buf, '{')
	e.comma = false
}

// ObjectEnd writes '}'.
func (e *Encoder) ObjectEnd() {
	e.buf = append(e.buf, '}')
	e.comma = true
}

// ListStart writes '['.
func (e *Encoder) ListStart() {
	e.sep()
	e.buf = append(e.buf, '[')
	e.comma = false
}

// ListEnd writes ']'.
func (e *Encoder) ListEnd() {
	e.buf = append(e.buf, ']')
	e.comma = true
}

// Key writes a member name and its colon.
func (e *Encoder) Key(k string) {
	if !e.foreign && wire.SensitiveName(k) {
		e.foreign = true
	}
	e.sep()
	e.buf = appendQuoted(e.buf, k)
	e.buf = append(e.buf, ':')
	e.comma = false
}

// String writes a string.
func (e *Encoder) String(s string) {
	e.sep()
	e.buf = appendQuoted(e.buf, s)
}

// Int writes an integer.
func (e *Encoder) Int(v int64) {
	e.sep()
	e.buf = strconv.AppendInt(e.buf, v, 10)
}

// Err returns the first value written that has no JSON form, a NaN or an
// infinity, which the output holds as null.
func (e *Encoder) Err() error { return e.err }

// Float writes a number the way encoding/json does. A NaN or an infinity
// is written as null, so the output stays JSON, and recorded for Err.
func (e *Encoder) Float(v float64) {
	e.sep()
	if math.IsNaN(v) || math.IsInf(v, 0) {
		if e.err == nil {
			e.err = &EncodeError{Value: v}
		}
		e.buf = append(e.buf, "null"...)
		return
	}
	e.buf = appendFloat(e.buf, v)
}

// FloatText writes v as text, the number it was read from, while text
// still reads as v; else, as when a program changed v, as Float does.
// Keeping the text keeps digits that float64 cannot hold.
func (e *Encoder) FloatText(v float64, text string) {
	if text != "" {
		if t, err := strconv.ParseFloat(text, 64); err == nil && math.Float64bits(t) == math.Float64bits(v) {
			e.sep()
			e.foreign = true
			e.buf = append(e.buf, text...)
			return
		}
	}
	e.Float(v)
}

// EncodeError reports a value that has no JSON form.
type EncodeError struct {
	Value float64 // a NaN or an infinity
}

func (e *EncodeError) Error() string {
	return "json: unsupported value: " + strconv.FormatFloat(e.Value, 'g', -1, 64)
}

// Bool writes true or false.
func (e *Encoder) Bool(v bool) {
	e.sep()
	e.buf = strconv.AppendBool(e.buf, v)
}

// Null writes null.
func (e *Encoder) Null() {
	e.sep()
	e.buf = append(e.buf, "null"...)
}

// Raw writes JSON text as is; empty text is written as null.
func (e *Encoder) Raw(text []byte) {
	e.sep()
	if len(text) == 0 {
		e.buf = append(e.buf, "null"...)
		return
	}
	e.foreign = true
	e.buf = append(e.buf, text...)
}

// Time writes a timestamp: its original text, or RFC 3339 UTC when
// Normalize is set.
func (e *Encoder) Time(t wire.Time) {
	e.sep()
	if e.Normalize && !t.IsZero() {
		e.buf = appendQuoted(e.buf, t.String())
		return
	}
	e.foreign = e.foreign || !t.IsZero() // the original text, as read
	e.buf = t.AppendJSON(e.buf)
}

// WireBool writes a string-encoded boolean as it was read.
func (e *Encoder) WireBool(b wire.Bool) {
	e.sep()
	e.foreign = true
	e.buf = b.AppendJSON(e.buf)
}

// Members writes members kept raw. When the encoder redacts, a member
// with a sensitive name shows only its JSON kind, and so do sensitive
// members nested in the other values.
func (e *Encoder) Members(m wire.Members) {
	for i := range m {
		e.Key(m[i].Name)
		if e.Redact {
			e.RedactedRaw(m[i].Name, m[i].Value)
			continue
		}
		e.Raw(m[i].Value)
	}
}

// RedactedRaw writes the raw value of a member called name for printing:
// its JSON kind alone when the name is sensitive, else the value with its
// sensitive members redacted.
func (e *Encoder) RedactedRaw(name string, text []byte) {
	e.sep()
	e.foreign = true
	switch {
	case len(text) == 0:
		e.buf = append(e.buf, "null"...)
	case wire.SensitiveName(name):
		e.buf = append(e.buf, wire.RedactedKind(text)...)
	default:
		e.buf = wire.AppendRedacted(e.buf, text)
	}
}

// EncodeList writes a list with elem writing each element.
func EncodeList[T any](e *Encoder, l []T, elem func(*T, *Encoder)) {
	e.ListStart()
	for i := range l {
		elem(&l[i], e)
	}
	e.ListEnd()
}

// StrElemEncode writes a list element that is a string.
func StrElemEncode[T ~string](p *T, e *Encoder) { e.String(string(*p)) }

// Int32ElemEncode writes a list element that is an integer.
func Int32ElemEncode(p *int32, e *Encoder) { e.Int(int64(*p)) }

func appendFloat(b []byte, f float64) []byte {
	abs := f
	if abs < 0 {
		abs = -abs
	}
	format := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// Clean up e-09 to e-9, as encoding/json does.
		n := len(b)
		if n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

const hexDigits = "0123456789abcdef"

// appendQuoted appends s as a JSON string, escaping only what JSON
// requires, so text reads as it was written. Invalid UTF-8 becomes U+FFFD.
// escapedRune reports whether a rune beyond ASCII is written as a \u
// escape: those wire.AppendRedacted escapes for printing (C1 controls,
// line and paragraph separators, bidirectional controls). The value
// stays the same JSON string; only its spelling is safe to print.
func escapedRune(r rune) bool {
	return r <= 0x9f || r == 0x2028 || r == 0x2029 || (0x202a <= r && r <= 0x202e) ||
		(0x2066 <= r && r <= 0x2069) || r == 0x200e || r == 0x200f || r == 0x061c
}

func appendQuoted(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if i = plainQuoted(s, i); i == len(s) {
			break
		}
		c := s[i]
		if c < utf8.RuneSelf { // a quote, a backslash, a control byte or DEL
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
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if escapedRune(r) {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', hexDigits[r>>12], hexDigits[r>>8&0xf], hexDigits[r>>4&0xf], hexDigits[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
