package gen

import (
	"fmt"

	smithy "github.com/aws/smithy-go"
	"github.com/aws/smithy-go/traits"
)

// loadWireNames walks the SDK's schema graph (package schemas, reached
// through each operation's input and output schema) beside the Go
// structures, and sets each member's WireName: its xmlName trait, else its
// member name. A Go member without a schema member, a schema member without
// a Go member, or a kind or shape name that disagrees is an error that
// names what was looked for.
func loadWireNames(m *Model, ops map[string]*smithy.OperationSchema) error {
	w := &schemaWalk{m: m, done: map[string]bool{}}
	for _, op := range m.Operations {
		os := ops[op.Name]
		if os == nil {
			return fmt.Errorf("gen: schemas package: no operation schema for %s; %s", op.Name, howToProceed)
		}
		if err := w.walk(op.Input, os.Input, "operation "+op.Name+" input"); err != nil {
			return err
		}
		if err := w.walk(op.Output, os.Output, "operation "+op.Name+" output"); err != nil {
			return err
		}
	}
	return nil
}

type schemaWalk struct {
	m    *Model
	done map[string]bool // Go structures walked
}

func (w *schemaWalk) walk(s *Struct, sch *smithy.Schema, where string) error {
	if w.done[s.Name] {
		return nil
	}
	w.done[s.Name] = true
	if sch == nil {
		// Operations without output have no output schema.
		if len(s.Members) == 0 {
			return nil
		}
		return fmt.Errorf("gen: schemas package: no shape for %s (Go type %s); %s", where, s.Name, howToProceed)
	}
	if sch.Type() != smithy.ShapeTypeStructure {
		return fmt.Errorf("gen: schemas package: the shape for %s (Go type %s) is a %s, not a structure; %s", where, s.Name, shapeTypeName(sch.Type()), howToProceed)
	}
	shape := shapeName(sch)
	for _, mem := range s.Members {
		sm := sch.Member(mem.Name)
		if sm == nil {
			return fmt.Errorf("gen: schemas package: shape %s (%s, Go type %s) has no member %s; %s", shape, where, s.Name, mem.Name, howToProceed)
		}
		at := fmt.Sprintf("member %s of shape %s (Go %s.%s)", mem.Name, shape, s.Name, mem.Name)
		if err := w.member(mem.Type, sm, at); err != nil {
			return err
		}
		mem.WireName = sm.MemberName()
		if x, ok := smithy.SchemaDirectTrait[*traits.XMLName](sm); ok {
			mem.WireName = x.Name
		}
	}
	for name := range sch.Members() {
		if s.Member(name) == nil {
			return fmt.Errorf("gen: schemas package: shape %s (%s) has a member %s that Go type %s lacks; %s", shape, where, name, s.Name, howToProceed)
		}
	}
	return nil
}

// member checks that the schema of a member or list element agrees with
// its Go type, and walks the structures it reaches.
func (w *schemaWalk) member(t TypeRef, sm *smithy.Schema, at string) error {
	want, ok := shapeTypes[t.Kind]
	if !ok || !want[sm.Type()] {
		return fmt.Errorf("gen: schemas package: %s is %s in Go but %s in the schema; %s", at, t.Kind, shapeTypeName(sm.Type()), howToProceed)
	}
	switch t.Kind {
	case KindEnum, KindStruct:
		if got := sm.TargetID().Name; got != t.Name {
			return fmt.Errorf("gen: schemas package: %s targets shape %s, not %s; %s", at, got, t.Name, howToProceed)
		}
	}
	switch t.Kind {
	case KindEnum:
		e := w.m.Enums[t.Name]
		if n := len(sm.Members()); e != nil && n != len(e.Values) {
			return fmt.Errorf("gen: schemas package: enum %s has %d members but types.%s %d constants; %s", t.Name, n, t.Name, len(e.Values), howToProceed)
		}
	case KindStruct:
		if s := w.m.Structs[t.Name]; s != nil {
			return w.walk(s, sm, at)
		}
	case KindList:
		el := sm.ListMember()
		if el == nil {
			return fmt.Errorf("gen: schemas package: list %s has no member schema; %s", at, howToProceed)
		}
		return w.member(*t.Elem, el, at+" (element)")
	}
	return nil
}

// shapeTypes lists the shape types each Go kind may have.
var shapeTypes = map[Kind]map[smithy.ShapeType]bool{
	KindString:   {smithy.ShapeTypeString: true},
	KindInt32:    {smithy.ShapeTypeInteger: true},
	KindInt64:    {smithy.ShapeTypeLong: true},
	KindBool:     {smithy.ShapeTypeBoolean: true},
	KindFloat64:  {smithy.ShapeTypeDouble: true},
	KindTime:     {smithy.ShapeTypeTimestamp: true},
	KindEnum:     {smithy.ShapeTypeEnum: true},
	KindStruct:   {smithy.ShapeTypeStructure: true, smithy.ShapeTypeUnion: true},
	KindList:     {smithy.ShapeTypeList: true, smithy.ShapeTypeSet: true},
	KindMap:      {smithy.ShapeTypeMap: true},
	KindDocument: {smithy.ShapeTypeDocument: true},
}

// shapeName names a structure schema: its shape ID, or for a member schema
// its target's.
func shapeName(s *smithy.Schema) string {
	if s.ID().Member != "" {
		return s.TargetID().Name
	}
	return s.ID().Name
}

var shapeTypeNames = map[smithy.ShapeType]string{
	smithy.ShapeTypeBlob: "blob", smithy.ShapeTypeBoolean: "boolean", smithy.ShapeTypeString: "string",
	smithy.ShapeTypeTimestamp: "timestamp", smithy.ShapeTypeByte: "byte", smithy.ShapeTypeShort: "short",
	smithy.ShapeTypeInteger: "integer", smithy.ShapeTypeLong: "long", smithy.ShapeTypeFloat: "float",
	smithy.ShapeTypeDocument: "document", smithy.ShapeTypeDouble: "double", smithy.ShapeTypeBigDecimal: "bigDecimal",
	smithy.ShapeTypeBigInteger: "bigInteger", smithy.ShapeTypeEnum: "enum", smithy.ShapeTypeIntEnum: "intEnum",
	smithy.ShapeTypeList: "list", smithy.ShapeTypeSet: "set", smithy.ShapeTypeMap: "map",
	smithy.ShapeTypeStructure: "structure", smithy.ShapeTypeUnion: "union", smithy.ShapeTypeMember: "member",
	smithy.ShapeTypeService: "service", smithy.ShapeTypeResource: "resource", smithy.ShapeTypeOperation: "operation",
}

func shapeTypeName(t smithy.ShapeType) string {
	if n, ok := shapeTypeNames[t]; ok {
		return n
	}
	return fmt.Sprintf("shape type %d", t)
}
