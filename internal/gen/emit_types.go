package gen

import (
	"fmt"
	"strings"
)

// shapeEmitters run, in order, for every generated struct, appending to the
// file that declares it: the struct, then its JSON codec.
var shapeEmitters = []func(*File, *Shape){emitStructType, emitShapeCodec}

// actionEmitters run, in order, for every operation's action type, in the
// operation's file.
var actionEmitters = []func(*File, *Op){emitActionType, emitActionCodec, emitResources}

// maxListedEnumValues is how many values a field comment lists before it
// refers to the enum's Values instead.
const maxListedEnumValues = 6

// ShapeReceiver and ActionReceiver are the receiver names of methods on
// generated structs and action types.
const (
	ShapeReceiver  = "s"
	ActionReceiver = "c"
)

func (p *Package) emitOperationFile(op *Op) *File {
	f := NewFile(op.File)
	emitShape(f, op.Request)
	if op.Response != nil {
		emitShape(f, op.Response)
	}
	for _, e := range actionEmitters {
		e(f, op)
	}
	return f
}

func (p *Package) emitShapesFile() *File {
	f := NewFile(GeneratedPrefix + "_shapes.go")
	for _, s := range p.Shapes {
		emitShape(f, s)
	}
	return f
}

func emitShape(f *File, s *Shape) {
	for _, e := range shapeEmitters {
		e(f, s)
	}
}

// emitStructType writes the struct declaration.
func emitStructType(f *File, s *Shape) {
	f.Use(wireImport)
	switch s.Role {
	case RoleRequest:
		f.Printf("// %s is the requestParameters of a %s call.\n//\n// API reference: %s\n", s.Name, s.Op.Name, s.Op.DocURL)
	case RoleResponse:
		f.Printf("// %s is the responseElements of a %s call.\n", s.Name, s.Op.Name)
		if len(s.Fields) == 0 {
			f.Printf("// The API defines no members for it, so any member lands in Unknown.\n")
		}
		f.Printf("//\n// API reference: %s\n", s.Op.DocURL)
	default:
		f.Printf("// %s is the %s structure of the ElastiCache API.\n", s.Name, s.SDK.Name)
	}
	if len(s.Fields) == 0 {
		f.Printf("type %s struct {\n\tUnknown wire.Members `json:\"-\"`\n}\n\n", s.Name)
		return
	}
	f.Printf("type %s struct {\n", s.Name)
	for _, fl := range s.Fields {
		for _, line := range fieldDoc(fl) {
			f.Printf("\t// %s\n", line)
		}
		f.Printf("\t%s %s `json:\"%s,%s\"`\n", fl.Name, fl.Type.Field(), fl.Wire, omitOption(fl.Type))
	}
	f.Printf("\n\tUnknown wire.Members `json:\"-\"`\n")
	if len(s.Flat) > 0 {
		names := make([]string, len(s.Flat))
		for i, fl := range s.Flat {
			names[i] = fl.Name
		}
		f.Printf("\n\t// Flat reports that responseElements was the structure itself (%s),\n", strings.Join(names, " or "))
		f.Printf("\t// as CloudTrail records it (a flat-output quirk), not an object wrapping\n")
		f.Printf("\t// it. Encoding writes it back flat while exactly one is set and Unknown\n\t// is empty.\n")
		f.Printf("\tFlat bool `json:\"-\"`\n")
	}
	emitFloatTexts(f, s)
	f.Printf("}\n\n")
}

// emitFloatTexts declares beside each float64 field the text of the number
// it was read from, written back while the value is unchanged, so digits
// past float64 precision survive.
func emitFloatTexts(f *File, s *Shape) {
	first := true
	for _, fl := range s.Fields {
		if fl.Type.Kind != KindFloat64 {
			continue
		}
		if first {
			f.Printf("\n\t// The original text of the float64 members, for re-encoding.\n")
			first = false
		}
		f.Printf("\t%s string\n", floatText(fl.Name))
	}
}

// floatText names the field holding the text of the float64 field name,
// which may be qualified ("s.FixedPrice" gives "s.fixedPriceText").
func floatText(name string) string {
	i := strings.LastIndexByte(name, '.') + 1
	return name[:i] + strings.ToLower(name[i:i+1]) + name[i+1:] + "Text"
}

// omitOption is omitempty for pointers and omitzero for slices, so an
// empty list stays distinct from an absent one.
func omitOption(t *GoType) string {
	if t.Kind == KindList {
		return "omitzero"
	}
	return "omitempty"
}

// fieldDoc returns the comment lines of a field.
func fieldDoc(fl *Field) []string {
	desc := describe(fl.Type)
	if fl.Required {
		desc += ", required"
	}
	lines := []string{fmt.Sprintf("%s is %q (%s).", fl.Name, fl.Wire, desc)}
	if fl.EmptyListAsObject {
		lines = append(lines, "CloudTrail may write {} for an empty list.")
	}
	if fl.Sensitive {
		lines = append(lines, "Sensitive: CloudTrail may hide or redact it.")
	}
	return lines
}

// describe says what a type is, for field comments.
func describe(t *GoType) string {
	switch t.Kind {
	case KindEnum:
		if len(t.Enum.Consts) > maxListedEnumValues {
			return "one of the " + t.Name + " values"
		}
		return t.Name + ": " + enumValueList(t.Enum)
	case KindStruct:
		return t.Name
	case KindList:
		if t.Elem.Kind == KindEnum && len(t.Elem.Enum.Consts) > maxListedEnumValues {
			return "list of " + t.Elem.Name + " values"
		}
		return "list of " + describe(t.Elem)
	}
	return t.Kind.String()
}

func enumValueList(e *EnumType) string {
	vals := make([]string, len(e.Consts))
	for i, c := range e.Consts {
		vals[i] = fmt.Sprintf("%q", c.Value)
	}
	return strings.Join(vals, ", ")
}

// emitActionType writes the action type and its Operation method.
func emitActionType(f *File, op *Op) {
	f.Use(eventImport)
	f.Printf("// %s is a %s call recorded by CloudTrail.\n", op.GoName, op.Name)
	if op.Unwrapped != nil {
		f.Printf("// Its responseElements is the %s itself, not an object wrapping it.\n", op.Unwrapped.Type.Name)
	}
	f.Printf("//\n// API reference: %s\n", op.DocURL)
	f.Printf("type %s struct {\n", op.GoName)
	f.Printf("\tEvent *event.Event // the record it came from\n")
	f.Printf("\tRequest *%s // nil when requestParameters is null or absent\n", op.Request.Name)
	f.Printf("\tResponse *%s // nil when responseElements is null or absent\n", op.ResponseType())
	f.Printf("\n\tmeta\n")
	f.Printf("}\n\n")
	f.Printf("// Operation returns %q.\n", op.Name)
	f.Printf("func (*%s) Operation() string { return %q }\n\n", op.GoName, op.Name)
}
