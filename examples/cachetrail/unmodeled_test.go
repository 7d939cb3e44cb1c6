package main

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/event"
	"github.com/cachetrail/cachetrail/wire"
)

// TestEnvelopeHolds puts a member in each member list of the envelope in
// turn, found by reflection (so that a list added to the library counts
// too), and checks that envelopeHolds sees it, as walk does.
func TestEnvelopeHolds(t *testing.T) {
	assert.False(t, envelopeHolds(&event.Event{}))
	var paths [][]int
	membersPaths(reflect.TypeFor[event.Event](), nil, &paths)
	require.GreaterOrEqual(t, len(paths), 13)
	full := &event.Event{}
	for _, p := range paths {
		fill(reflect.ValueOf(full).Elem(), p, nil)
	}
	assert.False(t, envelopeHolds(full), "every list there, all empty")
	for _, p := range paths {
		ev := &event.Event{}
		fill(reflect.ValueOf(ev).Elem(), p, wire.Members{{Name: "x", Reason: wire.ReasonUnknown, Offset: 1}})
		var gaps []Gap
		walk(reflect.ValueOf(ev).Elem(), nil, &gaps)
		require.Len(t, gaps, 1, "walk finds the member at %v", p)
		assert.True(t, envelopeHolds(ev), "a member at %s", gaps[0].Path)
	}
}

// membersPaths appends the path to each wire.Members field reachable from
// t: field indexes, -1 for the first element of a slice.
func membersPaths(t reflect.Type, prefix []int, out *[][]int) {
	switch t.Kind() {
	case reflect.Pointer:
		membersPaths(t.Elem(), prefix, out)
	case reflect.Slice:
		if t.Elem().Kind() != reflect.Uint8 {
			membersPaths(t.Elem(), append(prefix, -1), out)
		}
	case reflect.Struct:
		if len(prefix) > 10 || strings.HasPrefix(t.PkgPath(), "time") {
			return
		}
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			p := append(slices.Clone(prefix), i)
			if f.Type == membersType {
				*out = append(*out, p)
				continue
			}
			membersPaths(f.Type, p, out)
		}
	}
}

// fill follows path p from v, making the pointers and slices it meets,
// and sets the wire.Members field at its end to m.
func fill(v reflect.Value, p []int, m wire.Members) {
	for _, i := range p {
		for v.Kind() == reflect.Pointer {
			if v.IsNil() {
				v.Set(reflect.New(v.Type().Elem()))
			}
			v = v.Elem()
		}
		if i < 0 {
			if v.Len() == 0 {
				v.Set(reflect.MakeSlice(v.Type(), 1, 1))
			}
			v = v.Index(0)
			continue
		}
		v = v.Field(i)
	}
	if m != nil {
		v.Set(reflect.ValueOf(m))
	}
}
