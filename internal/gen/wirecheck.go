package gen

import (
	"fmt"
	"go/ast"
	"go/token"
	"path/filepath"
	"strings"
)

// Prefixes of the SDK's generated (de)serializer functions.
const (
	serOp     = "awsAwsquery_serializeOpDocument"
	serDoc    = "awsAwsquery_serializeDocument"
	deserOp   = "awsAwsquery_deserializeOpDocument"
	deserDoc  = "awsAwsquery_deserializeDocument"
	selfVar   = "v"  // the serializer's parameter
	targetVar = "sv" // the deserializer's result
)

// loadWireNames fills Member.SerName from serializers.go for structures the
// request side reaches, and Member.DeserName from deserializers.go for the
// response side. A struct with members but no (de)serializer, or a member
// the (de)serializer does not mention, is an error; a name that differs
// from the member name is recorded for Resolve to judge against overrides.
func loadWireNames(m *Model, fset *token.FileSet) error {
	ser, err := parse(fset, filepath.Join(m.Dir, "serializers.go"))
	if err != nil {
		return err
	}
	deser, err := parse(fset, filepath.Join(m.Dir, "deserializers.go"))
	if err != nil {
		return err
	}
	serNames := funcNames(ser, serOp, serDoc, serializerNames)
	deserNames := funcNames(deser, deserOp, deserDoc, deserializerNames)
	for _, s := range m.allStructs() {
		if s.Request {
			if err := assignNames(s, serNames[s.Name], "serializers.go", func(mem *Member, n string) { mem.SerName = n }); err != nil {
				return err
			}
		}
		if s.Response {
			if err := assignNames(s, deserNames[s.Name], "deserializers.go", func(mem *Member, n string) { mem.DeserName = n }); err != nil {
				return err
			}
		}
	}
	return nil
}

// allStructs returns every Input, Output and types.go structure.
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

func assignNames(s *Struct, names map[string]string, file string, set func(*Member, string)) error {
	if len(s.Members) == 0 {
		return nil
	}
	if names == nil {
		return fmt.Errorf("gen: %s: no function for %s", file, s.Name)
	}
	for _, mem := range s.Members {
		n, ok := names[mem.Name]
		if !ok {
			return fmt.Errorf("gen: %s: %s.%s is not handled", file, s.Name, mem.Name)
		}
		set(mem, n)
	}
	if len(names) != len(s.Members) {
		return fmt.Errorf("gen: %s: %s handles %d members, the struct has %d", file, s.Name, len(names), len(s.Members))
	}
	return nil
}

// funcNames maps struct name -> member -> wire name for every function
// named opPrefix+Struct or docPrefix+Struct.
func funcNames(f *ast.File, opPrefix, docPrefix string, extract func(*ast.FuncDecl) map[string]string) map[string]map[string]string {
	out := map[string]map[string]string{}
	for _, decl := range f.Decls {
		fd, ok := decl.(*ast.FuncDecl)
		if !ok || fd.Recv != nil {
			continue
		}
		name, ok := strings.CutPrefix(fd.Name.Name, opPrefix)
		if !ok {
			name, ok = strings.CutPrefix(fd.Name.Name, docPrefix)
		}
		if !ok || fd.Body == nil {
			continue
		}
		if names := extract(fd); names != nil {
			out[name] = names
		}
	}
	return out
}

// serializerNames reads `if v.Member ... { objectKey := object.Key("Name") ... }`.
func serializerNames(fd *ast.FuncDecl) map[string]string {
	names := map[string]string{}
	for _, stmt := range fd.Body.List {
		is, ok := stmt.(*ast.IfStmt)
		if !ok {
			continue
		}
		member := firstSelector(is.Cond, selfVar)
		key := firstKeyCall(is.Body)
		if member != "" && key != "" {
			names[member] = key
		}
	}
	if len(names) == 0 {
		return nil
	}
	return names
}

// deserializerNames reads `case strings.EqualFold("Name", t.Name.Local): ... sv.Member ...`.
func deserializerNames(fd *ast.FuncDecl) map[string]string {
	names := map[string]string{}
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		cc, ok := n.(*ast.CaseClause)
		if !ok || len(cc.List) != 1 {
			return true
		}
		call, ok := cc.List[0].(*ast.CallExpr)
		if !ok || !isSel(call.Fun, "strings", "EqualFold") || len(call.Args) != 2 {
			return true
		}
		key, err := stringLit(call.Args[0])
		if err != nil {
			return true
		}
		for _, stmt := range cc.Body {
			if member := firstSelector(stmt, targetVar); member != "" {
				names[member] = key
				break
			}
		}
		return false
	})
	if len(names) == 0 {
		return nil
	}
	return names
}

// firstSelector returns Sel of the first x.Sel in n whose x is the ident v.
func firstSelector(n ast.Node, v string) string {
	found := ""
	ast.Inspect(n, func(n ast.Node) bool {
		if found != "" {
			return false
		}
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok && id.Name == v {
				found = sel.Sel.Name
				return false
			}
		}
		return true
	})
	return found
}

// firstKeyCall returns the argument of the first object.Key("...") or
// object.FlatKey("...") call in n.
func firstKeyCall(n ast.Node) string {
	found := ""
	ast.Inspect(n, func(n ast.Node) bool {
		if found != "" {
			return false
		}
		call, ok := n.(*ast.CallExpr)
		if !ok || len(call.Args) != 1 {
			return true
		}
		if isSel(call.Fun, "object", "Key") || isSel(call.Fun, "object", "FlatKey") {
			if s, err := stringLit(call.Args[0]); err == nil {
				found = s
				return false
			}
		}
		return true
	})
	return found
}

func isSel(e ast.Expr, x, sel string) bool {
	s, ok := e.(*ast.SelectorExpr)
	if !ok || s.Sel.Name != sel {
		return false
	}
	id, ok := s.X.(*ast.Ident)
	return ok && id.Name == x
}
