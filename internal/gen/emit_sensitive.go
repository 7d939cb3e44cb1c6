package gen

import (
	"slices"
	"strings"
)

// WireSensitiveFile is the file of package wire that lists the sensitive
// member names, generated with package elasticache: wire is the package
// every core package imports, so each can redact without an import cycle.
const WireSensitiveFile = GeneratedPrefix + "_sensitive.go"

// SensitiveNames returns the wire names of the sensitive fields (overrides
// marked sensitive), lowercased, sorted and without repeats.
func (p *Package) SensitiveNames() []string {
	var names []string
	for _, s := range p.AllShapes() {
		for _, fl := range s.Fields {
			if fl.Sensitive {
				names = append(names, strings.ToLower(fl.Wire))
			}
		}
	}
	slices.Sort(names)
	return slices.Compact(names)
}

// WireFile returns the gofmt'ed source of WireSensitiveFile: the
// case-insensitive test of a member name against SensitiveNames.
func (p *Package) WireFile() ([]byte, error) {
	f := NewFile(WireSensitiveFile)
	f.Package = "wire"
	f.Use("strings")
	f.Printf("// sensitiveNames are the wire names of the members the model marks\n// sensitive, lowercased.\n")
	f.Printf("var sensitiveNames = [...]string{\n")
	for _, n := range p.SensitiveNames() {
		f.Printf("\t%q,\n", n)
	}
	f.Printf("}\n\n")
	f.Printf("// SensitiveName reports whether a JSON member called name holds a secret\n")
	f.Printf("// in some modelled ElastiCache payload, ignoring case: its value, whatever\n")
	f.Printf("// its shape, must not be printed.\n")
	f.Printf("func SensitiveName(name string) bool {\n\tfor _, s := range sensitiveNames {\n")
	f.Printf("\t\tif strings.EqualFold(name, s) {\n\t\t\treturn true\n\t\t}\n\t}\n\treturn false\n}\n")
	return f.Bytes(p.Model)
}

// SecretTestFile is the file of package internal/secrettest that lists the
// sensitive fields by Go type and field name: tests put a secret in each,
// and the list stays out of package elasticache's API.
const SecretTestFile = GeneratedPrefix + "_sensitive.go"

// SecretTestFileSource returns the gofmt'ed source of SecretTestFile.
func (p *Package) SecretTestFileSource() ([]byte, error) {
	f := NewFile(SecretTestFile)
	f.Package = "secrettest"
	f.Printf("// sensitiveFields are the fields whose values are secrets that CloudTrail\n")
	f.Printf("// may hide or redact and that tools must not print.\n")
	f.Printf("var sensitiveFields = [...]Field{\n")
	for _, s := range p.AllShapes() {
		for _, fl := range s.Fields {
			if fl.Sensitive {
				f.Printf("\t{Type: %q, Field: %q, Wire: %q},\n", s.Name, fl.Name, fl.Wire)
			}
		}
	}
	f.Printf("}\n")
	return f.Bytes(p.Model)
}
