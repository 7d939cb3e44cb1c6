package wire

import (
	"fmt"
	"io"
	"strconv"
)

// Printing members never shows a sensitive value: a member whose name is
// sensitive shows only its JSON kind, and so does any member nested in a
// raw value under such a name (see [AppendRedacted]). MarshalJSON is not
// printing: encoders write Value as read.

// String returns the members as a JSON object, with sensitive values
// redacted.
func (m Members) String() string { return string(m.appendRedacted(nil)) }

// GoString returns "wire.Members" and the members as String shows them.
func (m Members) GoString() string { return "wire.Members" + m.String() }

// Format prints the members as String (%v, %s, %q) or GoString (%#v)
// returns them.
func (m Members) Format(f fmt.State, verb rune) { format(f, verb, m.String, m.GoString) }

func (m Members) appendRedacted(b []byte) []byte {
	b = append(b, '{')
	for i := range m {
		if i > 0 {
			b = append(b, ',')
		}
		b = m[i].appendRedacted(b)
	}
	return append(b, '}')
}

func (m *Member) appendRedacted(b []byte) []byte {
	b = appendQuoted(b, m.Name)
	b = append(b, ':')
	if SensitiveName(m.Name) {
		return append(b, RedactedKind(m.Value)...)
	}
	if len(trimJSONSpace(m.Value)) == 0 {
		return append(b, "null"...)
	}
	return AppendRedacted(b, m.Value)
}

// String returns the member as "name":value, with sensitive values
// redacted, followed by its reason and offset.
func (m Member) String() string {
	b := m.appendRedacted(nil)
	b = append(b, " ("...)
	b = append(b, m.Reason.String()...)
	b = append(b, " at offset "...)
	b = strconv.AppendInt(b, m.Offset, 10)
	return string(append(b, ')'))
}

// GoString returns "wire.Member" and the member as String shows it.
func (m Member) GoString() string { return "wire.Member{" + m.String() + "}" }

// Format prints the member as String (%v, %s, %q) or GoString (%#v)
// returns it.
func (m Member) Format(f fmt.State, verb rune) { format(f, verb, m.String, m.GoString) }

// format writes str for every verb but %#v, which writes goStr, with the
// verb's flags and width applied to the text.
func format(f fmt.State, verb rune, str, goStr func() string) {
	if verb == 'v' && f.Flag('#') {
		_, _ = io.WriteString(f, goStr())
		return
	}
	_, _ = fmt.Fprintf(f, fmt.FormatString(f, verb), str())
}
