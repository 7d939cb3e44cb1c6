package elasticache_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"slices"
	"strconv"
	"testing"

	"github.com/cachetrail/cachetrail/elasticache"
	"github.com/cachetrail/cachetrail/event"
	"github.com/cachetrail/cachetrail/internal/jsonx"
	"github.com/cachetrail/cachetrail/internal/testutil"
	"github.com/cachetrail/cachetrail/wire"
)

// fuzzRecord splices a requestParameters and a responseElements into an
// ElastiCache record for the operation picked by op (an index into
// Operations; past the end, an operation this version does not know).
func fuzzRecord(op uint8, req, resp []byte) []byte {
	ops := elasticache.Operations()
	name := "FrobnicateCache"
	if int(op) < len(ops) {
		name = ops[op]
	}
	var b bytes.Buffer
	b.WriteString(`{"eventVersion":"1.09","eventSource":"elasticache.amazonaws.com","eventName":`)
	b.WriteString(strconv.Quote(name))
	for _, m := range []struct {
		name string
		raw  []byte
	}{{"requestParameters", req}, {"responseElements", resp}} {
		if len(m.raw) > 0 {
			b.WriteString(`,"` + m.name + `":`)
			b.Write(m.raw)
		}
	}
	b.WriteString("}")
	return b.Bytes()
}

func operationIndex(name string) uint8 {
	for i, op := range elasticache.Operations() {
		if op == name {
			return uint8(i)
		}
	}
	return 255
}

// FuzzDecode checks Decode on fuzzed payloads of a fuzzed operation: it
// never panics and always returns an action; its errors are located
// *event.DecodeError values and never syntax errors (Parse has checked the
// payload's syntax); each payload re-encodes, through RequestJSON and
// ResponseJSON, to JSON equal as a value to the payload as read, except
// where a forgiven quirk was reported (see equalLessQuirks); json.Marshal
// of the typed values equals the payloads, numbers by their text
// (checkTypedRoundTrip); and the re-encoding decodes again to the same
// encoding.
func FuzzDecode(f *testing.F) {
	for _, name := range testutil.Fixtures(f, "seed", "userid", "quirks", "elasticache") {
		data, err := os.ReadFile(testutil.Testdata(name))
		if err != nil {
			f.Fatal(err)
		}
		ev, _ := event.Parse(data)
		if ev == nil || ev.EventSource != elasticache.Source {
			continue
		}
		f.Add(operationIndex(ev.EventName), []byte(ev.RequestParameters), []byte(ev.ResponseElements))
	}
	op := operationIndex("ModifyCacheCluster")
	f.Add(op, []byte(`{"numCacheNodes":"2","applyImmediately":"true","cacheNodeIdsToRemove":{ },"x":[1,],}`), []byte(`null`))
	f.Add(op, []byte(`{"numCacheNodes":1e400,"cacheClusterId":"a","cacheClusterId":"b,}"}`), []byte(`"HIDDEN_DUE_TO_SECURITY_REASONS"`))
	f.Add(op, []byte(`{"numCacheNodes":2.5,"newAvailabilityZones":null,"securityGroupIds":"sg-1"}`), []byte(`[]`))
	f.Add(operationIndex("CreateSnapshot"), []byte(`{"snapshotName":"s"}`), []byte(`{"nodeSnapshots":[{"snapshotCreateTime":1417471566000,"cacheNodeCreateTime":"Dec 1, 2014 10:16:06 PM"}]}`))
	addRoundTripSeeds(f)
	f.Fuzz(func(t *testing.T, op uint8, req, resp []byte) {
		if len(req)+len(resp) > 1<<16 {
			return
		}
		ev, _ := event.Parse(fuzzRecord(op, req, resp))
		if ev == nil || ev.EventSource != elasticache.Source {
			return
		}
		act, err := elasticache.Decode(ev)
		if act == nil {
			t.Fatalf("nil action: %v", err)
		}
		for _, e := range flatten(err) {
			if e == nil {
				continue
			}
			de, ok := errors.AsType[*event.DecodeError](e)
			if !ok {
				t.Fatalf("error %T is not a *event.DecodeError: %v", e, e)
			}
			if errors.Is(de, event.ErrSyntax) {
				t.Fatalf("syntax error in a payload Parse accepted: %v", de)
			}
		}
		_ = printedForms(act, ev, err) // printing never panics
		gotReq := elasticache.RequestJSON(act)
		gotResp := elasticache.ResponseJSON(act)
		checkPayload(t, "requestParameters", ev.RequestParameters, gotReq, act.Quirks())
		checkPayload(t, "responseElements", ev.ResponseElements, gotResp, act.Quirks())
		checkTypedRoundTrip(t, act, "requestParameters", "Request", ev.RequestParameters)
		checkTypedRoundTrip(t, act, "responseElements", "Response", ev.ResponseElements)
		checkRedactedEncoding(t, act)

		ev2, err := event.Parse(fuzzRecord(op, gotReq, gotResp))
		if ev2 == nil {
			t.Fatalf("re-encoded payloads do not parse: %v", err)
		}
		act2, _ := elasticache.Decode(ev2)
		if got := elasticache.RequestJSON(act2); !bytes.Equal(got, gotReq) {
			t.Fatalf("request not a fixed point:\n%s\n%s", gotReq, got)
		}
		if got := elasticache.ResponseJSON(act2); !bytes.Equal(got, gotResp) {
			t.Fatalf("response not a fixed point:\n%s\n%s", gotResp, got)
		}
	})
}

// checkPayload checks one payload's re-encoding: none for an absent or
// null payload or for one kept raw because it is not an object, else JSON
// equal to the payload less quirks.
func checkPayload(t *testing.T, name string, in, out json.RawMessage, quirks []wire.Quirk) {
	t.Helper()
	if len(in) == 0 || string(bytes.TrimSpace(in)) == "null" || testutil.QuirkAt(quirks, name, wire.QuirkKeptRaw) || testutil.QuirkAt(quirks, name, wire.QuirkKeptRawTooDense) {
		if out != nil {
			t.Fatalf("%s: encoding %s for a payload with no typed value %s", name, out, in)
		}
		return
	}
	if !json.Valid(in) {
		t.Fatalf("%s: raw payload on the event is not JSON: %q", name, in)
	}
	if !json.Valid(out) {
		t.Fatalf("%s: encoding is not JSON: %q", name, out)
	}
	if testutil.QuirksCapped(quirks) {
		return // quirks past the cap have no path: the rewrites they allow are unknown
	}
	if path, ok := equalLessQuirks(decodeAny(t, in), decodeAny(t, out), name, quirks); !ok {
		t.Fatalf("%s: encoding differs at %s:\nin:  %s\nout: %s\nquirks: %v", name, path, in, out, quirks)
	}
}

func decodeAny(t *testing.T, data []byte) any {
	t.Helper()
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		t.Fatalf("%v: %s", err, data)
	}
	return v
}

// equalLessQuirks reports whether out, a payload re-encoded from typed
// values, equals in, the payload as read, as JSON values (objects as
// maps, the last of duplicate names winning as in encoding/json; numbers
// compared as float64 when their text differs). It allows exactly the
// rewrites of the quirks reported at the value's path: a string number
// written as a number (string-as-number), "true"/"false" written as a
// boolean (string-as-bool), and {} written as [] (empty-object-as-list).
// Trailing commas, byte order marks and invalid UTF-8 leave no trace in
// the values compared; timestamps keep their text. It returns the first
// path that differs.
func equalLessQuirks(in, out any, path string, quirks []wire.Quirk) (string, bool) {
	switch in := in.(type) {
	case map[string]any:
		o, ok := out.(map[string]any)
		if !ok {
			if s, isList := out.([]any); isList && len(in) == 0 && len(s) == 0 && testutil.QuirkAt(quirks, path, wire.QuirkEmptyObjectAsList) {
				return "", true
			}
			return path, false
		}
		if len(in) != len(o) {
			return path, false
		}
		for k, v := range in {
			ov, ok := o[k]
			if !ok {
				return string(jsonx.AppendPathKey([]byte(path), k)), false
			}
			if p, ok := equalLessQuirks(v, ov, string(jsonx.AppendPathKey([]byte(path), k)), quirks); !ok {
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
			if p, ok := equalLessQuirks(in[i], o[i], string(jsonx.AppendPathIndex([]byte(path), i)), quirks); !ok {
				return p, false
			}
		}
		return "", true
	case json.Number:
		o, ok := out.(json.Number)
		return path, ok && sameNumber(string(in), string(o))
	case string:
		switch o := out.(type) {
		case string:
			return path, in == o
		case json.Number:
			return path, testutil.QuirkAt(quirks, path, wire.QuirkStringAsNumber) && sameNumber(in, string(o))
		case bool:
			return path, testutil.QuirkAt(quirks, path, wire.QuirkStringAsBool) && in == strconv.FormatBool(o)
		}
		return path, false
	default: // bool, nil
		return path, in == out
	}
}

func sameNumber(a, b string) bool {
	if a == b {
		return true
	}
	x, errA := strconv.ParseFloat(a, 64)
	y, errB := strconv.ParseFloat(b, 64)
	return errA == nil && errB == nil && x == y
}

// checkRedactedEncoding checks that Redact writes exactly what
// wire.AppendRedacted makes of the encoding without it, which the encoder
// skips when it can tell that nothing would change.
func checkRedactedEncoding(t *testing.T, act elasticache.Action) {
	t.Helper()
	for _, plain := range [][]elasticache.Option{nil, {elasticache.Normalize()}} {
		redact := append(slices.Clip(plain), elasticache.Redact())
		for _, p := range []struct {
			name string
			enc  func(elasticache.Action, ...elasticache.Option) json.RawMessage
		}{{"request", elasticache.RequestJSON}, {"response", elasticache.ResponseJSON}} {
			var want []byte
			if b := p.enc(act, plain...); b != nil {
				want = wire.AppendRedacted(nil, b)
			}
			if got := p.enc(act, redact...); !bytes.Equal(got, want) {
				t.Fatalf("%s, %d options: redacted encoding\n%s\nis not the encoding redacted\n%s", p.name, len(redact), got, want)
			}
		}
	}
}
