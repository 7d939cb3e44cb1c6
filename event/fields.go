package event

import "strconv"

// Field describes one member of the record envelope: which eventVersion
// first carried it and how CloudTrail limits its size. Schemas and
// documentation are generated from this table, so a field's history is
// written down once.
type Field struct {
	Name string // JSON member name, such as "tlsDetails"
	// Since is the first eventVersion documented to carry the member.
	// It is the zero Version when no version is documented.
	Since Version
	// MaxBytes is the documented maximum size of the member's value, or 0
	// when none is documented. Above it CloudTrail truncates the content.
	MaxBytes int
	// Doc says in a sentence what the member holds.
	Doc string
}

// SizeLimit returns how CloudTrail treats the member's size, or "" when no
// limit is documented.
func (f Field) SizeLimit() string {
	if f.MaxBytes == 0 {
		return ""
	}
	return "at most " + byteSize(f.MaxBytes) + "; CloudTrail truncates larger content"
}

func byteSize(n int) string {
	if n%kb == 0 {
		return strconv.Itoa(n/kb) + " KB"
	}
	return strconv.Itoa(n) + " bytes"
}

// kb is a kilobyte as CloudTrail counts it.
const kb = 1024

// fields, the table of the envelope members, is generated
// (zz_generated_fields.go) from internal/gen/codecs.go, which says where
// the versions and limits come from.

// Fields returns the envelope members this package models, in the order of
// the Event struct.
func Fields() []Field { return append([]Field(nil), fields...) }

// LookupField returns the description of the envelope member called name.
func LookupField(name string) (Field, bool) {
	for _, f := range fields {
		if f.Name == name {
			return f, true
		}
	}
	return Field{}, false
}

// FieldSince returns the eventVersion that introduced the envelope member
// called name; ok is false for members this package does not model.
func FieldSince(name string) (v Version, ok bool) {
	f, ok := LookupField(name)
	return f.Since, ok
}

// Supports reports whether records of version v can carry the envelope
// member called name: v is of the same major version and at least the
// member's Since. It is false for members this package does not model.
func (v Version) Supports(name string) bool {
	since, ok := FieldSince(name)
	return ok && v.AtLeast(since)
}

// Supports reports whether the record's eventVersion is new enough for the
// envelope member called name. It is false when the eventVersion is
// missing or malformed.
func (e *Event) Supports(name string) bool {
	v, ok := e.Version()
	return ok && v.Supports(name)
}
