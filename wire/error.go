package wire

import "strconv"

// ParseError reports text that is not a value of the expected type. Its
// message quotes the input, as in
//
//	wire: cannot parse "Smarch 1, 2014" as a timestamp: unknown month
type ParseError struct {
	Type   string // "timestamp" or "boolean"
	Input  string // the text given, unquoted for JSON strings
	Reason string // a short phrase saying what is wrong
}

// Error formats e like `wire: cannot parse "x" as a timestamp: reason`.
func (e *ParseError) Error() string {
	return "wire: cannot parse " + strconv.Quote(e.Input) + " as a " + e.Type + ": " + e.Reason
}
