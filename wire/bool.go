package wire

import "strings"

// Bool is a boolean that remembers how it was written. CloudTrail writes
// some booleans as JSON strings, such as sessionContext.attributes
// mfaAuthenticated ("false") and the record's sessionCredentialFromConsole
// ("true"); older samples write the same fields as JSON literals. Bool
// reads both and writes back what it read.
//
// The zero Bool means "absent": [Bool.Value] reports ok=false and it
// encodes as null.
type Bool struct {
	v      bool
	raw    string // "true", "True", ...: the string's contents or the literal
	lit    string // the JSON string literal, when raw quoted again would differ
	quoted bool
	set    bool
}

// ParseBool parses s, the contents of a JSON string, as a boolean. It
// accepts "true" and "false" in any letter case ("TRUE", "False"); the
// error for anything else is a [*ParseError]. The result is quoted, as
// [Bool.IsQuoted] reports.
func ParseBool(s string) (Bool, error) {
	switch {
	case strings.EqualFold(s, "true"):
		return Bool{v: true, raw: s, quoted: true, set: true}, nil
	case strings.EqualFold(s, "false"):
		return Bool{raw: s, quoted: true, set: true}, nil
	}
	return Bool{}, &ParseError{Type: "boolean", Input: s, Reason: `want "true" or "false"`}
}

// BoolOf returns v as CloudTrail writes it: the JSON string "true" or
// "false".
func BoolOf(v bool) Bool {
	raw := "false"
	if v {
		raw = "true"
	}
	return Bool{v: v, raw: raw, quoted: true, set: true}
}

// Value returns the boolean, and ok=false for the zero Bool.
func (b Bool) Value() (v, ok bool) { return b.v, b.set }

// True reports whether b is present and true.
func (b Bool) True() bool { return b.v && b.set }

// Raw returns the text read: the string's contents, unescaped, or the
// literal "true" or "false". It is "" for the zero Bool.
func (b Bool) Raw() string { return b.raw }

// IsQuoted reports whether b was written as a JSON string. It is false for
// a JSON true or false literal and for the zero Bool.
func (b Bool) IsQuoted() bool { return b.quoted }

// IsZero reports whether b is the zero Bool, holding nothing read.
func (b Bool) IsZero() bool { return !b.set }

// String returns "true" or "false", or "" for the zero Bool.
func (b Bool) String() string {
	switch {
	case !b.set:
		return ""
	case b.v:
		return "true"
	}
	return "false"
}

// AppendJSON appends the JSON text b was read from: the string literal as
// it was, or the bare literal. The zero Bool appends null.
func (b Bool) AppendJSON(dst []byte) []byte {
	switch {
	case !b.set:
		return append(dst, "null"...)
	case b.lit != "":
		return append(dst, b.lit...)
	case !b.quoted:
		return append(dst, b.raw...)
	}
	return appendQuoted(dst, b.raw)
}

// MarshalJSON returns [Bool.AppendJSON] of an empty buffer.
func (b Bool) MarshalJSON() ([]byte, error) {
	return b.AppendJSON(make([]byte, 0, len(b.raw)+2)), nil
}

// UnmarshalJSON reads a JSON string with [ParseBool], or the literal true or
// false. Like encoding/json, it leaves b unchanged for null and on error.
// Whitespace around the value is ignored.
func (b *Bool) UnmarshalJSON(data []byte) error {
	data = trimJSONSpace(data)
	switch string(data) {
	case "null":
		return nil
	case "true":
		*b = Bool{v: true, raw: "true", set: true}
		return nil
	case "false":
		*b = Bool{raw: "false", set: true}
		return nil
	}
	if len(data) > 0 && data[0] == '"' {
		s, lit, ok := unquote(data)
		if !ok {
			return &ParseError{Type: "boolean", Input: string(data), Reason: "invalid JSON string"}
		}
		v, err := ParseBool(s)
		if err != nil {
			return err
		}
		v.lit = lit
		*b = v
		return nil
	}
	return &ParseError{Type: "boolean", Input: string(data), Reason: "not a JSON string or boolean"}
}
