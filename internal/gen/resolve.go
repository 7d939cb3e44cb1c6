package gen

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// docBase is the ElastiCache API reference; a page per operation is
// docBase + "API_" + name + ".html".
const docBase = "https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/"

// Package is the model resolved for output: Go names, wire names, Go types
// and overrides, in generation order. Emitters read only this.
type Package struct {
	Model      *Model
	Overrides  *Overrides
	Operations []*Op       // sorted by API name
	Shapes     []*Shape    // types.go structures an operation reaches, by Go name
	Enums      []*EnumType // enums a generated field uses, by Go name
}

// Op is one operation and the types generated for it.
type Op struct {
	SDK      *Operation
	Name     string // API name, CloudTrail's eventName
	GoName   string // name of the action type
	File     string // the file holding its types
	DocURL   string // API reference page
	ReadOnly bool   // Describe* or List*

	Request  *Shape // <Op>Request
	Response *Shape // <Op>Response; nil when the output is unwrapped

	// Unwrapped is the SDK output's single structure member when
	// responseElements is that structure itself; the action's Response
	// field then has type *Unwrapped.Type.Shape.
	Unwrapped *Field

	// Subject is the request's identifier naming the resource the call
	// changes, or nil.
	Subject *Field
}

// ResponseType returns the Go type name of the action's Response field.
func (op *Op) ResponseType() string {
	if op.Unwrapped != nil {
		return op.Unwrapped.Type.Name
	}
	return op.Response.Name
}

// Role says what a generated struct stands for.
type Role int

// Roles of generated structs.
const (
	RoleStructure Role = iota + 1 // a structure of types/types.go
	RoleRequest                   // an operation's requestParameters
	RoleResponse                  // an operation's responseElements
)

// Shape is a generated struct type.
type Shape struct {
	SDK    *Struct
	Name   string // Go type name
	Role   Role
	Op     *Op // the operation, for requests and responses
	Fields []*Field

	// Flat lists, for a response, the members whose structure CloudTrail
	// may record as responseElements itself (flat-alternative overrides):
	// all of its fields, or none.
	Flat []*Field
}

// Field is one generated struct field.
type Field struct {
	SDK  *Member
	Name string // Go field name
	Wire string // CloudTrail JSON member name
	Type *GoType

	Required          bool // the SDK documents the member as required
	Sensitive         bool // override: CloudTrail may hide or redact it
	EmptyListAsObject bool // override: an empty list may be written {}

	// Class and Security are set on request members only: ClassSetting,
	// ClassIdentifier or ClassFlag, and why a change of it matters to a
	// security review ("" when it does not).
	Class    string
	Security string
}

// GoType is the Go type of a field or list element.
type GoType struct {
	Kind  Kind
	Name  string    // Go type name for enums and structures
	Elem  *GoType   // element of a list
	Enum  *EnumType // for KindEnum
	Shape *Shape    // for KindStruct
}

// Value returns the type as a value: "string", "wire.Time", "AZMode",
// "CacheCluster", "[]Tag".
func (t *GoType) Value() string {
	switch t.Kind {
	case KindTime:
		return "wire.Time"
	case KindEnum, KindStruct:
		return t.Name
	case KindList:
		return "[]" + t.Elem.Value()
	}
	return t.Kind.String()
}

// Field returns the type of a field: a pointer for scalars and structures,
// the slice itself for lists.
func (t *GoType) Field() string {
	if t.Kind == KindList {
		return t.Value()
	}
	return "*" + t.Value()
}

// UsesWire reports whether the type mentions package wire.
func (t *GoType) UsesWire() bool {
	for ; t != nil; t = t.Elem {
		if t.Kind == KindTime {
			return true
		}
	}
	return false
}

// EnumType is a generated enum type.
type EnumType struct {
	SDK    *Enum
	Name   string
	Consts []EnumConst // in Values() order
}

// EnumConst is one generated enum constant.
type EnumConst struct {
	Name  string // Go constant name, <EnumType><Value>
	Value string
}

// Resolve turns a model and its overrides into the Package to generate.
func Resolve(m *Model, ov *Overrides) (*Package, error) {
	if ov == nil {
		ov = &Overrides{}
	}
	r := &resolver{
		p:      &Package{Model: m, Overrides: ov},
		shapes: map[string]*Shape{},
		enums:  map[string]*EnumType{},
	}
	if len(m.Unions) > 0 || len(m.Oddities) > 0 {
		return nil, fmt.Errorf("gen: unions or documents are not supported: %v %v", m.Unions, m.Oddities)
	}
	if err := r.checkWireNames(); err != nil {
		return nil, err
	}
	for _, sop := range m.Operations {
		if err := r.operation(sop); err != nil {
			return nil, err
		}
	}
	p := r.p
	for _, s := range r.shapes {
		p.Shapes = append(p.Shapes, s)
	}
	slices.SortFunc(p.Shapes, func(a, b *Shape) int { return cmp.Compare(a.Name, b.Name) })
	for _, e := range r.enums {
		p.Enums = append(p.Enums, e)
	}
	slices.SortFunc(p.Enums, func(a, b *EnumType) int { return cmp.Compare(a.Name, b.Name) })
	if err := p.checkNames(); err != nil {
		return nil, err
	}
	return p, nil
}

type resolver struct {
	p      *Package
	shapes map[string]*Shape    // by SDK name
	enums  map[string]*EnumType // by SDK name
}

// checkWireNames fails on a schema wire name that differs from the member
// name unless an override explains it, and on overrides that explain
// nothing.
func (r *resolver) checkWireNames() error {
	m, ov := r.p.Model, r.p.Overrides
	for _, s := range m.allStructs() {
		for _, mem := range s.Members {
			differs := mem.WireName != "" && mem.WireName != mem.Name
			explained := ov.Has(s.Name, mem.Name, KindSDKWireName)
			if differs && !explained {
				return fmt.Errorf("gen: %s.%s: the SDK's schema names it %q on the wire; add a %q override if CloudTrail still writes the member name",
					s.Name, mem.Name, mem.WireName, KindSDKWireName)
			}
			if explained && !differs {
				return fmt.Errorf("gen: %s.%s: the %q override explains nothing", s.Name, mem.Name, KindSDKWireName)
			}
		}
	}
	return nil
}

func (r *resolver) operation(sop *Operation) error {
	goName := GoName(sop.Name)
	op := &Op{
		SDK:      sop,
		Name:     sop.Name,
		GoName:   goName,
		File:     "zz_generated_" + SnakeCase(sop.Name) + ".go",
		DocURL:   docBase + "API_" + sop.Name + ".html",
		ReadOnly: strings.HasPrefix(sop.Name, "Describe") || strings.HasPrefix(sop.Name, "List"),
	}
	var err error
	if op.Request, err = r.shape(sop.Input, goName+"Request", RoleRequest, op); err != nil {
		return err
	}
	if err := r.classify(op); err != nil {
		return err
	}
	out := sop.Output
	if len(out.Members) == 1 && out.Members[0].Type.Kind == KindStruct {
		if op.Unwrapped, err = r.field(out, out.Members[0]); err != nil {
			return err
		}
	} else if op.Response, err = r.shape(out, goName+"Response", RoleResponse, op); err != nil {
		return err
	} else if err := r.flatAlternatives(op.Response); err != nil {
		return err
	}
	r.p.Operations = append(r.p.Operations, op)
	return nil
}

// flatAlternatives sets s.Flat from the overrides: every member of the
// output, or none, and each must have a member name no other has, for
// decoding to tell them apart.
func (r *resolver) flatAlternatives(s *Shape) error {
	for _, fl := range s.Fields {
		if r.p.Overrides.Has(s.SDK.Name, fl.SDK.Name, KindFlatAlternative) {
			s.Flat = append(s.Flat, fl)
		}
	}
	if len(s.Flat) == 0 {
		return nil
	}
	if len(s.Flat) != len(s.Fields) || len(s.Flat) < 2 {
		return fmt.Errorf("gen: %s: flat alternatives must be all of its members, two or more", s.SDK.Name)
	}
	for i, fl := range s.Flat {
		if len(FlatTells(s, i)) == 0 {
			return fmt.Errorf("gen: %s.%s: no member name tells it from the other flat alternatives", s.SDK.Name, fl.SDK.Name)
		}
	}
	return nil
}

// FlatTells returns the member names, in model order, that only the i-th
// flat alternative of s has: none of the others, nor the wrapping object.
func FlatTells(s *Shape, i int) []string {
	others := map[string]bool{}
	for j, fl := range s.Flat {
		others[fl.Wire] = true
		if j != i {
			for _, m := range fl.Type.Shape.Fields {
				others[m.Wire] = true
			}
		}
	}
	var out []string
	for _, m := range s.Flat[i].Type.Shape.Fields {
		if !others[m.Wire] {
			out = append(out, m.Wire)
		}
	}
	return out
}

// shape builds a struct type; for types.go structures it is built once.
func (r *resolver) shape(s *Struct, name string, role Role, op *Op) (*Shape, error) {
	if role == RoleStructure {
		if sh, ok := r.shapes[s.Name]; ok {
			return sh, nil
		}
	}
	sh := &Shape{SDK: s, Name: name, Role: role, Op: op}
	if role == RoleStructure {
		r.shapes[s.Name] = sh // before the fields, for recursive structures
	}
	for _, mem := range s.Members {
		f, err := r.field(s, mem)
		if err != nil {
			return nil, err
		}
		sh.Fields = append(sh.Fields, f)
	}
	return sh, nil
}

func (r *resolver) field(s *Struct, mem *Member) (*Field, error) {
	t, err := r.goType(mem.Type)
	if err != nil {
		return nil, fmt.Errorf("gen: %s.%s: %w", s.Name, mem.Name, err)
	}
	ov := r.p.Overrides
	return &Field{
		SDK:               mem,
		Name:              GoName(mem.Name),
		Wire:              WireName(mem.Name),
		Type:              t,
		Required:          mem.Required,
		Sensitive:         ov.Has(s.Name, mem.Name, KindSensitive),
		EmptyListAsObject: ov.Has(s.Name, mem.Name, KindEmptyListAsObject),
	}, nil
}

func (r *resolver) goType(t TypeRef) (*GoType, error) {
	switch t.Kind {
	case KindString, KindInt32, KindInt64, KindBool, KindFloat64, KindTime:
		return &GoType{Kind: t.Kind}, nil
	case KindEnum:
		e := r.enum(r.p.Model.Enums[t.Name])
		return &GoType{Kind: KindEnum, Name: e.Name, Enum: e}, nil
	case KindStruct:
		s, ok := r.p.Model.Structs[t.Name]
		if !ok {
			return nil, fmt.Errorf("unknown structure %s", t.Name)
		}
		sh, err := r.shape(s, GoName(s.Name), RoleStructure, nil)
		if err != nil {
			return nil, err
		}
		return &GoType{Kind: KindStruct, Name: sh.Name, Shape: sh}, nil
	case KindList:
		el, err := r.goType(*t.Elem)
		if err != nil {
			return nil, err
		}
		return &GoType{Kind: KindList, Elem: el}, nil
	}
	return nil, fmt.Errorf("unsupported %s type", t.Kind)
}

func (r *resolver) enum(e *Enum) *EnumType {
	if et, ok := r.enums[e.Name]; ok {
		return et
	}
	et := &EnumType{SDK: e, Name: GoName(e.Name)}
	for _, v := range e.Values {
		suffix, _ := strings.CutPrefix(v.Const, e.Name)
		et.Consts = append(et.Consts, EnumConst{Name: et.Name + GoName(suffix), Value: v.Value})
	}
	r.enums[e.Name] = et
	return et
}

// handWritten lists the package-level names of the hand-written files of
// package elasticache, which generated names must not take.
var handWritten = []string{"Action", "OperationInfo", "LookupOperation", "MemberInfo", "MemberClass", "MemberSetting", "MemberIdentifier", "MemberFlag",
	"Change", "ChangeKind", "ChangeCreate", "ChangeSet", "ChangeUnset", "ChangeDelete", "ChangeInvoke", "Changes",
	"History", "Step", "SettingStep"}

// generatedFuncs lists package-level names the generated ops file declares.
var generatedFuncs = []string{"Operations", "newAction", "operationTable"}

// checkNames fails when two package-level names, or two fields of one
// struct, collide, or a field takes the name Unknown.
func (p *Package) checkNames() error {
	seen := map[string]string{}
	add := func(name, what string) error {
		if prev, ok := seen[name]; ok {
			return fmt.Errorf("gen: name %s is both %s and %s", name, prev, what)
		}
		seen[name] = what
		return nil
	}
	for _, n := range handWritten {
		if err := add(n, "hand-written"); err != nil {
			return err
		}
	}
	for _, n := range generatedFuncs {
		if err := add(n, "generated function"); err != nil {
			return err
		}
	}
	for _, s := range p.AllShapes() {
		if err := add(s.Name, "struct "+s.SDK.Name); err != nil {
			return err
		}
		// Unknown, and the names of the methods every struct has.
		fields := map[string]bool{"Unknown": true, "String": true, "GoString": true, "Format": true, "MarshalJSON": true, "UnmarshalJSON": true}
		for _, f := range s.Fields {
			if fields[f.Name] {
				return fmt.Errorf("gen: %s: duplicate or reserved field %s", s.Name, f.Name)
			}
			fields[f.Name] = true
		}
	}
	for _, op := range p.Operations {
		if err := add(op.GoName, "action "+op.Name); err != nil {
			return err
		}
	}
	for _, e := range p.Enums {
		if err := add(e.Name, "enum "+e.SDK.Name); err != nil {
			return err
		}
		for _, c := range e.Consts {
			if err := add(c.Name, "constant of "+e.Name); err != nil {
				return err
			}
		}
	}
	return nil
}

// AllShapes returns every generated struct: per operation its request and
// response, then the shared structures.
func (p *Package) AllShapes() []*Shape {
	var all []*Shape
	for _, op := range p.Operations {
		all = append(all, op.Request)
		if op.Response != nil {
			all = append(all, op.Response)
		}
	}
	return append(all, p.Shapes...)
}
