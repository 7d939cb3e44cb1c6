// Copied from examples/cachetrail/unmodeled.go so that this example builds
// alone in another module; keep the copies in step.

package main

import (
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"

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

// Unmodeled returns every member of the event the model did not capture:
// those of the ElastiCache payloads and those of the envelope (a new
// top-level member, a new userIdentity field), in input order.
func Unmodeled(ev *event.Event, a elasticache.Action) []Gap {
	var gaps []Gap
	if envelopeHolds(ev) {
		walk(reflect.ValueOf(ev).Elem(), make([]byte, 0, 64), &gaps)
	}
	for _, u := range a.Unmodeled() {
		gaps = append(gaps, Gap{Path: u.Path, Offset: u.Offset, Reason: wire.ReasonUnknown.String()})
	}
	sort.SliceStable(gaps, func(i, j int) bool { return gaps[i].Offset < gaps[j].Offset })
	return gaps
}

// envelopeHolds reports whether any member list of ev's envelope holds a
// member: only then may walk find one, and most events have none. It
// reads the lists themselves, where the walk's reflection costs some
// 6,000 instructions an event. TestEnvelopeHolds (examples/cachetrail)
// checks that it reads every list walk does.
func envelopeHolds(ev *event.Event) bool {
	id := &ev.UserIdentity
	if len(ev.Unknown) > 0 || len(id.Unknown) > 0 ||
		ev.TLSDetails != nil && len(ev.TLSDetails.Unknown) > 0 ||
		ev.Addendum != nil && len(ev.Addendum.Unknown) > 0 ||
		id.OnBehalfOf != nil && len(id.OnBehalfOf.Unknown) > 0 ||
		id.InScopeOf != nil && len(id.InScopeOf.Unknown) > 0 ||
		id.InvokedByDelegate != nil && len(id.InvokedByDelegate.Unknown) > 0 {
		return true
	}
	if c := id.SessionContext; c != nil {
		if len(c.Unknown) > 0 ||
			c.Attributes != nil && len(c.Attributes.Unknown) > 0 ||
			c.SessionIssuer != nil && len(c.SessionIssuer.Unknown) > 0 ||
			c.WebIDFederationData != nil && (len(c.WebIDFederationData.Unknown) > 0 || len(c.WebIDFederationData.Attributes) > 0) {
			return true
		}
	}
	for i := range ev.Resources {
		if len(ev.Resources[i].Unknown) > 0 {
			return true
		}
	}
	return false
}

var membersType = reflect.TypeFor[wire.Members]()

// field is a field of a struct that walk reads: a wire.Members, or one
// with a JSON name that it enters.
type field struct {
	index   int
	name    string // the JSON name
	members bool   // a wire.Members, holding members the model lacks
}

// fieldCache holds each struct type's fields for walk, found once: -json
// walks every event.
var fieldCache sync.Map // reflect.Type: []field

func fieldsOf(t reflect.Type) []field {
	if fs, ok := fieldCache.Load(t); ok {
		return fs.([]field)
	}
	var fs []field
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		if f.Type == membersType {
			fs = append(fs, field{index: i, members: true})
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "" || name == "-" || !mayHold(f.Type) {
			continue
		}
		fs = append(fs, field{index: i, name: name})
	}
	fieldCache.Store(t, fs)
	return fs
}

// mayHold reports whether walk may find members in a field of type t:
// not in a scalar, nor in a struct with no exported field (wire.Time).
// Most of the envelope's fields are strings; skipping them halves the walk.
func mayHold(t reflect.Type) bool {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Interface:
		return true
	case reflect.Struct:
		for i := range t.NumField() {
			if t.Field(i).IsExported() {
				return true
			}
		}
	}
	return false
}

// walk collects the unmodeled members kept in the Unknown fields of the
// envelope's structs, naming them by their JSON paths. Raw payloads are
// json.RawMessage, a byte slice, and are not entered. path is reused: a
// gap copies it.
func walk(v reflect.Value, path []byte, gaps *[]Gap) {
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
			walk(v.Index(i), append(strconv.AppendInt(append(path, '['), int64(i), 10), ']'), gaps)
		}
	case reflect.Struct:
		for _, f := range fieldsOf(v.Type()) {
			fv := v.Field(f.index)
			if !f.members {
				walk(fv, join(path, f.name), gaps)
				continue
			}
			if fv.Len() == 0 {
				continue
			}
			for _, m := range fv.Interface().(wire.Members).Unmodeled() {
				*gaps = append(*gaps, Gap{Path: string(join(path, m.Name)), Offset: m.Offset, Reason: m.Reason.String()})
			}
		}
	}
}

func join(path []byte, name string) []byte {
	if len(path) > 0 {
		path = append(path, '.')
	}
	return append(path, name...)
}
