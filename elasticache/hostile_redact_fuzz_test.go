package elasticache_test

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/cachetrail/cachetrail/elasticache"
	"github.com/cachetrail/cachetrail/event"
	"github.com/cachetrail/cachetrail/internal/secrettest"
	"github.com/cachetrail/cachetrail/wire"
)

// FuzzRedact places a fuzzed JSON value, in which every SECRET stands for
// a unique marker, under a sensitive member name (fuzzed too: any case)
// of a sensitive path of a fuzzed operation, and checks the oracle that
// no printed form of the event, the action, its payloads, its errors
// (strict mode included) or its quirks shows the marker, while
// MarshalJSON of the event still holds it.
func FuzzRedact(f *testing.F) {
	for _, s := range []struct {
		key, value string
	}{
		{"authToken", `"SECRET"`}, {"passwords", `["SECRET","SECRET"]`}, {"AuthToken", `{"a":"SECRET"}`},
		{"PASSWORDS", `[{"x":["SECRET"]}]`}, {"passwords", `"SECRET\u0041"`}, {"authToken", `["SECRET",1,]`},
		{"auth\u0054oken", `{"passwords":"SECRET"}`}, {"authToken", `"HIDDEN_DUE_TO_SECURITY_REASONS"`},
	} {
		f.Add(uint8(0), s.key, []byte(s.value), uint32(7))
	}
	paths := secrettest.Paths(f)
	f.Fuzz(func(t *testing.T, pick uint8, key string, value []byte, seed uint32) {
		if len(value) > 1<<12 || len(paths) == 0 {
			return
		}
		if !wire.SensitiveName(key) {
			key = "authToken"
		}
		secret := fmt.Sprintf("Zq%08xQz", seed)
		val := strings.ReplaceAll(string(value), "SECRET", secret)
		if strings.Contains(key, secret) || !strings.Contains(val, secret) {
			return
		}
		p := paths[int(pick)%len(paths)]
		payload := p.Payload(`"neighborParam":"n",` + strconv.Quote(key) + `:` + val)
		ev := secrettest.Event(p.Op, payload, `null`)
		if ev == nil {
			return
		}
		raw, err := ev.MarshalJSON()
		if err != nil || !strings.Contains(string(raw), secret) {
			return // the value did not parse as a value under the name
		}
		act, err := elasticache.Decode(ev)
		if act == nil {
			t.Fatalf("nil action: %v", err)
		}
		_, strictErr := elasticache.Decode(ev, event.Strict())
		if l := leaks(printedForms(act, ev, err, strictErr), secret); len(l) > 0 {
			t.Fatalf("%s: %s prints:\n%s", p, payload, strings.Join(l, "\n"))
		}
	})
}
