package elasticache

import (
	"cmp"
	"reflect"
	"slices"
	"strings"
	"sync"

	"github.com/cachetrail/cachetrail/internal/jsonx"
	"github.com/cachetrail/cachetrail/wire"
)

// Unmodeled locates one payload member whose name the typed model does not
// know (its wire.Reason is wire.ReasonUnknown).
type Unmodeled struct {
	Path   string // dotted JSON path, like "requestParameters.someNewParam"
	Offset int64  // byte offset of the value in the original input
}

// Unmodeled returns the payload members whose names the typed model does
// not know, such as a parameter AWS added later, in input order. (Values
// of the wrong JSON type are kept raw too, and reported as errors or
// kept-raw quirks.) It walks the Unknown members of the typed payloads on
// each call, so decoding builds no path it may never need; nil when there
// are none.
func (m *meta) Unmodeled() []Unmodeled {
	var out []Unmodeled
	if m.self != nil {
		v := reflect.ValueOf(m.self).Elem()
		path := make([]byte, 0, 64) // reused: each Unmodeled copies it
		for i, idx := range payloadsOf(v.Type()) {
			if idx != nil {
				out = appendUnmodeled(out, v.FieldByIndex(idx), append(path, payloadPaths[i]...))
			}
		}
	}
	out = append(out, m.raw...)
	if len(out) == 0 {
		return nil
	}
	slices.SortStableFunc(out, func(a, b Unmodeled) int { return cmp.Compare(a.Offset, b.Offset) })
	return out
}

// The payload fields of an action, and their paths.
var (
	payloadNames = [...]string{"Request", "Response"}
	payloadPaths = [...]string{"requestParameters", "responseElements"}
)

// payloads caches payloadsOf: an action's type does not change.
var payloads sync.Map // reflect.Type: [2][]int

// payloadsOf returns the index of an action type's Request and Response
// fields, nil for a field it lacks.
func payloadsOf(t reflect.Type) [2][]int {
	if p, ok := payloads.Load(t); ok {
		return p.([2][]int)
	}
	var p [2][]int
	for i, name := range payloadNames {
		if f, ok := t.FieldByName(name); ok {
			p[i] = f.Index
		}
	}
	payloads.Store(t, p)
	return p
}

var membersType = reflect.TypeFor[wire.Members]()

// structInfo is what appendUnmodeled reads of a struct type, found once
// per type: it runs for every event the -json output writes.
type structInfo struct {
	flat   []int // the index of a bool Flat field, or nil
	fields []fieldInfo
}

type fieldInfo struct {
	index   int
	name    string // the JSON name of a field to enter
	members bool   // a wire.Members field
}

var structInfos sync.Map // reflect.Type: *structInfo

func structInfoOf(t reflect.Type) *structInfo {
	if si, ok := structInfos.Load(t); ok {
		return si.(*structInfo)
	}
	si := &structInfo{}
	if f, ok := t.FieldByName("Flat"); ok && f.Type.Kind() == reflect.Bool {
		si.flat = f.Index
	}
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		if f.Type == membersType {
			si.fields = append(si.fields, fieldInfo{index: i, members: true})
			continue
		}
		if name, _, _ := strings.Cut(f.Tag.Get("json"), ","); name != "" && name != "-" && holdsMembers(f.Type) {
			si.fields = append(si.fields, fieldInfo{index: i, name: name})
		}
	}
	structInfos.Store(t, si)
	return si
}

// holdsMembers reports whether a value of type t can hold a wire.Members
// at any depth: the walk enters no other field (most are scalars).
func holdsMembers(t reflect.Type) bool { return reaches(t, map[reflect.Type]bool{}) }

func reaches(t reflect.Type, seen map[reflect.Type]bool) bool {
	switch {
	case t == membersType:
		return true
	case t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array:
		return reaches(t.Elem(), seen)
	case t.Kind() == reflect.Interface:
		return true
	case t.Kind() != reflect.Struct || seen[t]:
		return false // a struct seen already: its other fields decide
	}
	seen[t] = true
	for i := range t.NumField() {
		if f := t.Field(i); f.IsExported() && reaches(f.Type, seen) {
			return true
		}
	}
	return false
}

// appendUnmodeled appends the members of v's Unknown fields, at any
// depth, whose names the model does not know, naming them by their path
// under path. The bytes of path past its length are scratch space.
func appendUnmodeled(out []Unmodeled, v reflect.Value, path []byte) []Unmodeled {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			out = appendUnmodeled(out, v.Elem(), path)
		}
	case reflect.Slice:
		if v.Type().Elem().Kind() != reflect.Struct {
			return out
		}
		for i := range v.Len() {
			out = appendUnmodeled(out, v.Index(i), jsonx.AppendPathIndex(path, i))
		}
	case reflect.Struct:
		si := structInfoOf(v.Type())
		// A response read flat was its structure itself: no wrapping key.
		flat := si.flat != nil && v.FieldByIndex(si.flat).Bool()
		for _, f := range si.fields {
			fv := v.Field(f.index)
			if f.members {
				if fv.Len() == 0 {
					continue
				}
				for _, m := range fv.Interface().(wire.Members) {
					if m.Reason == wire.ReasonUnknown {
						out = append(out, Unmodeled{Path: string(jsonx.AppendPathKey(path, m.Name)), Offset: m.Offset})
					}
				}
				continue
			}
			p := path
			if !flat {
				p = jsonx.AppendPathKey(path, f.name)
			}
			out = appendUnmodeled(out, fv, p)
		}
	}
	return out
}
