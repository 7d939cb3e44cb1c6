package testutil

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"

	"github.com/cachetrail/cachetrail/internal/jsonx"
	"github.com/cachetrail/cachetrail/wire"
)

// The round-trip oracle of the fuzz targets: what cachetrail re-encodes,
// read by encoding/json, equals encoding/json's reading of the input.

// ReadJSON reads one JSON value with encoding/json, numbers as
// json.Number so that they compare by their text, not as float64.
func ReadJSON(data []byte) (any, error) {
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		return nil, err
	}
	if _, err := d.Token(); err != io.EOF {
		return nil, errors.New("data after the value")
	}
	return v, nil
}

// QuirkAt reports whether a quirk of the kind was reported at path.
func QuirkAt(quirks []wire.Quirk, path string, kind wire.QuirkKind) bool {
	for _, q := range quirks {
		if q.Path == path && q.Kind == kind {
			return true
		}
	}
	return false
}

// SameJSON compares in, encoding/json's reading of an input (ReadJSON),
// with out, its reading of cachetrail's re-encoding: objects as maps,
// numbers by their text. It allows exactly the rewrites of the quirks
// reported at a value's path: a string number written as a number
// (string-as-number), "true"/"false" written as a boolean
// (string-as-bool), {} written as [] (empty-object-as-list). path is the
// value's path as quirks give it ("" at the top). It returns the first
// path that differs.
func SameJSON(in, out any, path string, quirks []wire.Quirk) (string, bool) {
	switch in := in.(type) {
	case map[string]any:
		o, ok := out.(map[string]any)
		if !ok {
			l, isList := out.([]any)
			return path, isList && len(in) == 0 && len(l) == 0 && QuirkAt(quirks, path, wire.QuirkEmptyObjectAsList)
		}
		for k := range o {
			if _, ok := in[k]; !ok {
				return join(path, k), false // written but not read
			}
		}
		for k, v := range in {
			ov, ok := o[k]
			if !ok {
				return join(path, k), false
			}
			if p, ok := SameJSON(v, ov, join(path, k), quirks); !ok {
				return p, false
			}
		}
		return "", true
	case []any:
		o, ok := out.([]any)
		if !ok || len(in) != len(o) {
			return path, false
		}
		for i := range in {
			if p, ok := SameJSON(in[i], o[i], string(jsonx.AppendPathIndex([]byte(path), i)), quirks); !ok {
				return p, false
			}
		}
		return "", true
	case string:
		switch o := out.(type) {
		case string:
			return path, in == o
		case json.Number:
			return path, QuirkAt(quirks, path, wire.QuirkStringAsNumber) && sameNumber(string(bytes.TrimSpace([]byte(in))), string(o))
		case bool:
			return path, QuirkAt(quirks, path, wire.QuirkStringAsBool) && in == strconv.FormatBool(o)
		}
		return path, false
	case json.Number:
		o, ok := out.(json.Number)
		return path, ok && sameNumber(string(in), string(o))
	default: // bool, nil
		return path, in == out
	}
}

// sameNumber reports whether number text b is a as written back: the same
// text, or the same integer (an integer member writes -0 as 0). A float
// must keep its text, digits past float64 precision included.
func sameNumber(a, b string) bool {
	if a == b {
		return true
	}
	x, errA := strconv.ParseInt(a, 10, 64)
	y, errB := strconv.ParseInt(b, 10, 64)
	return errA == nil && errB == nil && x == y
}

// join is the path of member key of the value at path, spelled as the
// decoder spells it in quirks.
func join(path, key string) string { return string(jsonx.AppendPathKey([]byte(path), key)) }

// QuirksCapped reports whether quirks were counted past the per-decoder
// cap: their paths are then unknown, so an oracle that allows rewrites
// only at the paths of reported quirks cannot judge the encoding.
func QuirksCapped(quirks []wire.Quirk) bool {
	for _, q := range quirks {
		if q.Repeats > 0 {
			return true
		}
	}
	return false
}
