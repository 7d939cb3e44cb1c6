package jsonx

import (
	"strconv"
	"strings"

	"github.com/cachetrail/cachetrail/wire"
)

// Str reads a string into *p.
func Str[T ~string](d *Decoder, p *T) Status {
	if d.Kind() != '"' {
		return stale(d, notString(d), p)
	}
	s, ok := d.readString()
	if !ok {
		return stale(d, Fatal, p)
	}
	*p = T(s)
	return OK
}

// StrBit reads a string into *p and keeps whether the member was present
// in bit of *present: set when the value fits, cleared when a duplicate's
// value does not (the last value wins), so an empty string is told from an
// absent member.
func StrBit[T ~string, B ~uint32](d *Decoder, p *T, present *B, bit B) Status {
	if d.Kind() == '"' {
		if s, ok := d.readString(); ok {
			*p = T(s)
			*present |= bit
			return OK
		}
		return absentBit(d, Fatal, p, present, bit)
	}
	return absentBit(d, notString(d), p, present, bit)
}

func absentBit[T ~string, B ~uint32](d *Decoder, st Status, p *T, present *B, bit B) Status {
	if d.dup {
		*p = ""
		*present &^= bit
	}
	return st
}

// notString reads a value that is not a string where one is wanted.
func notString(d *Decoder) Status {
	if d.Kind() == 'n' {
		return d.null()
	}
	return d.TypeError("string")
}

// String reads a string into a new *T stored in *p.
func String[T ~string](d *Decoder, p **T) Status {
	var v T
	st := Str(d, &v)
	if st == OK {
		*p = &v
	}
	return stale(d, st, p)
}

// StrElem reads a list element that is a string.
func StrElem[T ~string](p *T, d *Decoder) Status {
	return Str(d, p)
}

// emptyAsAbsent reads "" where another scalar type is wanted as absent,
// like null, recording the quirk.
func (d *Decoder) emptyAsAbsent(start int) Status {
	d.quirk(wire.QuirkEmptyStringAsAbsent, start, "")
	return Null
}

func (d *Decoder) null() Status {
	if d.readLiteral("null") {
		return Null
	}
	return Fatal
}

// number reads a number, or a string holding one (a quirk), and returns its
// text and start position.
func (d *Decoder) number() (text string, start int, st Status) {
	start = d.pos
	switch d.Kind() {
	case '0':
		s, ok := d.readNumber()
		if !ok {
			return "", start, Fatal
		}
		return s, start, OK
	case '"':
		s, ok := d.readString()
		if !ok {
			return "", start, Fatal
		}
		t := strings.TrimSpace(s)
		if t == "" {
			return "", start, d.emptyAsAbsent(start)
		}
		if !validNumber(t) {
			d.semanticError(start, "want number, got string"+d.quoteValue(s))
			return "", start, Mismatch
		}
		d.quirkQuoted(wire.QuirkStringAsNumber, start, s)
		return t, start, OK
	case 'n':
		return "", start, d.null()
	}
	return "", start, d.TypeError("number")
}

func validNumber(s string) bool {
	var d Decoder
	d.Reset(s, Options{})
	_, ok := d.readNumber()
	return ok && d.pos == len(s)
}

func (d *Decoder) integer(bits int) (int64, Status) {
	text, start, st := d.number()
	if st != OK {
		return 0, st
	}
	v, err := strconv.ParseInt(text, 10, bits)
	if err != nil {
		msg := "want integer, got number" + d.quoteValue(text)
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
			msg = "number" + d.quoteValue(text) + " out of range for int" + strconv.Itoa(bits)
		}
		d.semanticError(start, msg)
		return 0, Mismatch
	}
	return v, OK
}

// Int32 reads an integer into a new *int32 stored in *p.
func Int32(d *Decoder, p **int32) Status {
	v, st := d.integer(32)
	if st == OK {
		x := int32(v)
		*p = &x
	}
	return stale(d, st, p)
}

// Int64 reads an integer into a new *int64 stored in *p.
func Int64(d *Decoder, p **int64) Status {
	v, st := d.integer(64)
	if st == OK {
		*p = &v
	}
	return stale(d, st, p)
}

// Int32Elem reads a list element that is an integer.
func Int32Elem(p *int32, d *Decoder) Status {
	v, st := d.integer(32)
	if st == OK {
		*p = int32(v)
	}
	return st
}

// Float64 reads a number into a new *float64 stored in *p.
func Float64(d *Decoder, p **float64) Status {
	v, st := d.float()
	if st == OK {
		*p = &v
	}
	return stale(d, st, p)
}

// Float64Text is Float64 keeping the number's text in *text, for
// Encoder.FloatText.
func Float64Text(d *Decoder, p **float64, text *string) Status {
	v, t, st := d.floatText()
	if st == OK {
		*p = &v
		*text = t
	}
	stale(d, st, text)
	return stale(d, st, p)
}

func (d *Decoder) float() (float64, Status) {
	v, _, st := d.floatText()
	return v, st
}

// floatText reads a number, returning its text too.
func (d *Decoder) floatText() (float64, string, Status) {
	text, start, st := d.number()
	if st != OK {
		return 0, "", st
	}
	v, err := strconv.ParseFloat(text, 64)
	if err != nil {
		d.semanticError(start, "number"+d.quoteValue(text)+" out of range for float64")
		return 0, "", Mismatch
	}
	return v, text, OK
}

// BoolValue reads a boolean, or the string "true" or "false" (a quirk).
func BoolValue(d *Decoder, p *bool) Status {
	st := boolValue(d, p)
	if st != OK {
		return stale(d, st, p)
	}
	return OK
}

func boolValue(d *Decoder, p *bool) Status {
	start := d.pos
	switch d.Kind() {
	case 't':
		if !d.readLiteral("true") {
			return Fatal
		}
		*p = true
		return OK
	case 'f':
		if !d.readLiteral("false") {
			return Fatal
		}
		*p = false
		return OK
	case '"':
		s, ok := d.readString()
		if !ok {
			return Fatal
		}
		switch strings.ToLower(strings.TrimSpace(s)) {
		case "true":
			*p = true
		case "false":
			*p = false
		case "":
			return d.emptyAsAbsent(start)
		default:
			d.semanticError(start, "want boolean, got string"+d.quoteValue(s))
			return Mismatch
		}
		d.quirkQuoted(wire.QuirkStringAsBool, start, s)
		return OK
	case 'n':
		return d.null()
	}
	return d.TypeError("boolean")
}

// Bool reads a boolean into a new *bool stored in *p.
func Bool(d *Decoder, p **bool) Status {
	var v bool
	st := BoolValue(d, &v)
	if st == OK {
		*p = &v
	}
	return stale(d, st, p)
}

// WireBool reads a boolean CloudTrail writes as a string ("true"), or as a
// JSON boolean, keeping its text.
func WireBool(d *Decoder, p *wire.Bool) Status { return stale(d, wireBool(d, p), p) }

func wireBool(d *Decoder, p *wire.Bool) Status {
	switch d.Kind() {
	case '"', 't', 'f':
		start := d.pos
		text, ok := d.Raw()
		if !ok {
			return Fatal
		}
		// The common case, "true" or "false" without escapes, needs no
		// copy of the text.
		if strings.TrimSpace(strings.Trim(text, `"`)) == "" && text[0] == '"' {
			return d.emptyAsAbsent(start)
		}
		if n := len(text); n >= 2 && text[0] == '"' && strings.IndexByte(text[1:n-1], '\\') < 0 {
			if v, err := wire.ParseBool(text[1 : n-1]); err == nil {
				*p = v
				return OK
			}
		}
		if err := p.UnmarshalJSON([]byte(text)); err != nil {
			d.semanticError(start, "want \"true\" or \"false\", got "+kindName(text[0])+d.quoteValue(strings.Trim(text, `"`)))
			return Mismatch
		}
		return OK
	case 'n':
		return d.null()
	}
	return d.TypeError("boolean string")
}

// TimeValue reads a timestamp in any accepted form; forms other than RFC
// 3339 are recorded as quirks.
func TimeValue(d *Decoder, p *wire.Time) Status { return stale(d, timeValue(d, p), p) }

func timeValue(d *Decoder, p *wire.Time) Status {
	start := d.pos
	switch d.Kind() {
	case '"':
		s, ok := d.readString()
		if !ok {
			return Fatal
		}
		if strings.TrimSpace(s) == "" {
			return d.emptyAsAbsent(start)
		}
		var t wire.Time
		var err error
		if lit := d.src[start:d.pos]; strings.IndexByte(lit, '\\') >= 0 {
			// Keep the escaped literal, so it is written back byte for byte.
			err = t.UnmarshalJSON([]byte(lit))
		} else {
			t, err = wire.ParseTime(s)
		}
		if err != nil {
			d.semanticError(start, "want timestamp, got string"+d.quoteValue(s))
			return Mismatch
		}
		if t.Layout() != wire.RFC3339 { // the form CloudTrail documents
			d.quirkQuoted(wire.QuirkNonRFC3339Time, start, s)
		}
		*p = t
		return OK
	case '0':
		s, ok := d.readNumber()
		if !ok {
			return Fatal
		}
		t, err := wire.ParseTimeNumber(s)
		if err != nil {
			d.semanticError(start, "want timestamp, got number"+d.quoteValue(s))
			return Mismatch
		}
		detail := s
		if d.sensitive() {
			detail = "redacted"
		}
		d.quirk(wire.QuirkNumberAsTime, start, detail)
		*p = t
		return OK
	case 'n':
		return d.null()
	}
	return d.TypeError("timestamp")
}

// Time reads a timestamp into a new *wire.Time stored in *p.
func Time(d *Decoder, p **wire.Time) Status {
	var v wire.Time
	st := TimeValue(d, &v)
	if st == OK {
		*p = &v
	}
	return stale(d, st, p)
}

// RawValue reads any value and keeps its text.
func RawValue(d *Decoder, p *string) Status {
	s, ok := d.Raw()
	if !ok {
		return Fatal
	}
	*p = s
	return OK
}

// List reads an array (or {} for an empty one) into *p, one element at a
// time with elem. If any element does not fit, the whole list is left
// unset and Mismatch returned, so the caller keeps it raw; if the list
// would overrun the decoder's memory budget, Dense.
func List[T any](d *Decoder, p *[]T, elem func(*T, *Decoder) Status) Status {
	if d.dup {
		*p = nil // the last value wins, even one that does not fit
	}
	var a Elem
	switch st := d.ListStart(&a); st {
	case OK:
	case Empty:
		*p = []T{}
		return OK
	default:
		return st
	}
	out := []T{}
	for d.NextElem(&a) {
		if len(out) == cap(out) {
			var ok bool
			if out, ok = growList(d, out); !ok {
				return Dense
			}
		}
		// Decoding in place: a local would escape through elem and cost
		// an allocation per element. The new element is zero: growList
		// made the array, and nothing wrote past len.
		out = out[:len(out)+1]
		if st := elem(&out[len(out)-1], d); st != OK {
			if st == Null {
				st = Mismatch
			}
			return st
		}
		if d.overBudget() {
			return Dense
		}
	}
	if d.fatal != nil {
		return Fatal
	}
	*p = out
	return OK
}

// StructPtr reads an object into a new *T stored in *p, with body
// decoding the members. It returns Dense, consuming nothing, when the new
// T would overrun the decoder's memory budget.
func StructPtr[T any](d *Decoder, p **T, body func(*T, *Decoder) Status) Status {
	if d.dup {
		*p = nil // the last value wins, even one that does not fit
	}
	v, ok := New[T](d)
	if !ok {
		return Dense
	}
	st := body(v, d)
	if st == OK {
		*p = v
	}
	return st
}

// stale resets *p when the value of a duplicated name did not fit: the
// last value wins, so the earlier one must not stay in the typed field.
func stale[T any](d *Decoder, st Status, p *T) Status {
	if st != OK && d.dup {
		var zero T
		*p = zero
	}
	return st
}
