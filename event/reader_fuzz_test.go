package event_test

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/cachetrail/cachetrail/event"
	"github.com/cachetrail/cachetrail/internal/testutil"
)

// shapeNames are the top-level names that make the reader read an item as
// something other than a plain record.
var shapeNames = map[string]bool{
	"Records": true, "detail-type": true, "detail": true, "awslogs": true,
	"messageType": true, "logEvents": true, "digestStartTime": true,
	"digestEndTime": true, "digestS3Object": true, "digestPublicKeyFingerprint": true,
	"digestSignatureAlgorithm": true, "s3Bucket": true, "s3ObjectKey": true,
	"Type": true, "Message": true,
}

// plainRecords returns what Parse gives for each line of data when every
// non-blank line is a record Parse accepts, with none of shapeNames.
func plainRecords(t *testing.T, data []byte) ([]string, bool) {
	var out []string
	for l := range bytes.SplitSeq(data, []byte("\n")) {
		if len(bytes.Trim(l, " \t\r")) == 0 {
			continue
		}
		ev, _ := event.Parse(l)
		if ev == nil {
			return nil, false
		}
		for _, name := range ev.Unknown.Names() {
			if shapeNames[name] {
				return nil, false
			}
		}
		out = append(out, marshal(t, ev))
	}
	return out, len(out) > 0
}

// FuzzReader checks that the reader never panics, that every event it
// returns without error re-encodes to JSON that Parse accepts, that every
// error is located, and that on JSON Lines of records it returns every
// record Parse accepts.
func FuzzReader(f *testing.F) {
	for _, sc := range seedShapes(f) { // every delivery shape
		f.Add(sc.data)
	}
	if data, err := os.ReadFile(testutil.Testdata("shapes", "nonrecords.jsonl")); err == nil {
		f.Add(data) // digest, SNS, control message, Insights
	}
	f.Add([]byte(strings.Join(trickyRecords, "\n")))                            // filter traps
	f.Add([]byte(`{"Records":[` + rec("A") + `, nonsense, ` + rec("B") + `]}`)) // garbage in an array
	f.Add([]byte(rec("A") + "\nnot json\n" + rec("B") + "\n{\"cut"))            // garbage between lines
	f.Add([]byte("\xef\xbb\xbf[1,\"s\",null,{},[]]"))                           // not objects
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			return
		}
		r := event.NewReader(bytes.NewReader(data), event.WithMaxRecordBytes(1<<12), event.WithMaxInputBytes(1<<20))
		var got []string
		n := 0
		for ev, err := range r.All() {
			if n++; n > 1<<16 {
				t.Fatal("too many results")
			}
			if err != nil {
				if _, ok := errors.AsType[*event.DecodeError](err); !ok {
					t.Fatalf("error %T is not a *DecodeError: %v", err, err)
				}
			}
			if ev == nil {
				continue
			}
			out := marshal(t, ev)
			got = append(got, out)
			if err == nil {
				// A reader's record need not have the members that let
				// Parse tell a record ({} in JSON Lines, say).
				if _, err := event.Parse([]byte(out)); err != nil && !errors.Is(err, event.ErrNotRecord) {
					t.Fatalf("re-encoded event does not parse: %v\n%s", err, out)
				}
			}
		}
		sum := r.Summary()
		if sum.Records != sum.Returned+sum.Filtered+sum.Failed+sum.NonRecords[event.SkippedInsight] {
			t.Fatalf("summary does not add up: %+v", sum)
		}
		if len(data) > 1<<12 {
			return // lines may be over the record limit
		}
		if want, ok := plainRecords(t, data); ok {
			if len(got) != len(want) {
				t.Fatalf("reader returned %d records, Parse accepts %d lines", len(got), len(want))
			}
			for i := range want {
				if got[i] != want[i] {
					t.Fatalf("record %d:\nreader: %s\nparse:  %s", i, got[i], want[i])
				}
			}
		}
	})
}
