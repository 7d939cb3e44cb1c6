package gen

import (
	"cmp"
	"errors"
	"fmt"
	"go/ast"
	"go/build"
	"go/doc"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// LoadModel reads the SDK's exported API and its schemas package: the
// operations (methods of Client), the structures they reach, the enums, and
// each member's wire name. It reads declarations and doc comments of the
// exported API only (go/doc), and wire names from the schema graph the SDK
// publishes (see loadWireNames), never the SDK's unexported code.
func LoadModel(sdk SDK) (*Model, error) {
	m := &Model{Module: sdk.Module, Version: sdk.Version, Dir: sdk.Dir, Structs: map[string]*Struct{}, Enums: map[string]*Enum{}}
	types, err := readAPI(filepath.Join(sdk.Dir, "types"), sdk.Module+"/types")
	if err != nil {
		return nil, err
	}
	l := &loader{m: m, types: map[string]*doc.Type{}}
	for _, t := range types.Types {
		l.types[t.Name] = t
		if err := loadEnum(m, t); err != nil {
			return nil, err
		}
	}
	svc, err := readAPI(sdk.Dir, sdk.Module)
	if err != nil {
		return nil, err
	}
	if err := l.loadOperations(svc); err != nil {
		return nil, err
	}
	for len(l.queue) > 0 {
		name := l.queue[0]
		l.queue = l.queue[1:]
		if err := l.loadTypesStruct(name); err != nil {
			return nil, err
		}
	}
	if err := markReach(m); err != nil {
		return nil, err
	}
	ops, err := operationSchemas(m)
	if err != nil {
		return nil, err
	}
	if err := loadWireNames(m, ops); err != nil {
		return nil, err
	}
	return m, nil
}

// readAPI parses the Go files of the package in dir that the current build
// would compile and returns its exported API.
func readAPI(dir, importPath string) (*doc.Package, error) {
	bp, err := build.Default.ImportDir(dir, 0)
	if err != nil {
		return nil, fmt.Errorf("gen: package %s: %w; %s", importPath, err, howToProceed)
	}
	fset := token.NewFileSet()
	var files []*ast.File
	for _, name := range bp.GoFiles {
		f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return nil, fmt.Errorf("gen: %w", err)
		}
		files = append(files, f)
	}
	p, err := doc.NewFromFiles(fset, files, importPath)
	if err != nil {
		return nil, fmt.Errorf("gen: package %s: %w", importPath, err)
	}
	return p, nil
}

// loader reads structures of the types package as operations reach them.
type loader struct {
	m     *Model
	types map[string]*doc.Type // exported types of the types package
	queue []string             // structures referred to but not read yet
}

// loadOperations finds the operations, methods of Client with the
// signature of an API call, and reads their Input and Output structures.
func (l *loader) loadOperations(svc *doc.Package) error {
	byName := map[string]*doc.Type{}
	for _, t := range svc.Types {
		byName[t.Name] = t
	}
	client := byName["Client"]
	if client == nil {
		return fmt.Errorf("gen: package %s: no type Client; %s", svc.ImportPath, howToProceed)
	}
	for _, fn := range client.Methods {
		if !isClientOperation(fn.Decl) {
			continue
		}
		op := &Operation{Name: fn.Name}
		var err error
		if op.Input, err = l.opStruct(byName, op.Name+"Input"); err != nil {
			return err
		}
		if op.Output, err = l.opStruct(byName, op.Name+"Output"); err != nil {
			return err
		}
		l.m.Operations = append(l.m.Operations, op)
	}
	if len(l.m.Operations) == 0 {
		return fmt.Errorf("gen: package %s: no operation (method of Client); %s", svc.ImportPath, howToProceed)
	}
	slices.SortFunc(l.m.Operations, func(a, b *Operation) int { return cmp.Compare(a.Name, b.Name) })
	return nil
}

func (l *loader) opStruct(byName map[string]*doc.Type, name string) (*Struct, error) {
	t := byName[name]
	st := structType(t)
	if st == nil {
		return nil, fmt.Errorf("gen: no struct type %s for its operation; %s", name, howToProceed)
	}
	return l.loadStruct(name, st, "types")
}

// loadTypesStruct reads a structure of the types package.
func (l *loader) loadTypesStruct(name string) error {
	if _, done := l.m.Structs[name]; done {
		return nil
	}
	st := structType(l.types[name])
	if st == nil {
		return fmt.Errorf("gen: types.%s is not a struct type; %s", name, howToProceed)
	}
	s, err := l.loadStruct(name, st, "")
	if err != nil {
		return err
	}
	l.m.Structs[name] = s
	return nil
}

// structType returns the struct type t declares, or nil.
func structType(t *doc.Type) *ast.StructType {
	if t == nil {
		return nil
	}
	for _, spec := range t.Decl.Specs {
		if ts, ok := spec.(*ast.TypeSpec); ok && ts.Name.Name == t.Name {
			st, _ := ts.Type.(*ast.StructType)
			return st
		}
	}
	return nil
}

// isClientOperation reports whether fd is
// func (c *Client) X(ctx context.Context, params *XInput, optFns ...func(*Options)) (*XOutput, error).
func isClientOperation(fd *ast.FuncDecl) bool {
	if fd.Recv == nil || len(fd.Recv.List) != 1 || !isStarIdent(fd.Recv.List[0].Type, "Client") {
		return false
	}
	name := fd.Name.Name
	p, r := fd.Type.Params.List, fd.Type.Results
	if len(p) != 3 || r == nil || len(r.List) != 2 {
		return false
	}
	if sel, ok := p[0].Type.(*ast.SelectorExpr); !ok || sel.Sel.Name != "Context" {
		return false
	}
	if _, ok := p[2].Type.(*ast.Ellipsis); !ok {
		return false
	}
	if id, ok := r.List[1].Type.(*ast.Ident); !ok || id.Name != "error" {
		return false
	}
	return isStarIdent(p[1].Type, name+"Input") && isStarIdent(r.List[0].Type, name+"Output")
}

func isStarIdent(e ast.Expr, name string) bool {
	st, ok := e.(*ast.StarExpr)
	if !ok {
		return false
	}
	id, ok := st.X.(*ast.Ident)
	return ok && id.Name == name
}

// dropped lists SDK plumbing members that are not part of the API.
var dropped = map[string]bool{"ResultMetadata": true}

// loadStruct reads the exported members of one structure. typesPkg is the
// qualifier under which its file refers to the types package ("" inside it).
func (l *loader) loadStruct(name string, st *ast.StructType, typesPkg string) (*Struct, error) {
	s := &Struct{Name: name}
	for _, field := range st.Fields.List {
		if len(field.Names) == 0 {
			return nil, fmt.Errorf("gen: unexpected exported embedded field in %s", name)
		}
		for _, id := range field.Names {
			if dropped[id.Name] || !id.IsExported() {
				continue
			}
			t, err := l.typeRef(field.Type, typesPkg)
			if err != nil {
				return nil, fmt.Errorf("gen: %s.%s: %w", name, id.Name, err)
			}
			if t.Kind == KindMap || t.Kind == KindDocument {
				l.m.Oddities = append(l.m.Oddities, fmt.Sprintf("%s.%s is a %s", name, id.Name, t.Kind))
			}
			s.Members = append(s.Members, &Member{
				Name:     id.Name,
				Type:     t,
				Required: strings.Contains(field.Doc.Text(), "This member is required."),
			})
		}
	}
	return s, nil
}

var scalarKinds = map[string]Kind{
	"string":  KindString,
	"int32":   KindInt32,
	"int64":   KindInt64,
	"bool":    KindBool,
	"float64": KindFloat64,
}

// typeRef converts a member's Go type expression.
func (l *loader) typeRef(e ast.Expr, typesPkg string) (TypeRef, error) {
	switch t := e.(type) {
	case *ast.StarExpr:
		r, err := l.typeRef(t.X, typesPkg)
		if err != nil {
			return r, err
		}
		if r.Kind == KindList || r.Kind == KindMap {
			return r, errors.New("pointer to a list or map")
		}
		r.Pointer = true
		return r, nil
	case *ast.ArrayType:
		if t.Len != nil {
			return TypeRef{}, errors.New("array type")
		}
		el, err := l.typeRef(t.Elt, typesPkg)
		if err != nil {
			return el, err
		}
		return TypeRef{Kind: KindList, Elem: &el}, nil
	case *ast.MapType:
		el, err := l.typeRef(t.Value, typesPkg)
		if err != nil {
			return el, err
		}
		return TypeRef{Kind: KindMap, Elem: &el}, nil
	case *ast.Ident:
		if k, ok := scalarKinds[t.Name]; ok {
			return TypeRef{Kind: k}, nil
		}
		if typesPkg != "" {
			return TypeRef{}, fmt.Errorf("unexpected type %s", t.Name)
		}
		return l.namedRef(t.Name)
	case *ast.SelectorExpr:
		pkg, _ := t.X.(*ast.Ident)
		switch {
		case pkg == nil:
		case pkg.Name == "time" && t.Sel.Name == "Time":
			return TypeRef{Kind: KindTime}, nil
		case pkg.Name == "document":
			return TypeRef{Kind: KindDocument, Name: t.Sel.Name}, nil
		case typesPkg != "" && pkg.Name == typesPkg:
			return l.namedRef(t.Sel.Name)
		}
		return TypeRef{}, fmt.Errorf("unexpected type %v", e)
	}
	return TypeRef{}, fmt.Errorf("unexpected type expression %T", e)
}

// namedRef refers to a type of the types package: an enum, a structure
// (read later), or an interface, which is how the SDK spells unions.
func (l *loader) namedRef(name string) (TypeRef, error) {
	if _, ok := l.m.Enums[name]; ok {
		return TypeRef{Kind: KindEnum, Name: name}, nil
	}
	t := l.types[name]
	if t == nil {
		return TypeRef{}, fmt.Errorf("no exported type types.%s", name)
	}
	if ts, ok := t.Decl.Specs[0].(*ast.TypeSpec); ok {
		if _, ok := ts.Type.(*ast.InterfaceType); ok {
			if !slices.Contains(l.m.Unions, name) {
				l.m.Unions = append(l.m.Unions, name)
			}
			return TypeRef{Kind: KindStruct, Name: name}, nil
		}
	}
	if _, done := l.m.Structs[name]; !done && !slices.Contains(l.queue, name) {
		l.queue = append(l.queue, name)
	}
	return TypeRef{Kind: KindStruct, Name: name}, nil
}

// loadEnum records t if it is an enum: a string type with constants, in
// declaration order, which is the order of its Values method.
func loadEnum(m *Model, t *doc.Type) error {
	ts, ok := t.Decl.Specs[0].(*ast.TypeSpec)
	if id, isIdent := ts.Type.(*ast.Ident); !ok || !isIdent || id.Name != "string" || len(t.Consts) == 0 {
		return nil
	}
	e := &Enum{Name: t.Name}
	seen := map[string]bool{}
	for _, v := range t.Consts {
		for _, spec := range v.Decl.Specs {
			vs := spec.(*ast.ValueSpec)
			if len(vs.Names) != 1 || len(vs.Values) != 1 {
				return fmt.Errorf("gen: types.%s: unexpected constant %v", t.Name, vs.Names)
			}
			bl, ok := vs.Values[0].(*ast.BasicLit)
			if !ok || bl.Kind != token.STRING {
				return fmt.Errorf("gen: types.%s: %s is not a string literal", t.Name, vs.Names[0].Name)
			}
			val, err := strconv.Unquote(bl.Value)
			if err != nil {
				return fmt.Errorf("gen: types.%s: %s: %w", t.Name, vs.Names[0].Name, err)
			}
			if seen[val] {
				return fmt.Errorf("gen: types.%s: duplicate value %q", t.Name, val)
			}
			seen[val] = true
			e.Values = append(e.Values, EnumValue{Const: vs.Names[0].Name, Value: val})
		}
	}
	m.Enums[t.Name] = e
	return nil
}

// markReach marks every structure reachable from an operation's Input
// (Request) or Output (Response), and checks that every named type exists.
func markReach(m *Model) error {
	var visit func(s *Struct, resp bool) error
	visit = func(s *Struct, resp bool) error {
		if resp && s.Response || !resp && s.Request {
			return nil
		}
		if resp {
			s.Response = true
		} else {
			s.Request = true
		}
		for _, mem := range s.Members {
			t := mem.Type
			for t.Elem != nil {
				t = *t.Elem
			}
			if t.Kind != KindStruct || slices.Contains(m.Unions, t.Name) {
				continue
			}
			next, ok := m.Structs[t.Name]
			if !ok {
				return fmt.Errorf("gen: %s.%s: unknown type %s", s.Name, mem.Name, t.Name)
			}
			if err := visit(next, resp); err != nil {
				return err
			}
		}
		return nil
	}
	for _, op := range m.Operations {
		if err := visit(op.Input, false); err != nil {
			return err
		}
		if err := visit(op.Output, true); err != nil {
			return err
		}
	}
	return nil
}

// allStructs returns every Input, Output and types structure.
func (m *Model) allStructs() []*Struct {
	var all []*Struct
	for _, op := range m.Operations {
		all = append(all, op.Input, op.Output)
	}
	for _, name := range sortedKeys(m.Structs) {
		all = append(all, m.Structs[name])
	}
	return all
}
