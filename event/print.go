package event

import (
	"fmt"
	"io"

	"github.com/cachetrail/cachetrail/internal/jsonx"
)

// Printing an event never shows a sensitive value: String is the record
// as MarshalJSON writes it, except that the raw payloads
// (requestParameters, responseElements and the others) and the unknown
// members show the value of every member with a sensitive name (such as
// authToken or passwords, at any depth, in any case) as its JSON kind
// alone. Format on the value sends every fmt verb through String or
// GoString, so fmt never walks the fields, whose raw bytes it would print.

// String returns the record as JSON, with sensitive values redacted.
func (e *Event) String() string {
	if e == nil {
		return "<nil>"
	}
	enc := jsonx.Encoder{Redact: true}
	e.encode(&enc)
	return string(enc.Bytes())
}

// GoString returns "event.Event" and the record as String shows it.
func (e *Event) GoString() string { return "event.Event" + e.String() }

// Format prints the event as String (%v, %s, %q) or GoString (%#v)
// returns it.
func (e Event) Format(f fmt.State, verb rune) {
	if verb == 'v' && f.Flag('#') {
		_, _ = io.WriteString(f, e.GoString())
		return
	}
	_, _ = fmt.Fprintf(f, fmt.FormatString(f, verb), e.String())
}
