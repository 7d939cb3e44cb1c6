package event_test

import (
	"encoding/json"
	"errors"
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/cachetrail/cachetrail/event"
)

// FuzzSNSNotification checks ParseSNSNotification on any bytes: no panic;
// errors are *event.DecodeError wrapping ErrSyntax or ErrNotNotification;
// on strict JSON a success gives the bucket and keys encoding/json reads
// (names matched exactly); and the same bytes sent as the Message of an
// SNS envelope give the same result.
func FuzzSNSNotification(f *testing.F) {
	const bare = `{"s3Bucket":"b","s3ObjectKey":["k1","k2"]}`
	for _, s := range []string{
		bare, snsEnvelope(f, bare), snsEnvelope(f, snsEnvelope(f, bare)),
		"\xef\xbb\xbf { \"s3ObjectKey\" : [\"k\",], \"s3Bucket\" : \"b,}\" } ",
		`{"s3Bucket":"b","s3ObjectKey":"k"}`, `{"s3Bucket":1,"s3ObjectKey":[2]}`,
		`{"Type":"Notification","Message":"{\"s3Bucket\":\"b\",\"s3ObjectKey\":[]}"}`,
		`{"S3Bucket":"b","s3ObjectKey":["k"],"s3Bucket":"c"}`,
		`{"Type":"SubscriptionConfirmation","Message":"x"}`, rec("A"), `[]`, `{`, ``,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			return
		}
		bucket, keys, err := event.ParseSNSNotification(data)
		if err != nil {
			de, ok := errors.AsType[*event.DecodeError](err)
			if !ok {
				t.Fatalf("error %T is not a *DecodeError: %v", err, err)
			}
			if !errors.Is(de, event.ErrSyntax) && !errors.Is(de, event.ErrNotNotification) {
				t.Fatalf("error of an unexpected kind: %v", err)
			}
			if bucket != "" || keys != nil {
				t.Fatalf("error with a result: %q %q", bucket, keys)
			}
		}
		msg, merr := json.Marshal(string(data))
		if merr == nil && json.Valid(data) && utf8.Valid(data) { // quoting keeps only valid UTF-8
			envelope := []byte(`{"Type":"Notification","Message":` + string(msg) + `}`)
			b2, k2, err2 := event.ParseSNSNotification(envelope)
			if (err == nil) != (err2 == nil) || b2 != bucket || !slices.Equal(k2, keys) {
				if err != nil || !isEnvelope(data) { // an envelope in an envelope is refused
					t.Fatalf("bare gives %q %q %v; in an envelope %q %q %v", bucket, keys, err, b2, k2, err2)
				}
			}
		}
		if err != nil || !json.Valid(data) {
			return
		}
		var members map[string]json.RawMessage
		if json.Unmarshal(data, &members) != nil {
			t.Fatalf("accepted JSON that is not an object: %s", data)
		}
		var want struct {
			bucket string
			keys   []string
		}
		if json.Unmarshal(members["s3Bucket"], &want.bucket) != nil || json.Unmarshal(members["s3ObjectKey"], &want.keys) != nil {
			return // an envelope
		}
		if want.bucket != bucket || !slices.Equal(want.keys, keys) {
			t.Fatalf("got %q %q, encoding/json says %q %q", bucket, keys, want.bucket, want.keys)
		}
	})
}

// isEnvelope reports whether data, strict JSON, is itself an SNS envelope
// rather than a bare notification.
func isEnvelope(data []byte) bool {
	var m map[string]json.RawMessage
	if json.Unmarshal(data, &m) != nil {
		return false
	}
	_, bucket := m["s3Bucket"]
	_, keys := m["s3ObjectKey"]
	return !(bucket && keys)
}
