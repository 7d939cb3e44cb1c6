package event_test

import (
	"encoding/json"
	"strconv"
	"testing"

	"github.com/cachetrail/cachetrail/event"
)

// FuzzParseKeepsStrings checks that the tolerant front end never changes
// the bytes inside a string: a fuzzed string literal (the bytes between
// the quotes, used as they are when they make a valid JSON string, else
// quoted by encoding/json), placed in a record next to trailing commas it
// must blank, is kept byte for byte in the raw requestParameters, and
// decodes in the envelope to the string encoding/json reads from it.
func FuzzParseKeepsStrings(f *testing.F) {
	for _, s := range []string{
		`,}`, `,]`, `a,}b,]c`, `\",}`, `\\`, `\u002c}`, `\ud83d\ude00`, "\xff,}", "\x00", ` `, ``,
		`Dec 1, 2014 10:16:06 PM`, `{"a":1,}`, `\n`, "\u202f",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 1<<14 {
			return
		}
		lit := `"` + s + `"`
		if !json.Valid([]byte(lit)) {
			lit = strconv.Quote(s) // Go escapes are not all JSON's
			if !json.Valid([]byte(lit)) {
				q, _ := json.Marshal(s)
				lit = string(q)
			}
		}
		var want string
		if err := json.Unmarshal([]byte(lit), &want); err != nil {
			t.Fatalf("literal %s: %v", lit, err)
		}
		rec := `{"eventName":` + lit + `,"requestParameters":{"x":` + lit + `,"y":[` + lit + `,],},"userAgent":` + lit + `,}`
		ev, err := event.Parse([]byte(rec))
		if ev == nil {
			t.Fatalf("record rejected: %v\n%s", err, rec)
		}
		if wantRaw := `{"x":` + lit + `,"y":[` + lit + ` ] }`; string(ev.RequestParameters) != wantRaw {
			t.Fatalf("raw payload changed:\nwant %q\ngot  %q", wantRaw, ev.RequestParameters)
		}
		if ev.EventName != want || ev.UserAgent != want {
			t.Fatalf("string %s decodes to %q and %q, encoding/json says %q", lit, ev.EventName, ev.UserAgent, want)
		}
	})
}
