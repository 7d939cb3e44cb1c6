package jsonx

import (
	"strconv"
	"strings"

	"github.com/cachetrail/cachetrail/wire"
)

// Error is a syntax error or a value that breaks the model, located in the
// original input.
type Error struct {
	Offset int64  // byte offset in the original input
	Path   string // dotted path of the value, "" for the top level
	Msg    string // what is wrong, such as `want number, got string "two"`
	Syntax bool   // true when decoding stopped here
}

func (e *Error) Error() string {
	var b strings.Builder
	if e.Path != "" {
		b.WriteString(e.Path)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	b.WriteString(" at offset ")
	b.WriteString(strconv.FormatInt(e.Offset, 10))
	return b.String()
}

func (d *Decoder) syntaxError(msg string) {
	if d.fatal == nil {
		d.fatal = &Error{Offset: d.Offset(), Path: d.Path(), Msg: msg, Syntax: true}
	}
}

// semanticError records an error about the value starting at pos.
func (d *Decoder) semanticError(pos int, msg string) {
	if len(d.errs) < maxErrors {
		d.errs = append(d.errs, &Error{Offset: d.base + int64(pos), Path: d.Path(), Msg: msg})
	}
}

// TypeError records that the next value is not of the wanted JSON type
// ("an object"), naming the type found, and returns Mismatch; a value that
// is not JSON at all is a syntax error instead, and it returns Fatal.
func (d *Decoder) TypeError(want string) Status {
	k := d.CheckedKind()
	if k == 0 || k == '?' {
		d.badValue()
		return Fatal
	}
	got := kindName(k)
	if k == '"' || k == '0' {
		got += d.quoteValue(d.peekToken())
	}
	d.semanticError(d.pos, "want "+want+", got "+got)
	return Mismatch
}

func (d *Decoder) badValue() {
	if d.pos >= len(d.src) {
		d.syntaxError("unexpected end of input")
		return
	}
	d.syntaxError("unexpected " + DescribeByte(d.src[d.pos]) + ", want a value")
}

// peekToken returns the text of the string or number at pos, without
// consuming it, cut to a readable length.
func (d *Decoder) peekToken() string {
	end := d.pos + 1
	if d.src[d.pos] == '"' {
		for end < len(d.src) && d.src[end] != '"' {
			if d.src[end] == '\\' {
				end++
			}
			end++
		}
		return d.src[d.pos+1 : min(end, len(d.src))]
	}
	for end < len(d.src) && isNumberByte(d.src[end]) {
		end++
	}
	return d.src[d.pos:end]
}

func quoteShort(s string) string {
	const max = 40
	if len(s) > max {
		return strconv.Quote(s[:max]) + "..."
	}
	return strconv.Quote(s)
}

// quoteValue returns " " and the quoted text of the value being decoded,
// for a message or a quirk's detail, or "" when the value is under a
// sensitive name: a secret must not reach logs through an error. It runs
// only on error and quirk paths.
func (d *Decoder) quoteValue(s string) string {
	if d.sensitive() {
		return ""
	}
	return " " + quoteShort(s)
}

// sensitive reports whether the current value is, or is inside, a member
// whose name is sensitive.
func (d *Decoder) sensitive() bool {
	for _, s := range d.path {
		if s.index < 0 && wire.SensitiveName(s.key) {
			return true
		}
	}
	return wire.SensitivePath(d.prefix)
}

// valueDetail is quoteValue for a quirk's detail: the quoted text, or
// "redacted" under a sensitive name (the quirk's kind says what was found).
func (d *Decoder) valueDetail(s string) string {
	if d.sensitive() {
		return "redacted"
	}
	return quoteShort(s)
}
