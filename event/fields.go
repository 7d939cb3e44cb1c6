package event

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

// kb is a kilobyte as CloudTrail counts it.
const kb = 1024

// fields, the table of the envelope members, is generated
// (zz_generated_fields.go) from internal/gen/codecs.go, which says where
// the versions and limits come from.

// Fields returns the envelope members this package models, in the order of
// the Event struct.
func Fields() []Field { return append([]Field(nil), fields...) }

// LookupField returns the description of the envelope member called name.
// Whether records of a version can carry it:
//
//	f, ok := event.LookupField("tlsDetails")
//	carries := ok && v.AtLeast(f.Since)
func LookupField(name string) (Field, bool) {
	for _, f := range fields {
		if f.Name == name {
			return f, true
		}
	}
	return Field{}, false
}
