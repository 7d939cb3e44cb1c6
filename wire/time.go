package wire

import "time"

// Time is a timestamp that remembers the text it was read from.
//
// CloudTrail mostly writes RFC 3339 ("2014-12-01T22:00:35Z"), but older
// records and some responseElements carry Java dates ("Dec 1, 2014 10:16:06
// PM"), compact ISO 8601 ("20131102T010628Z") or epoch numbers. Time accepts
// every [Layout], exposes the instant through [Time.Time], and encodes the
// original text back byte for byte.
//
// The zero Time means "absent": [Time.IsZero] is true, [Time.Time] returns
// the zero time.Time, [Time.String] returns "" and it encodes as null.
//
// [Time.Equal] compares instants, and go-cmp uses it, so two Times written
// differently compare equal there; compare [Time.Raw] as well when the text
// matters.
type Time struct {
	t      time.Time
	raw    string // the text: unquoted for strings, the digits for numbers
	lit    string // the JSON string literal, when raw quoted again would differ
	layout Layout
	number bool
}

// TimeOf returns a Time for t written as RFC 3339 in UTC, with as many
// fraction digits as needed. TimeOf of the zero time.Time is the zero Time.
// Years outside 0 to 9999 cannot be written as RFC 3339 and should not be
// used.
func TimeOf(t time.Time) Time {
	if t.IsZero() {
		return Time{}
	}
	t = t.UTC()
	return Time{t: t, raw: t.Format(time.RFC3339Nano), layout: RFC3339}
}

// Time returns the instant. Forms without a zone, Java dates and epoch
// numbers are in UTC; forms with an offset keep it ("+05:30" gives a fixed
// zone). The zero Time gives the zero time.Time.
func (t Time) Time() time.Time { return t.t }

// Raw returns the original text: the contents of the JSON string, unescaped,
// or the digits of a JSON number. It is "" only for the zero Time.
func (t Time) Raw() string { return t.raw }

// IsNumber reports whether t was read from a JSON number.
func (t Time) IsNumber() bool { return t.number }

// Layout returns the form t was written in.
func (t Time) Layout() Layout { return t.layout }

// IsZero reports whether t is the zero Time, holding nothing parsed.
func (t Time) IsZero() bool { return t.raw == "" }

// Equal reports whether t and u are the same instant, however written. Two
// zero Times are equal; a zero Time equals no other.
func (t Time) Equal(u Time) bool {
	if t.IsZero() || u.IsZero() {
		return t.IsZero() == u.IsZero()
	}
	return t.t.Equal(u.t)
}

// String returns the instant as RFC 3339 in UTC with the fraction trimmed
// of trailing zeros ("2014-12-01T22:16:06Z"), the form tools print, so
// that %v prints every instant in one form. It is "" for the zero Time.
// Use [Time.Raw] for the original text.
func (t Time) String() string {
	if t.IsZero() {
		return ""
	}
	return t.t.UTC().Format(time.RFC3339Nano)
}

// AppendJSON appends the JSON text t was read from: the string literal as
// it was, or the number's digits. The zero Time appends null.
func (t Time) AppendJSON(b []byte) []byte {
	switch {
	case t.IsZero():
		return append(b, "null"...)
	case t.lit != "":
		return append(b, t.lit...)
	case t.number:
		return append(b, t.raw...)
	}
	return appendQuoted(b, t.raw)
}

// MarshalJSON returns [Time.AppendJSON] of an empty buffer: the original
// text, or null for the zero Time.
func (t Time) MarshalJSON() ([]byte, error) {
	return t.AppendJSON(make([]byte, 0, len(t.raw)+2)), nil
}

// UnmarshalJSON reads a JSON string with [ParseTime] or a JSON number with
// [ParseTimeNumber]. Like encoding/json, it leaves t unchanged for null and
// on error. Whitespace around the value is ignored.
func (t *Time) UnmarshalJSON(b []byte) error {
	b = trimJSONSpace(b)
	if len(b) == 0 {
		return &ParseError{Type: "timestamp", Input: "", Reason: "empty JSON value"}
	}
	switch c := b[0]; {
	case c == 'n' && string(b) == "null":
		return nil
	case c == '"':
		s, lit, ok := unquote(b)
		if !ok {
			return &ParseError{Type: "timestamp", Input: string(b), Reason: "invalid JSON string"}
		}
		v, err := ParseTime(s)
		if err != nil {
			return err
		}
		v.lit = lit
		*t = v
		return nil
	case c == '-' || isDigit(c):
		v, err := ParseTimeNumber(string(b))
		if err != nil {
			return err
		}
		*t = v
		return nil
	}
	return &ParseError{Type: "timestamp", Input: string(b), Reason: "not a JSON string or number"}
}
