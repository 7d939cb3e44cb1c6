package jsonx

import (
	"encoding/json"
	"strings"
	"testing"
)

var fuzzSeeds = []string{
	`{"name":"a",}`,                                    // trailing comma in an object
	`{"nodes":["1","2",]}`,                             // trailing comma in a list
	`{"nodes":{ }}`,                                    // {} for a list
	`{"name":"a,}b,]"}`,                                // commas inside a string must stay
	"\xef\xbb\xbf{\"name\":\"x\"}",                     // byte order mark
	`{"endpoints":[{"port":"6379"}],"apply":"true"}`,   // numbers and booleans as strings
	`{"primary":{"port":2.5},"size":1e400}`,            // out of range
	`{"other":{"a":[1,{"b":null},],},"name":"\u00e9"}`, // nested unknown with quirks
	`[[[[[[[[]]]]]]]]`, `"\ud83d\ude00"`, `-0.5e-3`, `{"a":1}{"b":2}`, `{`, `{"a"`, "",
}

// FuzzRaw checks the tolerant front end: it accepts all valid JSON
// unchanged, its output is always valid JSON, and it changes no byte
// except the trailing commas it blanks.
func FuzzRaw(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 1<<16 {
			return
		}
		d := NewDecoder(s, Options{})
		d.SkipBOM()
		d.skipWS()
		start := d.pos
		raw, ok := d.Raw()
		if ok {
			d.Finish()
		}
		valid := json.Valid([]byte(s))
		if valid && (!ok || d.Fatal() != nil) {
			t.Fatalf("valid JSON rejected: %v", d.Err())
		}
		if !ok {
			return
		}
		if !json.Valid([]byte(raw)) {
			t.Fatalf("output is not JSON: %q", raw)
		}
		orig := s[start : start+len(raw)]
		for i := range len(raw) {
			if raw[i] != orig[i] && !(orig[i] == ',' && raw[i] == ' ') {
				t.Fatalf("byte %d changed: %q -> %q", i, orig, raw)
			}
		}
		if valid && strings.TrimSpace(raw) != strings.TrimSpace(strings.TrimPrefix(s, "\xef\xbb\xbf")) {
			t.Fatalf("valid JSON changed: %q -> %q", s, raw)
		}
	})
}

// FuzzDecode checks typed decoding: no panic, and a decode that succeeds
// re-encodes to JSON that decodes to the same encoding (a fixed point).
func FuzzDecode(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 1<<16 {
			return
		}
		d := NewDecoder(s, Options{})
		var g group
		if g.decode(d) != OK || d.Fatal() != nil {
			return
		}
		out := encodeGroup(&g)
		if !json.Valid([]byte(out)) {
			t.Fatalf("encoding is not JSON: %s", out)
		}
		d2 := NewDecoder(out, Options{})
		var g2 group
		if st := g2.decode(d2); st != OK || d2.Fatal() != nil {
			t.Fatalf("re-decode failed: %v %v\n%s", st, d2.Err(), out)
		}
		if len(d2.Errors()) != len(d.Errors()) {
			t.Fatalf("errors changed: %v -> %v", d.Errors(), d2.Errors())
		}
		if out2 := encodeGroup(&g2); out2 != out {
			t.Fatalf("not a fixed point:\n%s\n%s", out, out2)
		}
	})
}
