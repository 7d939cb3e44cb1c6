package event_test

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/cachetrail/cachetrail/event"
	"github.com/cachetrail/cachetrail/internal/testutil"
)

// FuzzParse checks Parse on any bytes: no panic; an event that parses
// re-encodes to JSON that parses to the same encoding; on strict JSON the
// envelope strings agree with encoding/json; and the re-encoding equals
// the input as encoding/json reads them (checkRoundTrip).
func FuzzParse(f *testing.F) {
	for _, name := range testutil.Fixtures(f, fixtureDirs...) {
		data, err := os.ReadFile(testutil.Testdata(name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(seedRecord))
	f.Add([]byte(`{"eventTime":1417471566000,"readOnly":"true","userIdentity":{"type":"X"},"resources":[{"ARN":"a"},]}`))
	for _, s := range roundTripSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<20 {
			return
		}
		ev, err := event.Parse(data)
		if ev == nil {
			if err == nil {
				t.Fatal("nil event without error")
			}
			return
		}
		out, merr := ev.MarshalJSON()
		if merr != nil {
			t.Fatal(merr)
		}
		checkRoundTrip(t, data, ev)
		if !json.Valid(out) {
			t.Fatalf("encoding is not JSON: %s", out)
		}
		ev2, err2 := event.Parse(out)
		if ev2 == nil {
			t.Fatalf("re-parse failed: %v\n%s", err2, out)
		}
		out2, _ := ev2.MarshalJSON()
		if string(out) != string(out2) {
			t.Fatalf("not a fixed point:\n%s\n%s", out, out2)
		}
		if err != nil || !json.Valid(data) {
			return
		}
		// encoding/json matches names case-insensitively; CloudTrail's are
		// exact, so compare member by member.
		var members map[string]json.RawMessage
		if json.Unmarshal(data, &members) != nil {
			return
		}
		for name, got := range map[string]string{"eventName": ev.EventName, "eventSource": ev.EventSource, "awsRegion": ev.AWSRegion} {
			var want string
			if raw, ok := members[name]; ok && json.Unmarshal(raw, &want) == nil && want != got {
				t.Fatalf("%s: %q, encoding/json says %q", name, got, want)
			}
		}
	})
}
