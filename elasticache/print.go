package elasticache

import (
	"fmt"
	"io"
	"strings"

	"github.com/cachetrail/cachetrail/event"
)

// Printing never shows a sensitive value. Every generated type has String
// (JSON with sensitive values redacted, Unknown members included),
// GoString and a Format method on the value, so that %v, %+v, %s, %q and
// %#v of a value, a pointer or a field of another struct go through them
// rather than through fmt's walk of the fields. MarshalJSON is not
// printing: it writes back what was decoded, secrets included.

// format writes str for every verb but %#v, which writes goStr, with the
// verb's flags and width applied to the text.
func format(f fmt.State, verb rune, str, goStr func() string) {
	if verb == 'v' && f.Flag('#') {
		_, _ = io.WriteString(f, goStr())
		return
	}
	_, _ = fmt.Fprintf(f, fmt.FormatString(f, verb), str())
}

// goString prefixes s, as String shows it, with the package and type
// name. It is not Go syntax: the fields are pointers, whose Go syntax
// would show only addresses.
func goString(name, s string) string { return "elasticache." + name + s }

// actionString shows an action's record and payloads, redacted.
func actionString(ev *event.Event, req, resp fmt.Stringer) string {
	var b strings.Builder
	b.WriteString("{Event: ")
	if ev == nil {
		b.WriteString("<nil>")
	} else {
		b.WriteString(ev.String())
	}
	b.WriteString(", Request: ")
	b.WriteString(req.String())
	b.WriteString(", Response: ")
	b.WriteString(resp.String())
	b.WriteString("}")
	return b.String()
}

// String returns the call as text: its record as JSON, with sensitive
// values redacted.
func (a *Unrecognized) String() string {
	if a == nil {
		return "<nil>"
	}
	if a.Event == nil {
		return "{Event: <nil>}"
	}
	return "{Event: " + a.Event.String() + "}"
}

// GoString returns the type's name and a as String shows it.
func (a *Unrecognized) GoString() string { return goString("Unrecognized", a.String()) }

// Format prints a as String (%v, %s, %q) or GoString (%#v) returns it.
func (a Unrecognized) Format(f fmt.State, verb rune) { format(f, verb, a.String, a.GoString) }
