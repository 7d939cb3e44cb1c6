package gen

// emitEnumsFile writes every enum type, its constants and Values.
func (p *Package) emitEnumsFile() *File {
	f := NewFile(GeneratedPrefix + "_enums.go")
	for _, e := range p.Enums {
		f.Printf("// %s is the %s enum of the ElastiCache API.\n", e.Name, e.SDK.Name)
		f.Printf("// Values not listed here are kept as they are.\n")
		f.Printf("type %s string\n\n", e.Name)
		f.Printf("// Known %s values.\nconst (\n", e.Name)
		for _, c := range e.Consts {
			f.Printf("\t%s %s = %q\n", c.Name, e.Name, c.Value)
		}
		f.Printf(")\n\n")
		f.Printf("// Values returns the %s values known when this package was generated.\n", e.Name)
		f.Printf("func (%s) Values() []%s {\n\treturn []%s{", e.Name, e.Name, e.Name)
		for i, c := range e.Consts {
			if i > 0 {
				f.Printf(", ")
			}
			f.Printf("%s", c.Name)
		}
		f.Printf("}\n}\n\n")
	}
	return f
}
