package elasticache

import (
	"reflect"
	"slices"
	"strings"

	"github.com/cachetrail/cachetrail/internal/jsonx"
	"github.com/cachetrail/cachetrail/wire"
)

// Unmodelled locates one payload member that the typed model did not
// capture.
type Unmodelled struct {
	Path   string      // dotted JSON path, like "requestParameters.someNewParam"
	Offset int64       // byte offset of the value in the original input
	Reason wire.Reason // wire.ReasonUnknown
}

// Unmodelled returns the payload members whose names the typed model does
// not know, such as a parameter AWS added later, in input order. (Values
// of the wrong JSON type are kept raw too, and reported as errors or
// kept-raw quirks.) It walks the Unknown members of the typed payloads on
// each call, so decoding builds no path it may never need; nil when there
// are none.
func (m *meta) Unmodelled() []Unmodelled {
	var out []Unmodelled
	if m.self != nil {
		v := reflect.ValueOf(m.self).Elem()
		for _, p := range [...]struct{ field, path string }{{"Request", "requestParameters"}, {"Response", "responseElements"}} {
			if f := v.FieldByName(p.field); f.IsValid() {
				out = appendUnmodelled(out, f, []byte(p.path))
			}
		}
	}
	out = append(out, m.raw...)
	if len(out) == 0 {
		return nil
	}
	slices.SortStableFunc(out, func(a, b Unmodelled) int { return compareInt64(a.Offset, b.Offset) })
	return out
}

var membersType = reflect.TypeFor[wire.Members]()

// appendUnmodelled appends the members of v's Unknown fields, at any
// depth, whose names the model does not know, naming them by their path
// under path.
func appendUnmodelled(out []Unmodelled, v reflect.Value, path []byte) []Unmodelled {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			out = appendUnmodelled(out, v.Elem(), path)
		}
	case reflect.Slice:
		if v.Type().Elem().Kind() != reflect.Struct {
			return out
		}
		for i := range v.Len() {
			out = appendUnmodelled(out, v.Index(i), jsonx.AppendPathIndex(path, i))
		}
	case reflect.Struct:
		t := v.Type()
		// A response read flat was its structure itself: no wrapping key.
		fv := v.FieldByName("Flat")
		flat := fv.IsValid() && fv.Kind() == reflect.Bool && fv.Bool()
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			if f.Type == membersType {
				for _, m := range v.Field(i).Interface().(wire.Members) {
					if m.Reason == wire.ReasonUnknown {
						out = append(out, Unmodelled{Path: string(jsonx.AppendPathKey(path, m.Name)), Offset: m.Offset, Reason: m.Reason})
					}
				}
				continue
			}
			if name, _, _ := strings.Cut(f.Tag.Get("json"), ","); name != "" && name != "-" {
				p := path
				if !flat {
					p = jsonx.AppendPathKey(path[:len(path):len(path)], name)
				}
				out = appendUnmodelled(out, v.Field(i), p)
			}
		}
	}
	return out
}
