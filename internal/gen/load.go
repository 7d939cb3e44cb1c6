package gen

import (
	"cmp"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

// LoadModel reads the SDK service package source in dir (the module
// directory of github.com/aws/aws-sdk-go-v2/service/elasticache) and
// extracts its operations, structures and enums. It also reads the SDK's
// serializers and deserializers to learn each member's wire name.
func LoadModel(dir string) (*Model, error) {
	m := &Model{Dir: dir, Structs: map[string]*Struct{}, Enums: map[string]*Enum{}}
	var err error
	if m.Module, m.Version, err = readModuleInfo(dir); err != nil {
		return nil, err
	}
	fset := token.NewFileSet()
	enums, err := parse(fset, filepath.Join(dir, "types", "enums.go"))
	if err != nil {
		return nil, err
	}
	if err := loadEnums(m, enums); err != nil {
		return nil, err
	}
	types, err := parse(fset, filepath.Join(dir, "types", "types.go"))
	if err != nil {
		return nil, err
	}
	if err := loadTypes(m, types); err != nil {
		return nil, err
	}
	ops, err := filepath.Glob(filepath.Join(dir, "api_op_*.go"))
	if err != nil {
		return nil, err
	}
	for _, path := range ops {
		f, err := parse(fset, path)
		if err != nil {
			return nil, err
		}
		op, err := loadOperation(m, f, filepath.Base(path))
		if err != nil {
			return nil, err
		}
		m.Operations = append(m.Operations, op)
	}
	if len(m.Operations) == 0 {
		return nil, fmt.Errorf("gen: no api_op_*.go files in %s", dir)
	}
	slices.SortFunc(m.Operations, func(a, b *Operation) int { return cmp.Compare(a.Name, b.Name) })
	if err := markReach(m); err != nil {
		return nil, err
	}
	if err := loadWireNames(m, fset); err != nil {
		return nil, err
	}
	return m, nil
}

func parse(fset *token.FileSet, path string) (*ast.File, error) {
	f, err := parser.ParseFile(fset, path, nil, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return nil, fmt.Errorf("gen: %w", err)
	}
	return f, nil
}

var (
	moduleLine  = regexp.MustCompile(`(?m)^module\s+(\S+)\s*$`)
	versionLine = regexp.MustCompile(`goModuleVersion\s*=\s*"([^"]+)"`)
)

// readModuleInfo returns the module path from go.mod and the version the
// SDK records in go_module_metadata.go.
func readModuleInfo(dir string) (module, version string, err error) {
	gomod, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	if err != nil {
		return "", "", fmt.Errorf("gen: %w", err)
	}
	mm := moduleLine.FindSubmatch(gomod)
	if mm == nil {
		return "", "", fmt.Errorf("gen: no module line in %s/go.mod", dir)
	}
	meta, err := os.ReadFile(filepath.Join(dir, "go_module_metadata.go"))
	if err != nil {
		return "", "", fmt.Errorf("gen: %w", err)
	}
	vm := versionLine.FindSubmatch(meta)
	if vm == nil {
		return "", "", fmt.Errorf("gen: no goModuleVersion in %s/go_module_metadata.go", dir)
	}
	return string(mm[1]), "v" + string(vm[1]), nil
}

// loadTypes reads every structure of types.go, and notes interface types,
// which is how the SDK spells unions.
func loadTypes(m *Model, f *ast.File) error {
	for _, decl := range f.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.TYPE {
			continue
		}
		for _, spec := range gd.Specs {
			ts := spec.(*ast.TypeSpec)
			switch t := ts.Type.(type) {
			case *ast.StructType:
				s, err := loadStruct(m, ts.Name.Name, "types.go", t, "")
				if err != nil {
					return err
				}
				m.Structs[s.Name] = s
			case *ast.InterfaceType:
				m.Unions = append(m.Unions, ts.Name.Name)
			}
		}
	}
	return nil
}

// loadOperation finds the client method of an api_op file and its Input and
// Output structures.
func loadOperation(m *Model, f *ast.File, file string) (*Operation, error) {
	var op *Operation
	for _, decl := range f.Decls {
		fd, ok := decl.(*ast.FuncDecl)
		if !ok || !isClientOperation(fd) {
			continue
		}
		if op != nil {
			return nil, fmt.Errorf("gen: %s: two operations", file)
		}
		op = &Operation{Name: fd.Name.Name}
	}
	if op == nil {
		return nil, fmt.Errorf("gen: %s: no client operation", file)
	}
	if file != "api_op_"+op.Name+".go" {
		return nil, fmt.Errorf("gen: %s: operation %s in unexpected file", file, op.Name)
	}
	for _, decl := range f.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.TYPE {
			continue
		}
		for _, spec := range gd.Specs {
			ts := spec.(*ast.TypeSpec)
			st, ok := ts.Type.(*ast.StructType)
			if !ok {
				continue
			}
			var err error
			switch ts.Name.Name {
			case op.Name + "Input":
				op.Input, err = loadStruct(m, ts.Name.Name, file, st, "types")
			case op.Name + "Output":
				op.Output, err = loadStruct(m, ts.Name.Name, file, st, "types")
			}
			if err != nil {
				return nil, err
			}
		}
	}
	if op.Input == nil || op.Output == nil {
		return nil, fmt.Errorf("gen: %s: missing %sInput or %sOutput", file, op.Name, op.Name)
	}
	return op, nil
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
var dropped = map[string]bool{"ResultMetadata": true, "noSmithyDocumentSerde": true}

// loadStruct reads the members of one structure. typesPkg is the qualifier
// under which the file refers to types.go ("" inside types.go).
func loadStruct(m *Model, name, file string, st *ast.StructType, typesPkg string) (*Struct, error) {
	s := &Struct{Name: name, File: file}
	for _, field := range st.Fields.List {
		if len(field.Names) == 0 {
			// Embedded: only noSmithyDocumentSerde is expected.
			if id, ok := field.Type.(*ast.Ident); ok && dropped[id.Name] {
				continue
			}
			return nil, fmt.Errorf("gen: %s: unexpected embedded field in %s", file, name)
		}
		for _, id := range field.Names {
			if dropped[id.Name] || !id.IsExported() {
				continue
			}
			t, err := typeRef(m, field.Type, typesPkg)
			if err != nil {
				return nil, fmt.Errorf("gen: %s: %s.%s: %w", file, name, id.Name, err)
			}
			if t.Kind == KindMap || t.Kind == KindDocument {
				m.Oddities = append(m.Oddities, fmt.Sprintf("%s.%s is a %s", name, id.Name, t.Kind))
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
func typeRef(m *Model, e ast.Expr, typesPkg string) (TypeRef, error) {
	switch t := e.(type) {
	case *ast.StarExpr:
		r, err := typeRef(m, t.X, typesPkg)
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
		el, err := typeRef(m, t.Elt, typesPkg)
		if err != nil {
			return el, err
		}
		return TypeRef{Kind: KindList, Elem: &el}, nil
	case *ast.MapType:
		el, err := typeRef(m, t.Value, typesPkg)
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
		return namedRef(m, t.Name), nil
	case *ast.SelectorExpr:
		pkg, _ := t.X.(*ast.Ident)
		switch {
		case pkg == nil:
		case pkg.Name == "time" && t.Sel.Name == "Time":
			return TypeRef{Kind: KindTime}, nil
		case pkg.Name == "document":
			return TypeRef{Kind: KindDocument, Name: t.Sel.Name}, nil
		case typesPkg != "" && pkg.Name == typesPkg:
			return namedRef(m, t.Sel.Name), nil
		}
		return TypeRef{}, fmt.Errorf("unexpected type %v", e)
	}
	return TypeRef{}, fmt.Errorf("unexpected type expression %T", e)
}

// namedRef refers to a types.go name: an enum if enums.go declares it, else
// a structure (checked once all of types.go is read).
func namedRef(m *Model, name string) TypeRef {
	if _, ok := m.Enums[name]; ok {
		return TypeRef{Kind: KindEnum, Name: name}
	}
	return TypeRef{Kind: KindStruct, Name: name}
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
			if t.Kind != KindStruct {
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
