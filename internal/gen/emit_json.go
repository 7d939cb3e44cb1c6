package gen

import (
	"fmt"
	"strings"
)

const jsonxImport = "github.com/cachetrail/cachetrail/internal/jsonx"

// emitShapeCodec writes decode and encode, which drive internal/jsonx,
// and the exported MarshalJSON, UnmarshalJSON and String built on them.
func emitShapeCodec(f *File, s *Shape) {
	f.Use(jsonxImport)
	r := ShapeReceiver
	scalars := scalarFields(s)
	vals := valuesType(s)
	if !hasValues(s) {
		vals = ""
	} else {
		f.Printf("// %s holds the values of %s's optional scalars: decoding\n// allocates them together, once per object.\n", vals, s.Name)
		f.Printf("type %s struct {\n", vals)
		for _, fl := range scalars {
			f.Printf("\t%s %s\n", fl.Name, fl.Type.Value())
		}
		f.Printf("}\n\n")
	}
	if vals == "" {
		f.Printf("func (%s *%s) decode(d *jsonx.Decoder) jsonx.Status {\n", r, s.Name)
	} else {
		f.Printf("func (%s *%s) decode(d *jsonx.Decoder) jsonx.Status { return %s.decodeWith(d, nil) }\n\n", r, s.Name, r)
		f.Printf("// %s decodes a new %s into *p, allocating the struct and\n// its values together.\n", ptrDecoder(s), s.Name)
		f.Printf("func %s(d *jsonx.Decoder, p **%s) jsonx.Status {\n", ptrDecoder(s), s.Name)
		// The last value of a duplicated name wins, even one that does
		// not fit: no stale earlier struct stays.
		f.Printf("\tif d.Dup() {\n\t\t*p = nil\n\t}\n")
		// The allocation is charged to the decoder's memory budget: past
		// it, the value is kept raw.
		f.Printf("\tb, ok := jsonx.New[struct {\n\t\ts %s\n\t\tv %s\n\t}](d)\n\tif !ok {\n\t\treturn jsonx.Dense\n\t}\n", s.Name, vals)
		f.Printf("\tst := b.s.decodeWith(d, &b.v)\n\tif st == jsonx.OK {\n\t\t*p = &b.s\n\t}\n\treturn st\n}\n\n")
		f.Printf("// decodeWith decodes into %s, taking the values of its optional\n// scalars from v, or from a %s allocated on first use when v is nil.\n", r, vals)
		f.Printf("func (%s *%s) decodeWith(d *jsonx.Decoder, v *%s) jsonx.Status {\n", r, s.Name, vals)
	}
	emitFlatDecode(f, s)
	cases := make([]decodeCase, len(s.Fields))
	for i, fl := range s.Fields {
		expr := decodeExpr(r+"."+fl.Name, fl.Type)
		if vals != "" && fl.Type.Kind.Scalar() {
			expr = decodeIntoExpr(r+"."+fl.Name, "&jsonx.Values(d, &v)."+fl.Name, fl.Type)
		}
		cases[i] = decodeCase{fl.Wire, expr}
	}
	emitDecodeBody(f, r, cases)

	f.Printf("func (%s *%s) encode(e *jsonx.Encoder) {\n", r, s.Name)
	emitFlatEncode(f, s)
	f.Printf("\te.ObjectStart()\n")
	for _, fl := range s.Fields {
		v := r + "." + fl.Name
		if fl.Type.Kind == KindList {
			f.Printf("\tif %s != nil {\n\t\te.Key(%q)\n\t\t%s\n\t}\n", v, fl.Wire, encodeListStmt(v, fl))
			continue
		}
		f.Printf("\tif %s != nil {\n\t\te.Key(%q)\n\t\t%s\n\t}\n", v, fl.Wire, encodeStmt(v, fl))
	}
	f.Printf("\te.Members(%s.Unknown)\n\te.ObjectEnd()\n}\n\n", r)

	f.Printf("// MarshalJSON encodes %s with CloudTrail's member names, its Unknown\n// members included.\n", s.Name)
	f.Printf("func (%s *%s) MarshalJSON() ([]byte, error) { return marshal(%s.encode) }\n\n", r, s.Name, r)
	f.Printf("// UnmarshalJSON decodes %s tolerantly, keeping what the model does not\n// capture in Unknown.\n", s.Name)
	f.Printf("func (%s *%s) UnmarshalJSON(data []byte) error {\n\t*%s = %s{}\n\treturn unmarshal(data, %s.decode)\n}\n\n", r, s.Name, r, s.Name, r)
	f.Printf("// String returns %s as JSON, with sensitive values redacted.\n", s.Name)
	f.Printf("func (%s *%s) String() string {\n\tif %s == nil {\n\t\treturn \"<nil>\"\n\t}\n\treturn redacted(%s.encode)\n}\n\n", r, s.Name, r, r)
	emitPrint(f, r, s.Name)
	if len(s.Flat) > 0 {
		emitFlatForm(f, s)
	}
}

// decodeCase is one case of a decoder's switch on member names: the
// member's name and the expression decoding its value.
type decodeCase struct{ wire, expr string }

// emitDecodeLoop writes the method decode of the struct called name, which
// decodes an object's members with cases.
func emitDecodeLoop(f *File, r, name string, cases []decodeCase) {
	f.Printf("func (%s *%s) decode(d *jsonx.Decoder) jsonx.Status {\n", r, name)
	emitDecodeBody(f, r, cases)
}

// emitDecodeBody writes the loop over an object's members that a decoder
// runs, then its end: each member named in cases is decoded by its
// expression, giving a jsonx.Status, and any other kept in r.Unknown.
func emitDecodeBody(f *File, r string, cases []decodeCase) {
	f.Printf("\tvar m jsonx.Member\n\tif st := d.ObjectStart(&m); st != jsonx.OK {\n\t\treturn st\n\t}\n")
	f.Printf("\tfor d.NextMember(&m) {\n\t\tst := jsonx.Unknown\n")
	if len(cases) > 0 {
		f.Printf("\t\tswitch m.Key {\n")
		for _, c := range cases {
			f.Printf("\t\tcase %q:\n\t\t\tst = %s\n", c.wire, c.expr)
		}
		f.Printf("\t\t}\n")
	}
	f.Printf("\t\td.EndMember(&m, st, &%s.Unknown)\n\t}\n\treturn d.End()\n}\n\n", r)
}

// formFunc names the function telling the forms of s apart.
func formFunc(s *Shape) string {
	return strings.ToLower(s.Name[:1]) + s.Name[1:] + "Form"
}

// emitFlatDecode writes, for a response with flat alternatives, the start
// of its decoder: one scan of the member names picks the form, and a flat
// object decodes whole into its alternative's field.
func emitFlatDecode(f *File, s *Shape) {
	if len(s.Flat) == 0 {
		return
	}
	r := ShapeReceiver
	f.Printf("\tswitch %s(d) {\n", formFunc(s))
	for i, fl := range s.Flat {
		f.Printf("\tcase %d:\n\t\t%s.Flat = true\n\t\tflatOutput(d, %q)\n\t\treturn %s\n", i+1, r, fl.Type.Name, structPtrExpr(r+"."+fl.Name, fl.Type.Shape))
	}
	f.Printf("\t}\n")
}

// emitFlatForm writes the function telling the forms of s apart.
func emitFlatForm(f *File, s *Shape) {
	wrappers := make([]string, len(s.Flat))
	var alts []string
	for i, fl := range s.Flat {
		wrappers[i] = fmt.Sprintf("%q", fl.Wire)
		alts = append(alts, fmt.Sprintf("%d for a %s itself", i+1, fl.Type.Name))
	}
	f.Printf("// %s tells by member names, in one scan, what the object at\n// d is: %s, and 0 for the object wrapping them\n", formFunc(s), strings.Join(alts, ", "))
	f.Printf("// (a member named %s, or no telling name). The first\n// telling name decides.\n", strings.Join(wrappers, " or "))
	f.Printf("func %s(d *jsonx.Decoder) int {\n\tform := 0\n\td.PeekNames(func(name string) bool {\n\t\tswitch name {\n", formFunc(s))
	f.Printf("\t\tcase %s:\n\t\t\treturn false\n", strings.Join(wrappers, ", "))
	for i := range s.Flat {
		tells := FlatTells(s, i)
		quoted := make([]string, len(tells))
		for j, t := range tells {
			quoted[j] = fmt.Sprintf("%q", t)
		}
		f.Printf("\t\tcase %s:\n\t\t\tform = %d\n\t\t\treturn false\n", strings.Join(quoted, ",\n\t\t\t"), i+1)
	}
	f.Printf("\t\t}\n\t\treturn true\n\t})\n\treturn form\n}\n\n")
}

// emitFlatEncode writes, for a response with flat alternatives, the start
// of its encoder: what was read flat is written back flat.
func emitFlatEncode(f *File, s *Shape) {
	if len(s.Flat) == 0 {
		return
	}
	r := ShapeReceiver
	f.Printf("\tif %s.Flat && len(%s.Unknown) == 0 {\n\t\tswitch {\n", r, r)
	for i, fl := range s.Flat {
		conds := []string{r + "." + fl.Name + " != nil"}
		for j, o := range s.Flat {
			if j != i {
				conds = append(conds, r+"."+o.Name+" == nil")
			}
		}
		f.Printf("\t\tcase %s:\n\t\t\t%s.%s.encode(e)\n\t\t\treturn\n", strings.Join(conds, " && "), r, fl.Name)
	}
	f.Printf("\t\t}\n\t}\n")
}

// emitPrint writes GoString and Format for the type called name, whose
// String redacts: with Format on the value, every fmt verb of a value, a
// pointer or a field of another struct prints through String or GoString,
// never the raw fields.
func emitPrint(f *File, r, name string) {
	f.Use("fmt")
	f.Printf("// GoString returns the type's name and %s as String shows it.\n", r)
	f.Printf("func (%s *%s) GoString() string { return goString(%q, %s.String()) }\n\n", r, name, name, r)
	f.Printf("// Format prints %s as String (%%v, %%s, %%q) or GoString (%%#v) returns it,\n// so that no verb shows a sensitive value.\n", name)
	f.Printf("func (%s %s) Format(f fmt.State, verb rune) { format(f, verb, %s.String, %s.GoString) }\n\n", r, name, r, r)
}

// scalarFields returns the fields of s that are optional scalars.
func scalarFields(s *Shape) []*Field {
	var out []*Field
	for _, fl := range s.Fields {
		if fl.Type.Kind.Scalar() {
			out = append(out, fl)
		}
	}
	return out
}

// hasValues reports whether s gets a values struct: two optional scalars
// or more, so that allocating them together saves something.
func hasValues(s *Shape) bool { return len(scalarFields(s)) >= 2 }

// ptrDecoder names the function decoding a new s into a pointer field.
func ptrDecoder(s *Shape) string { return "decode" + s.Name + "Ptr" }

// structPtrExpr decodes a structure of shape s into the pointer field v.
func structPtrExpr(v string, s *Shape) string {
	if hasValues(s) {
		return fmt.Sprintf("%s(d, &%s)", ptrDecoder(s), v)
	}
	return fmt.Sprintf("jsonx.StructPtr(d, &%s, (*%s).decode)", v, s.Name)
}

// valuesType names the struct holding the optional scalars of s.
func valuesType(s *Shape) string {
	return strings.ToLower(s.Name[:1]) + s.Name[1:] + "Values"
}

// decodeIntoExpr is decodeExpr for a scalar field v whose value goes in
// slot, a field of the object's values struct.
func decodeIntoExpr(v, slot string, t *GoType) string {
	switch t.Kind {
	case KindString, KindEnum:
		return fmt.Sprintf("jsonx.StringInto(d, &%s, %s)", v, slot)
	case KindInt32:
		return fmt.Sprintf("jsonx.Int32Into(d, &%s, %s)", v, slot)
	case KindInt64:
		return fmt.Sprintf("jsonx.Int64Into(d, &%s, %s)", v, slot)
	case KindFloat64:
		return fmt.Sprintf("jsonx.Float64TextInto(d, &%s, %s, &%s)", v, slot, floatText(v))
	case KindBool:
		return fmt.Sprintf("jsonx.BoolInto(d, &%s, %s)", v, slot)
	case KindTime:
		return fmt.Sprintf("jsonx.TimeInto(d, &%s, %s)", v, slot)
	}
	panic(fmt.Sprintf("gen: no decoder for %s", t.Kind))
}

// decodeExpr returns the expression decoding the value at d into the
// field v of type t, giving a jsonx.Status.
func decodeExpr(v string, t *GoType) string {
	switch t.Kind {
	case KindString, KindEnum:
		return fmt.Sprintf("jsonx.String(d, &%s)", v)
	case KindInt32:
		return fmt.Sprintf("jsonx.Int32(d, &%s)", v)
	case KindInt64:
		return fmt.Sprintf("jsonx.Int64(d, &%s)", v)
	case KindFloat64:
		return fmt.Sprintf("jsonx.Float64Text(d, &%s, &%s)", v, floatText(v))
	case KindBool:
		return fmt.Sprintf("jsonx.Bool(d, &%s)", v)
	case KindTime:
		return fmt.Sprintf("jsonx.Time(d, &%s)", v)
	case KindStruct:
		return structPtrExpr(v, t.Shape)
	case KindList:
		return fmt.Sprintf("jsonx.List(d, &%s, %s)", v, elemDecoder(t.Elem))
	}
	panic(fmt.Sprintf("gen: no decoder for %s", t.Kind))
}

func elemDecoder(t *GoType) string {
	switch t.Kind {
	case KindString:
		return "jsonx.StrElem[string]"
	case KindEnum:
		return "jsonx.StrElem[" + t.Name + "]"
	case KindInt32:
		return "jsonx.Int32Elem"
	case KindStruct:
		return "(*" + t.Name + ").decode"
	}
	panic(fmt.Sprintf("gen: no list element decoder for %s", t.Kind))
}

func elemEncoder(t *GoType) string {
	switch t.Kind {
	case KindString:
		return "jsonx.StrElemEncode[string]"
	case KindEnum:
		return "jsonx.StrElemEncode[" + t.Name + "]"
	case KindInt32:
		return "jsonx.Int32ElemEncode"
	case KindStruct:
		return "(*" + t.Name + ").encode"
	}
	panic(fmt.Sprintf("gen: no list element encoder for %s", t.Kind))
}

// jsonKinds name the JSON kind of each Go kind, for redacted values.
var jsonKinds = map[Kind]string{
	KindString: "string", KindEnum: "string", KindInt32: "number", KindInt64: "number",
	KindFloat64: "number", KindBool: "boolean", KindTime: "value", KindStruct: "object", KindList: "array",
}

// encodeStmt writes the non-nil pointer field v.
func encodeStmt(v string, fl *Field) string {
	if fl.Sensitive && fl.Type.Kind != KindString {
		return redactStmt(encodeStmtPlain(v, fl), fl)
	}
	return encodeStmtPlain(v, fl)
}

// redactStmt wraps the statement writing the sensitive field fl so that a
// redacting encoder writes only its kind.
func redactStmt(stmt string, fl *Field) string {
	return fmt.Sprintf("if e.Redact {\n\t\te.String(\"[redacted %s]\")\n\t} else {\n\t\t%s\n\t}", jsonKinds[fl.Type.Kind], stmt)
}

func encodeStmtPlain(v string, fl *Field) string {
	switch fl.Type.Kind {
	case KindString:
		if fl.Sensitive {
			return fmt.Sprintf("encodeSensitive(e, *%s)", v)
		}
		return fmt.Sprintf("e.String(*%s)", v)
	case KindEnum:
		return fmt.Sprintf("e.String(string(*%s))", v)
	case KindInt32:
		return fmt.Sprintf("e.Int(int64(*%s))", v)
	case KindInt64:
		return fmt.Sprintf("e.Int(*%s)", v)
	case KindFloat64:
		return fmt.Sprintf("e.FloatText(*%s, %s)", v, floatText(v))
	case KindBool:
		return fmt.Sprintf("e.Bool(*%s)", v)
	case KindTime:
		return fmt.Sprintf("e.Time(*%s)", v)
	case KindStruct:
		return fmt.Sprintf("%s.encode(e)", v)
	}
	panic(fmt.Sprintf("gen: no encoder for %s", fl.Type.Kind))
}

func encodeListStmt(v string, fl *Field) string {
	if fl.Sensitive && fl.Type.Elem.Kind == KindString {
		return fmt.Sprintf("jsonx.EncodeList(e, %s, encodeSensitiveElem)", v)
	}
	stmt := fmt.Sprintf("jsonx.EncodeList(e, %s, %s)", v, elemEncoder(fl.Type.Elem))
	if fl.Sensitive {
		return redactStmt(stmt, fl)
	}
	return stmt
}

// emitActionCodec writes the methods elasticache.Action requires of each
// action type besides Operation and Resources.
func emitActionCodec(f *File, op *Op) {
	f.Use(jsonxImport)
	r, n := ActionReceiver, op.GoName
	f.Printf("func (%s *%s) setEvent(ev *event.Event) { %s.Event = ev }\n\n", r, n, r)
	resp := op.Response
	if op.Unwrapped != nil {
		resp = op.Unwrapped.Type.Shape
	}
	f.Printf("func (%s *%s) decodeRequest(d *jsonx.Decoder) jsonx.Status {\n\treturn %s\n}\n\n", r, n, structPtrExpr(r+".Request", op.Request))
	f.Printf("func (%s *%s) decodeResponse(d *jsonx.Decoder) jsonx.Status {\n\treturn %s\n}\n\n", r, n, structPtrExpr(r+".Response", resp))
	f.Printf("// String returns the call as text: its record, request and response as\n// JSON, with sensitive values redacted.\n")
	f.Printf("func (%s *%s) String() string {\n\tif %s == nil {\n\t\treturn \"<nil>\"\n\t}\n\treturn actionString(%s.Event, %s.Request, %s.Response)\n}\n\n", r, n, r, r, r, r)
	emitPrint(f, r, n)
	for _, part := range []string{"Request", "Response"} {
		f.Printf("func (%s *%s) encode%s(e *jsonx.Encoder) bool {\n\tif %s.%s == nil {\n\t\treturn false\n\t}\n\t%s.%s.encode(e)\n\treturn true\n}\n\n", r, n, part, r, part, r, part)
	}
}

// resourceMembers maps member wire names to the resource type they name;
// a member holding an ARN (resourceName) names whatever the ARN says.
var resourceMembers = map[string]string{
	"cacheClusterId":                    "CacheCluster",
	"cacheClusterIds":                   "CacheCluster",
	"primaryClusterId":                  "CacheCluster",
	"replicationGroupId":                "ReplicationGroup",
	"replicationGroupIds":               "ReplicationGroup",
	"primaryReplicationGroupId":         "ReplicationGroup",
	"globalReplicationGroupId":          "GlobalReplicationGroup",
	"serverlessCacheName":               "ServerlessCache",
	"snapshotName":                      "Snapshot",
	"sourceSnapshotName":                "Snapshot",
	"targetSnapshotName":                "Snapshot",
	"finalSnapshotIdentifier":           "Snapshot",
	"serverlessCacheSnapshotName":       "ServerlessCacheSnapshot",
	"sourceServerlessCacheSnapshotName": "ServerlessCacheSnapshot",
	"targetServerlessCacheSnapshotName": "ServerlessCacheSnapshot",
	"finalSnapshotName":                 "ServerlessCacheSnapshot",
	"userId":                            "User",
	"userIds":                           "User",
	"userIdsToAdd":                      "User",
	"userIdsToRemove":                   "User",
	"userGroupId":                       "UserGroup",
	"userGroupIds":                      "UserGroup",
	"userGroupIdsToAdd":                 "UserGroup",
	"userGroupIdsToRemove":              "UserGroup",
	"cacheParameterGroupName":           "CacheParameterGroup",
	"cacheSubnetGroupName":              "CacheSubnetGroup",
	"cacheSecurityGroupName":            "CacheSecurityGroup",
	"cacheSecurityGroupNames":           "CacheSecurityGroup",
	"reservedCacheNodeId":               "ReservedCacheNode",
	"resourceName":                      "CacheCluster",
}

// emitResources writes Resources: the resources named by the request's
// members, then by the response's top-level members.
func emitResources(f *File, op *Op) {
	r := ActionReceiver
	f.Printf("// Resources returns the ElastiCache resources the call names, from its\n// request and then its response.\n")
	f.Printf("func (%s *%s) Resources() []Resource {\n\tvar rs resourceList\n", r, op.GoName)
	emitResourceFields(f, r+".Request", op.Request)
	if op.Unwrapped != nil {
		emitResourceFields(f, r+".Response", op.Unwrapped.Type.Shape)
	} else {
		emitResourceFields(f, r+".Response", op.Response)
	}
	f.Printf("\treturn rs.list()\n}\n\n")
}

func emitResourceFields(f *File, v string, s *Shape) {
	var lines []string
	for _, fl := range s.Fields {
		t, ok := resourceMembers[fl.Wire]
		if !ok {
			continue
		}
		switch {
		case fl.Type.Kind == KindString:
			lines = append(lines, fmt.Sprintf("\t\trs.add(%s.Event, ResourceType%s, p.Get%s())\n", ActionReceiver, t, fl.Name))
		case fl.Type.Kind == KindList && fl.Type.Elem.Kind == KindString:
			lines = append(lines, fmt.Sprintf("\t\tfor _, id := range p.%s {\n\t\t\trs.add(%s.Event, ResourceType%s, id)\n\t\t}\n", fl.Name, ActionReceiver, t))
		}
	}
	if len(lines) == 0 {
		return
	}
	f.Printf("\tif p := %s; p != nil {\n%s\t}\n", v, strings.Join(lines, ""))
}
