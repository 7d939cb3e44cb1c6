package cachetrail_test

import (
	"go/ast"
	"go/doc"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// apiDirs are the packages whose names the documents may cite, by the
// name a program uses for them.
var apiDirs = map[string]string{
	"event":       "event",
	"lookup":      "event/lookup",
	"userid":      "userid",
	"elasticache": "elasticache",
	"wire":        "wire",
	"schema":      "schema",
	"gen":         "internal/gen", // CONTRIBUTING.md explains the generator
}

// api is the exported surface of apiDirs, read with go/doc.
type api struct {
	pkgs map[string]*pkgAPI
}

type pkgAPI struct {
	name  string
	top   map[string]bool     // functions, types, constants, variables
	types map[string]*typeAPI // exported types by name
}

// typeAPI lists a type's methods and fields; a field maps to the type it
// holds, so that a chain such as Event.UserIdentity.Actor resolves.
type typeAPI struct {
	pkg      string
	members  map[string]typeRef // a method maps to the zero typeRef
	embedded []typeRef
}

type typeRef struct{ pkg, name string }

func loadAPI(t *testing.T) *api {
	t.Helper()
	a := &api{pkgs: map[string]*pkgAPI{}}
	for name, dir := range apiDirs {
		fset := token.NewFileSet()
		entries, err := os.ReadDir(dir)
		require.NoError(t, err)
		var files []*ast.File
		for _, e := range entries {
			if !strings.HasSuffix(e.Name(), ".go") || strings.HasSuffix(e.Name(), "_test.go") {
				continue
			}
			f, err := parser.ParseFile(fset, filepath.Join(dir, e.Name()), nil, parser.ParseComments)
			require.NoError(t, err)
			if f.Name.Name == name {
				files = append(files, f)
			}
		}
		require.NotEmpty(t, files, "package %s in %s", name, dir)
		p, err := doc.NewFromFiles(fset, files, "github.com/cachetrail/cachetrail/"+filepath.ToSlash(dir), doc.AllMethods)
		require.NoError(t, err)
		a.pkgs[name] = newPkgAPI(name, p, files)
	}
	return a
}

func newPkgAPI(name string, p *doc.Package, files []*ast.File) *pkgAPI {
	imports := importNames(files)
	pa := &pkgAPI{name: name, top: map[string]bool{}, types: map[string]*typeAPI{}}
	addValues := func(vs []*doc.Value) {
		for _, v := range vs {
			for _, n := range v.Names {
				pa.top[n] = true
			}
		}
	}
	addValues(p.Consts)
	addValues(p.Vars)
	for _, f := range p.Funcs {
		pa.top[f.Name] = true
	}
	for _, dt := range p.Types {
		pa.top[dt.Name] = true
		addValues(dt.Consts)
		addValues(dt.Vars)
		for _, f := range dt.Funcs {
			pa.top[f.Name] = true
		}
		ta := &typeAPI{pkg: name, members: map[string]typeRef{}}
		for _, m := range dt.Methods {
			ta.members[m.Name] = typeRef{}
		}
		for _, spec := range dt.Decl.Specs {
			ts, ok := spec.(*ast.TypeSpec)
			if !ok || ts.Name.Name != dt.Name {
				continue
			}
			switch tt := ts.Type.(type) {
			case *ast.StructType:
				for _, f := range tt.Fields.List {
					ref := refOf(f.Type, name, imports)
					if len(f.Names) == 0 {
						ta.embedded = append(ta.embedded, ref)
						ta.members[ref.name] = ref
					}
					for _, n := range f.Names {
						ta.members[n.Name] = ref
					}
				}
			case *ast.InterfaceType:
				for _, m := range tt.Methods.List {
					for _, n := range m.Names {
						ta.members[n.Name] = typeRef{}
					}
				}
			}
		}
		pa.types[dt.Name] = ta
	}
	return pa
}

// importNames maps the local names of a package's imports of apiDirs.
func importNames(files []*ast.File) map[string]string {
	out := map[string]string{}
	for _, f := range files {
		for _, imp := range f.Imports {
			path := strings.Trim(imp.Path.Value, `"`)
			local := path[strings.LastIndex(path, "/")+1:]
			if imp.Name != nil {
				local = imp.Name.Name
			}
			if _, ok := apiDirs[local]; ok {
				out[local] = local
			}
		}
	}
	return out
}

// refOf names the type a field holds, through pointers, slices and maps.
func refOf(e ast.Expr, pkg string, imports map[string]string) typeRef {
	for {
		switch x := e.(type) {
		case *ast.StarExpr:
			e = x.X
		case *ast.ArrayType:
			e = x.Elt
		case *ast.MapType:
			e = x.Value
		case *ast.Ident:
			return typeRef{pkg: pkg, name: x.Name}
		case *ast.SelectorExpr:
			if id, ok := x.X.(*ast.Ident); ok && imports[id.Name] != "" {
				return typeRef{pkg: imports[id.Name], name: x.Sel.Name}
			}
			return typeRef{}
		default:
			return typeRef{}
		}
	}
}

func (a *api) typ(r typeRef) *typeAPI {
	if p := a.pkgs[r.pkg]; p != nil {
		return p.types[r.name]
	}
	return nil
}

// member resolves a chain of names from a type: Event.UserIdentity.Actor.
func (a *api) member(r typeRef, chain []string) bool {
	if len(chain) == 0 {
		return true
	}
	ta := a.typ(r)
	if ta == nil {
		return false
	}
	if next, ok := ta.members[chain[0]]; ok {
		return len(chain) == 1 || a.member(next, chain[1:])
	}
	for _, e := range ta.embedded {
		if a.member(e, chain) {
			return true
		}
	}
	return false
}

// typesNamed returns every exported type of that name, in any package.
func (a *api) typesNamed(name string) []typeRef {
	var out []typeRef
	for pn, p := range a.pkgs {
		if p.types[name] != nil {
			out = append(out, typeRef{pn, name})
		}
	}
	return out
}

// anywhere reports whether name is exported anywhere: top level, method
// or field.
func (a *api) anywhere(name string) bool {
	for _, p := range a.pkgs {
		if p.top[name] {
			return true
		}
		for _, ta := range p.types {
			if _, ok := ta.members[name]; ok {
				return true
			}
		}
	}
	return false
}
