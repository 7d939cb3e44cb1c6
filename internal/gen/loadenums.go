package gen

import (
	"fmt"
	"go/ast"
	"go/token"
	"strconv"
)

// loadEnums reads the string types of enums.go, their constants, and the
// order of their Values() lists, which must name the same values.
func loadEnums(m *Model, f *ast.File) error {
	consts := map[string]map[string]string{} // enum -> value -> const name
	var order []string
	for _, decl := range f.Decls {
		switch d := decl.(type) {
		case *ast.GenDecl:
			if err := enumDecl(m, d, consts, &order); err != nil {
				return err
			}
		case *ast.FuncDecl:
			if err := enumValues(m, d, consts); err != nil {
				return err
			}
		}
	}
	for _, name := range order {
		e := m.Enums[name]
		if len(e.Values) != len(consts[name]) {
			return fmt.Errorf("gen: enums.go: %s has %d constants but Values() lists %d", name, len(consts[name]), len(e.Values))
		}
	}
	return nil
}

func enumDecl(m *Model, d *ast.GenDecl, consts map[string]map[string]string, order *[]string) error {
	for _, spec := range d.Specs {
		switch s := spec.(type) {
		case *ast.TypeSpec:
			if id, ok := s.Type.(*ast.Ident); !ok || id.Name != "string" {
				return fmt.Errorf("gen: enums.go: %s is not a string type", s.Name.Name)
			}
			m.Enums[s.Name.Name] = &Enum{Name: s.Name.Name}
			consts[s.Name.Name] = map[string]string{}
			*order = append(*order, s.Name.Name)
		case *ast.ValueSpec:
			typ, ok := s.Type.(*ast.Ident)
			if !ok || consts[typ.Name] == nil || len(s.Names) != 1 || len(s.Values) != 1 {
				return fmt.Errorf("gen: enums.go: unexpected constant %v", s.Names)
			}
			v, err := stringLit(s.Values[0])
			if err != nil {
				return fmt.Errorf("gen: enums.go: %s: %w", s.Names[0].Name, err)
			}
			if _, dup := consts[typ.Name][v]; dup {
				return fmt.Errorf("gen: enums.go: %s: duplicate value %q", typ.Name, v)
			}
			consts[typ.Name][v] = s.Names[0].Name
		}
	}
	return nil
}

// enumValues reads func (X) Values() []X { return []X{"a", "b"} }.
func enumValues(m *Model, d *ast.FuncDecl, consts map[string]map[string]string) error {
	if d.Name.Name != "Values" || d.Recv == nil || len(d.Recv.List) != 1 {
		return fmt.Errorf("gen: enums.go: unexpected func %s", d.Name.Name)
	}
	recv, ok := d.Recv.List[0].Type.(*ast.Ident)
	if !ok || m.Enums[recv.Name] == nil {
		return fmt.Errorf("gen: enums.go: Values on unknown type")
	}
	e := m.Enums[recv.Name]
	if len(d.Body.List) != 1 {
		return fmt.Errorf("gen: enums.go: %s.Values: unexpected body", e.Name)
	}
	ret, ok := d.Body.List[0].(*ast.ReturnStmt)
	if !ok || len(ret.Results) != 1 {
		return fmt.Errorf("gen: enums.go: %s.Values: unexpected body", e.Name)
	}
	lit, ok := ret.Results[0].(*ast.CompositeLit)
	if !ok {
		return fmt.Errorf("gen: enums.go: %s.Values: unexpected body", e.Name)
	}
	for _, elt := range lit.Elts {
		v, err := stringLit(elt)
		if err != nil {
			return fmt.Errorf("gen: enums.go: %s.Values: %w", e.Name, err)
		}
		c, ok := consts[e.Name][v]
		if !ok {
			return fmt.Errorf("gen: enums.go: %s.Values: %q has no constant", e.Name, v)
		}
		e.Values = append(e.Values, EnumValue{Const: c, Value: v})
	}
	return nil
}

func stringLit(e ast.Expr) (string, error) {
	bl, ok := e.(*ast.BasicLit)
	if !ok || bl.Kind != token.STRING {
		return "", fmt.Errorf("not a string literal")
	}
	return strconv.Unquote(bl.Value)
}
