package gen

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"
)

// Override kinds.
const (
	// KindSensitive marks a member holding a secret: CloudTrail may hide
	// or redact it, and tools should not print it.
	KindSensitive = "sensitive"
	// KindEmptyListAsObject marks a list member that CloudTrail writes as
	// an empty object {} when the list is empty.
	KindEmptyListAsObject = "empty-list-as-object"
	// KindSDKWireName accepts an SDK schema wire name (xmlName trait) that
	// differs from the member name; the CloudTrail name still follows
	// WireName.
	KindSDKWireName = "sdk-wire-name"
	// KindFlatAlternative marks a structure member of an operation output
	// whose structure CloudTrail may record as responseElements itself,
	// instead of the object wrapping it. Every member of such an output
	// must be one; member names tell them apart.
	KindFlatAlternative = "flat-alternative"
)

var overrideKinds = map[string]bool{
	KindSensitive: true, KindEmptyListAsObject: true, KindSDKWireName: true, KindFlatAlternative: true,
	KindSetting: true, KindIdentifier: true, KindFlag: true,
}

// classKinds are the override kinds that set a request member's class.
var classKinds = map[string]bool{KindSetting: true, KindIdentifier: true, KindFlag: true}

// Override records one place where CloudTrail, or the SDK's schema, departs
// from what the model alone says.
type Override struct {
	Shape    string `json:"shape"`    // SDK structure name, such as "CreateUserInput"
	Member   string `json:"member"`   // SDK member name
	Kind     string `json:"kind"`     // one of the Kind* constants above
	Evidence string `json:"evidence"` // where the divergence was seen
}

// Overrides is the validated content of overrides.json.
type Overrides struct {
	Entries []Override
}

// LoadOverrides reads and validates an overrides file against m.
func LoadOverrides(path string, m *Model) (*Overrides, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("gen: %w", err)
	}
	ov, err := ParseOverrides(data, m)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return ov, nil
}

// ParseOverrides decodes a JSON array of overrides and checks that each one
// names an existing structure and member, a known kind, and has evidence.
func ParseOverrides(data []byte, m *Model) (*Overrides, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var entries []Override
	if err := dec.Decode(&entries); err != nil {
		return nil, fmt.Errorf("gen: overrides: %w", err)
	}
	if dec.More() {
		return nil, fmt.Errorf("gen: overrides: data after the array")
	}
	structs := map[string]*Struct{}
	for _, s := range m.allStructs() {
		structs[s.Name] = s
	}
	seen := map[Override]bool{}
	for i, o := range entries {
		s, ok := structs[o.Shape]
		if !ok {
			return nil, fmt.Errorf("gen: overrides[%d]: no shape %q", i, o.Shape)
		}
		mem := s.Member(o.Member)
		if mem == nil {
			return nil, fmt.Errorf("gen: overrides[%d]: %s has no member %q", i, o.Shape, o.Member)
		}
		if !overrideKinds[o.Kind] {
			return nil, fmt.Errorf("gen: overrides[%d]: unknown kind %q", i, o.Kind)
		}
		if o.Kind == KindEmptyListAsObject && mem.Type.Kind != KindList {
			return nil, fmt.Errorf("gen: overrides[%d]: %s.%s is not a list", i, o.Shape, o.Member)
		}
		if o.Kind == KindFlatAlternative && (mem.Type.Kind != KindStruct || !strings.HasSuffix(o.Shape, "Output")) {
			return nil, fmt.Errorf("gen: overrides[%d]: %s.%s: flat alternatives are structure members of an operation output", i, o.Shape, o.Member)
		}
		if classKinds[o.Kind] && !strings.HasSuffix(o.Shape, "Input") {
			return nil, fmt.Errorf("gen: overrides[%d]: %s: class overrides apply to operation inputs", i, o.Shape)
		}
		if o.Evidence == "" {
			return nil, fmt.Errorf("gen: overrides[%d]: %s.%s: no evidence", i, o.Shape, o.Member)
		}
		key := Override{Shape: o.Shape, Member: o.Member, Kind: o.Kind}
		if seen[key] {
			return nil, fmt.Errorf("gen: overrides[%d]: duplicate %s %s.%s", i, o.Kind, o.Shape, o.Member)
		}
		seen[key] = true
	}
	return &Overrides{Entries: entries}, nil
}

// Has reports whether an override of kind applies to shape.member.
func (o *Overrides) Has(shape, member, kind string) bool {
	if o == nil {
		return false
	}
	for _, e := range o.Entries {
		if e.Shape == shape && e.Member == member && e.Kind == kind {
			return true
		}
	}
	return false
}
