package schemagen

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"github.com/cachetrail/cachetrail/event"
	"github.com/cachetrail/cachetrail/userid"
	"github.com/cachetrail/cachetrail/wire"
)

// recordRequired are the members every record has had since 1.0; the
// others depend on the version, the event type or the service.
var recordRequired = []string{"eventVersion", "eventTime"}

// strictExtras are constraints the strict record adds to some members.
var strictExtras = map[string]*Object{
	// cachetrail reads "192.0.2.01" as 192.0.2.1 and reports it as a quirk.
	"sourceIPAddress": obj("not", obj("pattern", `^([0-9]+\.){0,3}0[0-9]`),
		"$comment", "An IPv4 address with a leading zero in an octet is a quirk."),
}

// Types the record walk treats specially.
var (
	typeTime    = reflect.TypeFor[wire.Time]()
	typeBool    = reflect.TypeFor[wire.Bool]()
	typeMembers = reflect.TypeFor[wire.Members]()
	typeRaw     = reflect.TypeFor[json.RawMessage]()
	typeIDType  = reflect.TypeFor[userid.Type]()
	typeEvent   = reflect.TypeFor[event.Event]()
)

// recordWalker builds the envelope schema from the Go types, collecting a
// definition per nested struct.
type recordWalker struct {
	v    Variant
	defs *Object
	errs []string
}

// Record returns the schema document of the CloudTrail record envelope.
// Its members come from event.Event's JSON tags and those of the types it
// holds; their history from event.Fields; their descriptions from the
// tables in docs.go. A member missing from either table is an error.
func Record(v Variant) ([]byte, error) {
	w := &recordWalker{v: v, defs: obj()}
	ts, err := v.timestampDef()
	if err != nil {
		return nil, err
	}
	w.defs.Set("timestamp", ts)
	props := obj()
	for _, f := range jsonFields(typeEvent) {
		info, ok := event.LookupField(f.name)
		if !ok {
			w.errs = append(w.errs, "event.Event."+f.field.Name+" ("+f.name+") has no entry in event.Fields")
			continue
		}
		s := w.member(f.field.Type, f.name)
		desc := info.Doc + " Since eventVersion " + info.Since.String() + "."
		if info.MaxBytes != 0 {
			desc += " Size: at most " + byteSize(info.MaxBytes) + "; CloudTrail truncates larger content."
			s.Set(keyMaxBytes, info.MaxBytes)
		}
		s.Set(keySince, info.Since.String())
		if extra, ok := strictExtras[f.name]; ok && v == Strict {
			s = prepend(s, extra)
		}
		props.Set(f.name, prepend(obj("description", desc), s))
	}
	if len(w.errs) > 0 {
		return nil, fmt.Errorf("schemagen: %s", strings.Join(w.errs, "; "))
	}
	doc := obj(
		"$schema", draft,
		"title", "CloudTrail record ("+v.String()+")",
		"description", "One CloudTrail record (eventVersion 1.x through 1.11), as package event models it. "+variantNote(v)+
			" requestParameters and responseElements are service-defined; the elasticache/ documents describe them per operation.",
		keyVariant, v.String(),
	)
	body := v.object("", props, recordRequired)
	for _, k := range body.keys {
		if k != "description" {
			doc.Set(k, body.vals[k])
		}
	}
	doc.Set("$defs", w.defs)
	return document(doc)
}

// variantNote says in a sentence what a variant accepts.
func variantNote(v Variant) string {
	if v == Strict {
		return "Strict: only documented forms (RFC 3339 timestamps, JSON numbers and booleans, arrays for lists) and only modelled members."
	}
	return "Tolerant: accepts what cachetrail reads, including timestamps in every accepted form, numbers and booleans written as strings, {} for an empty list and members it does not model. Trailing commas and a byte order mark are not JSON, so no schema sees them: parse with event.Parse first."
}

// prepend returns first's members followed by rest's.
func prepend(first, rest *Object) *Object {
	for _, k := range rest.keys {
		first.Set(k, rest.vals[k])
	}
	return first
}

type jsonField struct {
	name  string
	field reflect.StructField
}

// jsonFields returns the exported fields of a struct that have a JSON name.
func jsonFields(t reflect.Type) []jsonField {
	var out []jsonField
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if !f.IsExported() || name == "" || name == "-" {
			continue
		}
		out = append(out, jsonField{name, f})
	}
	return out
}

// member returns the schema of a value of type t found at name.
func (w *recordWalker) member(t reflect.Type, name string) *Object {
	v := w.v
	switch t {
	case typeTime:
		return obj("$ref", "#/$defs/timestamp")
	case typeBool:
		return v.stringBool()
	case typeMembers:
		return obj("type", []string{"object", "null"})
	case typeRaw:
		if v == Strict {
			return obj("type", []string{"object", "null"})
		}
		return obj()
	case typeIDType:
		var vals []string
		for _, ty := range userid.Types() {
			vals = append(vals, string(ty))
		}
		return v.enum(vals)
	}
	switch t.Kind() {
	case reflect.String:
		return v.str()
	case reflect.Bool:
		return v.boolean()
	case reflect.Pointer:
		return w.member(t.Elem(), name)
	case reflect.Slice:
		return v.list(withoutNull(w.member(t.Elem(), name)))
	case reflect.Struct:
		w.define(t)
		return obj("anyOf", []any{obj("$ref", "#/$defs/"+t.Name()), obj("type", "null")})
	}
	w.errs = append(w.errs, fmt.Sprintf("%s: no schema for Go type %s", name, t))
	return obj()
}

// define adds the definition of a struct type, once.
func (w *recordWalker) define(t reflect.Type) {
	if w.defs.Get(t.Name()) != nil {
		return
	}
	w.defs.Set(t.Name(), obj()) // placeholder against recursion
	desc, ok := typeDocs[t.Name()]
	if !ok {
		w.errs = append(w.errs, t.String()+" has no entry in typeDocs")
	}
	props := obj()
	for _, f := range jsonFields(t) {
		key := t.Name() + "." + f.name
		d, ok := memberDocs[key]
		if !ok {
			w.errs = append(w.errs, t.String()+"."+f.field.Name+" ("+key+") has no entry in memberDocs")
		}
		props.Set(f.name, prepend(obj("description", d), w.member(f.field.Type, key)))
	}
	w.defs.Set(t.Name(), w.v.object(desc, props, nil))
}

// byteSize writes n bytes as CloudTrail's documentation does, in KB of
// 1,024 bytes when it can.
func byteSize(n int) string {
	if n%1024 == 0 {
		return strconv.Itoa(n/1024) + " KB"
	}
	return strconv.Itoa(n) + " bytes"
}
