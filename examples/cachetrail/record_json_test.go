package main

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/userid"
)

// TestAppendRecordLikeEncodingJSON requires appendRecord to write what
// newEncoder's Encode writes, for strings that need escapes, nil and
// empty lists, pointers, raw values, and an actor with every member set
// (by reflection, so that a member added to Person counts too) or none.
func TestAppendRecordLikeEncodingJSON(t *testing.T) {
	code, msg := "Throttling", "a \"quoted\" <b>&\u2028\u2029 \\ \x00\x01\x1f\x7f\b\f\n\r\t \xff\xfe é 😀"
	strs := []string{"", "plain", msg, "\xed\xa0\x80", "<script>&amp;</script>", "\u2027\u202a"}
	var recs []Record
	for i, s := range strs {
		recs = append(recs, Record{
			Source: s, Index: -3, EventID: s, EventTime: s, EventName: s, AWSRegion: s, AccountID: s,
			Actor:     fullPerson(t, s, i%2 == 0),
			Request:   json.RawMessage(`{"a":"` + "x y\\\"z" + `","b":[1,2.5e3,null,true,{}],"c":"<&>"}`),
			Response:  nil,
			Resources: []Resource{{Type: s, ID: s, ARN: s}, {}},
			Unmodeled: []string{s, "requestParameters.x"},
		})
	}
	recs = append(recs,
		Record{ErrorCode: &code, ErrorMessage: &msg, Resources: []Resource{}, Unmodeled: []string{}},
		Record{Request: json.RawMessage(`[]`), Response: json.RawMessage(`"s"`)},
		Record{Actor: userid.Person{Name: "n", MFA: new(false)}},
	)
	for i, rec := range recs {
		var want bytes.Buffer
		if err := newEncoder(&want).Encode(rec); err != nil {
			t.Fatal(err)
		}
		if got := appendRecord([]byte("prefix"), &rec); string(got) != "prefix"+want.String() {
			t.Errorf("record %d:\n got %s\nwant %s", i, got, want.Bytes())
		}
	}
}

// fullPerson returns a Person with every string member s (when s is not
// empty) and every *bool member pointing to b.
func fullPerson(t *testing.T, s string, b bool) userid.Person {
	var p userid.Person
	v := reflect.ValueOf(&p).Elem()
	for i := range v.NumField() {
		switch f := v.Field(i); f.Kind() {
		case reflect.String:
			f.SetString(s)
		case reflect.Pointer:
			f.Set(reflect.ValueOf(&b))
		default:
			t.Fatalf("Person.%s: a %s, which appendActor does not write", v.Type().Field(i).Name, f.Kind())
		}
	}
	return p
}

// TestCompactJSON requires compactJSON to reject white space between
// tokens and an unterminated string, and to accept white space in strings.
func TestCompactJSON(t *testing.T) {
	for raw, want := range map[string]bool{
		``: true, `{"a":1}`: true, `{"a b":" \t"}`: true, `"x\"y"`: true, `[1,{}]`: true,
		`{"a": 1}`: false, "[1,\n2]": false, `{"a":"b"} `: false, `"unterminated`: false, `"a\" b`: false,
	} {
		assert.Equal(t, want, compactJSON([]byte(raw)), "%q", raw)
	}
}

// TestAppendJSONStringLikeEncodingJSON compares appendJSONString with
// newEncoder's output on random strings of the bytes it treats apart
// among plain ones, at every length up to 40 and so at every position of
// the 8-byte steps.
func TestAppendJSONStringLikeEncodingJSON(t *testing.T) {
	pieces := []string{"\"", "\\", "\n", "\b", "\f", "\x00", "\x1f", "\x7f", "\x80", "\xff", " ", "<&>",
		"é", "\u2028", "\u2029", "\u202e", "😀", "\xe2\x80"}
	r := rand.New(rand.NewPCG(5, 6))
	var want bytes.Buffer
	enc := newEncoder(&want)
	for range 20000 {
		var s []byte
		for n := r.IntN(41); len(s) < n; {
			if r.IntN(3) == 0 {
				s = append(s, pieces[r.IntN(len(pieces))]...)
			} else {
				s = append(s, 'a'+byte(r.IntN(26)))
			}
		}
		want.Reset()
		require.NoError(t, enc.Encode(string(s)))
		if got := appendJSONString(nil, string(s)); string(got)+"\n" != want.String() {
			t.Fatalf("appendJSONString(%q) = %s, want %s", s, got, want.Bytes())
		}
	}
}
