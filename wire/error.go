package wire

import (
	"strconv"
	"unicode/utf8"
)

// ParseError reports text that is not a value of the expected type. Its
// message quotes the input, as in
//
//	wire: cannot parse "Smarch 1, 2014" as a timestamp: unknown month
//
// Input is written by whoever called the API, so the message escapes it
// and quotes at most its first 64 bytes.
type ParseError struct {
	Type   string // "timestamp" or "boolean"
	Input  string // the text given, unquoted for JSON strings
	Reason string // a short phrase saying what is wrong
}

// maxQuoted is how many bytes of input error messages quote at most.
const maxQuoted = 64

// Error formats e like `wire: cannot parse "x" as a timestamp: reason`.
func (e *ParseError) Error() string {
	return "wire: cannot parse " + quotePrefix(e.Input) + " as a " + e.Type + ": " + e.Reason
}

// quotePrefix quotes s for a message, escaped as strconv.Quote does and
// cut after maxQuoted bytes, saying how many more there were.
func quotePrefix(s string) string {
	if len(s) <= maxQuoted {
		return strconv.Quote(s)
	}
	cut := maxQuoted
	for cut > maxQuoted-utf8.UTFMax && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return strconv.Quote(s[:cut]) + " (and " + strconv.Itoa(len(s)-cut) + " more bytes)"
}
