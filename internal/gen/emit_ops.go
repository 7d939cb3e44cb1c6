package gen

// emitOpsFile writes the operation list, the metadata table and the
// newAction switch.
func (p *Package) emitOpsFile() *File {
	f := NewFile(GeneratedPrefix + "_ops.go")
	f.Printf("// ModelVersion is the module and version of the AWS SDK model the\n")
	f.Printf("// package was generated from.\n")
	f.Printf("const ModelVersion = %q\n\n", p.Model.Module+"@"+p.Model.Version)
	f.Printf("// Operations returns the names of the %d ElastiCache operations this\n", len(p.Operations))
	f.Printf("// package models, sorted. The names are CloudTrail's eventName values.\n")
	f.Printf("func Operations() []string {\n\treturn []string{\n")
	for _, op := range p.Operations {
		f.Printf("\t\t%q,\n", op.Name)
	}
	f.Printf("\t}\n}\n\n")

	f.Printf("// operationTable holds the metadata of every operation, sorted by name.\n")
	f.Printf("var operationTable = [...]OperationInfo{\n")
	for _, op := range p.Operations {
		unwrapped := ""
		if op.Unwrapped != nil {
			unwrapped = op.Unwrapped.Wire
		}
		f.Printf("\t{Name: %q, UnwrappedMember: %q, ReadOnly: %t, DocURL: %q,\n",
			op.Name, unwrapped, op.ReadOnly, op.DocURL)
		emitSubject(f, op)
		emitMembers(f, op)
		f.Printf("\t},\n")
	}
	f.Printf("}\n\n")

	f.Printf("// newAction returns a new, empty action for the operation called name,\n")
	f.Printf("// or nil if the package does not model it.\n")
	f.Printf("func newAction(name string) Action {\n\tswitch name {\n")
	for _, op := range p.Operations {
		f.Printf("\tcase %q:\n\t\treturn new(%s)\n", op.Name, op.GoName)
	}
	f.Printf("\t}\n\treturn nil\n}\n")
	return f
}

// classConsts maps member classes to their Go constants.
var classConsts = map[string]string{
	ClassSetting:    "MemberSetting",
	ClassIdentifier: "MemberIdentifier",
	ClassFlag:       "MemberFlag",
}

// emitSubject writes the member and resource type a change set files the
// call's changes under.
func emitSubject(f *File, op *Op) {
	wire, typ := "", subjectWord(op.Name)
	if op.Subject != nil {
		wire, typ = op.Subject.Wire, resourceMembers[op.Subject.Wire]
	}
	if typ == "" {
		return
	}
	f.Printf("\t\tsubject: %q, subjectType: ResourceType%s,\n", wire, typ)
}

// emitMembers writes the classified request members of an operation.
func emitMembers(f *File, op *Op) {
	if len(op.Request.Fields) == 0 {
		return
	}
	f.Printf("\t\tMembers: []MemberInfo{\n")
	for _, fl := range op.Request.Fields {
		f.Printf("\t\t\t{Wire: %q, Field: %q, Class: %s", fl.Wire, fl.Name, classConsts[fl.Class])
		if fl.Security != "" {
			f.Printf(", Security: %q", fl.Security)
		}
		f.Printf("},\n")
	}
	f.Printf("\t\t},\n")
}
