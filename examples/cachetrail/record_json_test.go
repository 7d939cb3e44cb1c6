package main

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/cachetrail/cachetrail/userid"
)

// TestAppendRecordLikeEncodingJSON requires appendRecord to write what
// newEncoder's Encode writes, for strings that need escapes, nil and
// empty lists, pointers, and raw values, and to give up on raw values
// with white space between tokens.
func TestAppendRecordLikeEncodingJSON(t *testing.T) {
	code, msg := "Throttling", "a \"quoted\" <b>&\u2028\u2029 \\ \x00\x01\x1f\x7f\b\f\n\r\t \xff\xfe é 😀"
	yes := true
	strs := []string{"", "plain", msg, "\xed\xa0\x80", "<script>&amp;</script>", "\u2027\u202a"}
	var recs []Record
	for _, s := range strs {
		recs = append(recs, Record{
			Source: s, Index: -3, EventID: s, EventTime: s, EventName: s, AWSRegion: s, AccountID: s,
			Actor:     userid.Person{Type: "IAMUser", Name: s, Principal: s, ConsoleSession: &yes},
			Request:   json.RawMessage(`{"a":"` + "x y\\\"z" + `","b":[1,2.5e3,null,true,{}],"c":"<&>"}`),
			Response:  nil,
			Resources: []Resource{{Type: s, ID: s, ARN: s}, {}},
			Unmodeled: []string{s, "requestParameters.x"},
		})
	}
	recs = append(recs,
		Record{ErrorCode: &code, ErrorMessage: &msg, Resources: []Resource{}, Unmodeled: []string{}},
		Record{Request: json.RawMessage(`[]`), Response: json.RawMessage(`"s"`)},
	)
	var actor actorEncoder
	for i, rec := range recs {
		var want bytes.Buffer
		if err := newEncoder(&want).Encode(rec); err != nil {
			t.Fatal(err)
		}
		got, ok := appendRecord([]byte("prefix"), &rec, &actor)
		if !ok || string(got) != "prefix"+want.String() {
			t.Errorf("record %d: ok %v\n got %s\nwant %s", i, ok, got, want.Bytes())
		}
	}
	for _, raw := range []string{`{"a": 1}`, "[1,\n2]", `{"a":"b"} `, `"unterminated`} {
		rec := Record{Request: json.RawMessage(raw)}
		if got, ok := appendRecord([]byte("x"), &rec, &actor); ok || string(got) != "x" {
			t.Errorf("%q: ok %v, %q", raw, ok, got)
		}
	}
}
