package gen

// emitAccessorsFile writes a nil-safe getter for every pointer field of
// every generated struct, and for the fields of the action types.
func (p *Package) emitAccessorsFile() *File {
	f := NewFile(GeneratedPrefix + "_accessors.go")
	for _, s := range p.AllShapes() {
		for _, fl := range s.Fields {
			if fl.Type.Kind == KindList {
				continue
			}
			emitGetter(f, s.Name, ShapeReceiver, fl.Name, fl.Type)
		}
	}
	f.Use(eventImport)
	for _, op := range p.Operations {
		emitPointerGetter(f, op.GoName, ActionReceiver, "Event", "event.Event")
		emitPointerGetter(f, op.GoName, ActionReceiver, "Request", op.Request.Name)
		emitPointerGetter(f, op.GoName, ActionReceiver, "Response", op.ResponseType())
	}
	return f
}

// zeroValues are the zero values getters return for scalar kinds.
var zeroValues = map[Kind]string{
	KindString:  `""`,
	KindInt32:   "0",
	KindInt64:   "0",
	KindBool:    "false",
	KindFloat64: "0",
	KindTime:    "wire.Time{}",
	KindEnum:    `""`,
}

// emitGetter writes the getter of one pointer field: the value for
// scalars and enums, the pointer itself for structures.
func emitGetter(f *File, typ, recv, field string, t *GoType) {
	if t.Kind == KindStruct {
		emitPointerGetter(f, typ, recv, field, t.Name)
		return
	}
	if t.Kind == KindTime {
		f.Use(wireImport)
	}
	f.Printf("// Get%s returns %s, or the zero value when %s or %s is nil.\n", field, field, recv, field)
	f.Printf("func (%s *%s) Get%s() %s {\n", recv, typ, field, t.Value())
	f.Printf("\tif %s == nil || %s.%s == nil {\n\t\treturn %s\n\t}\n", recv, recv, field, zeroValues[t.Kind])
	f.Printf("\treturn *%s.%s\n}\n\n", recv, field)
}

// emitPointerGetter writes a getter that returns a pointer field as is.
func emitPointerGetter(f *File, typ, recv, field, elem string) {
	f.Printf("// Get%s returns %s, or nil when %s is nil.\n", field, field, recv)
	f.Printf("func (%s *%s) Get%s() *%s {\n", recv, typ, field, elem)
	f.Printf("\tif %s == nil {\n\t\treturn nil\n\t}\n", recv)
	f.Printf("\treturn %s.%s\n}\n\n", recv, field)
}
