package wire

import (
	"encoding/json"
	"strconv"
)

// Reason says why a member of a JSON object ended up in [Members] instead
// of a typed field.
type Reason uint8

const (
	// ReasonUnknown marks a member whose name the model does not know, such
	// as a parameter AWS added after this library was generated.
	ReasonUnknown Reason = iota + 1
	// ReasonMismatch marks a member the model knows whose value has another
	// JSON type than the model's, such as "HIDDEN_DUE_TO_SECURITY_REASONS"
	// where a list is expected. The typed field stays unset.
	ReasonMismatch
	// ReasonNull marks a member the model knows whose value is an explicit
	// null, or "" where the model has another scalar type
	// ([QuirkEmptyStringAsAbsent]). The typed field stays unset; keeping the
	// member here lets re-encoding write the value back.
	ReasonNull
)

// String returns "unknown", "mismatch" or "null".
func (r Reason) String() string {
	switch r {
	case ReasonUnknown:
		return "unknown"
	case ReasonMismatch:
		return "mismatch"
	case ReasonNull:
		return "null"
	}
	return "reason(" + strconv.Itoa(int(r)) + ")"
}

// Member is one JSON object member kept raw.
type Member struct {
	Name   string          // the member's name, unescaped
	Value  json.RawMessage // the value's JSON text as it was read
	Reason Reason          // why it was not captured by a typed field
	Offset int64           // byte offset of the value in the original input
}

// Members holds, in input order, the members of a JSON object that the typed
// model did not capture. Encoding the object writes them back, so nothing
// read is lost. The zero value is an empty list.
type Members []Member

// Get returns the raw value of the first member called name.
func (m Members) Get(name string) (json.RawMessage, bool) {
	for i := range m {
		if m[i].Name == name {
			return m[i].Value, true
		}
	}
	return nil, false
}

// Names returns the members' names in input order.
func (m Members) Names() []string {
	if len(m) == 0 {
		return nil
	}
	names := make([]string, len(m))
	for i := range m {
		names[i] = m[i].Name
	}
	return names
}

// Unmodeled returns the members that carry data the typed model did not
// capture: an unknown name ([ReasonUnknown]) or a value of the wrong shape
// ([ReasonMismatch]). An explicit null ([ReasonNull]) loses nothing.
func (m Members) Unmodeled() Members {
	var out Members
	for _, x := range m {
		if x.Reason == ReasonUnknown || x.Reason == ReasonMismatch {
			out = append(out, x)
		}
	}
	return out
}
