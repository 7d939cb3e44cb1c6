package main

import (
	"reflect"
	"sort"
	"strconv"
	"strings"

	"github.com/cachetrail/cachetrail/elasticache"
	"github.com/cachetrail/cachetrail/event"
	"github.com/cachetrail/cachetrail/wire"
)

// Gap is one member of a record that the typed model did not capture.
type Gap struct {
	Path   string // dotted JSON path, like "requestParameters.newParam"
	Offset int64  // byte offset of the value in the input
	Reason string // "unknown" (a name the model lacks) or "mismatch" (a value of another JSON type)
}

// Unmodelled returns every member of the event the model did not capture:
// those of the ElastiCache payloads and those of the envelope (a new
// top-level member, a new userIdentity field), in input order.
func Unmodelled(ev *event.Event, a elasticache.Action) []Gap {
	var gaps []Gap
	walk(reflect.ValueOf(ev).Elem(), "", &gaps)
	for _, u := range a.Unmodelled() {
		gaps = append(gaps, Gap{Path: u.Path, Offset: u.Offset, Reason: u.Reason.String()})
	}
	sort.SliceStable(gaps, func(i, j int) bool { return gaps[i].Offset < gaps[j].Offset })
	return gaps
}

var membersType = reflect.TypeFor[wire.Members]()

// walk collects the unmodelled members kept in the Unknown fields of the
// envelope's structs, naming them by their JSON paths. Raw payloads are
// json.RawMessage, a byte slice, and are not entered.
func walk(v reflect.Value, path string, gaps *[]Gap) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			walk(v.Elem(), path, gaps)
		}
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return
		}
		for i := range v.Len() {
			walk(v.Index(i), path+"["+strconv.Itoa(i)+"]", gaps)
		}
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			if f.Type == membersType {
				for _, m := range v.Field(i).Interface().(wire.Members).Unmodelled() {
					*gaps = append(*gaps, Gap{Path: join(path, m.Name), Offset: m.Offset, Reason: m.Reason.String()})
				}
				continue
			}
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "" || name == "-" {
				continue
			}
			walk(v.Field(i), join(path, name), gaps)
		}
	}
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}
