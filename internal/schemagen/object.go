package schemagen

import (
	"bytes"
	"encoding/json"
	"regexp"
)

// Object is a JSON object that keeps its members in insertion order, so
// generated documents read in model order and diff stably.
type Object struct {
	keys []string
	vals map[string]any
}

// obj returns an Object holding the given key, value pairs.
func obj(kv ...any) *Object {
	o := &Object{vals: map[string]any{}}
	for i := 0; i+1 < len(kv); i += 2 {
		o.Set(kv[i].(string), kv[i+1])
	}
	return o
}

// Set adds or replaces a member; a replaced member keeps its position.
func (o *Object) Set(key string, v any) *Object {
	if _, ok := o.vals[key]; !ok {
		o.keys = append(o.keys, key)
	}
	o.vals[key] = v
	return o
}

// Get returns the member called key, or nil.
func (o *Object) Get(key string) any { return o.vals[key] }

// MarshalJSON writes the members in order.
func (o *Object) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, k := range o.keys {
		if i > 0 {
			b.WriteByte(',')
		}
		kb, err := marshal(k)
		if err != nil {
			return nil, err
		}
		b.Write(kb)
		b.WriteByte(':')
		vb, err := marshal(o.vals[k])
		if err != nil {
			return nil, err
		}
		b.Write(vb)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// marshal encodes v without escaping <, > and &.
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// document returns o as an indented JSON document ending in a newline.
func document(o *Object) ([]byte, error) {
	raw, err := marshal(o)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := json.Indent(&b, raw, "", "  "); err != nil {
		return nil, err
	}
	b.WriteByte('\n')
	return scalarArray.ReplaceAllFunc(b.Bytes(), joinArray), nil
}

// scalarArray matches an indented array whose elements are all scalars.
var scalarArray = regexp.MustCompile(`\[\n(?:[ ]*(?:"(?:[^"\\\n]|\\.)*"|-?[0-9][0-9.eE+-]*|null|true|false),?\n)+[ ]*\]`)

// joinArray writes a scalar array on one line.
func joinArray(m []byte) []byte {
	var out []byte
	for line := range bytes.Lines(m) {
		t := bytes.TrimSpace(line)
		out = append(out, t...)
		if bytes.HasSuffix(t, []byte(",")) {
			out = append(out, ' ')
		}
	}
	return out
}
