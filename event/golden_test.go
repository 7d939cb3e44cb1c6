package event_test

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/event"
	"github.com/cachetrail/cachetrail/internal/jsonx"
	"github.com/cachetrail/cachetrail/internal/testutil"
	"github.com/cachetrail/cachetrail/wire"
)

// fixtureDirs are the testdata directories holding single records.
var fixtureDirs = []string{"seed", "userid", "quirks", "elasticache"}

// TestGolden parses every fixture and compares a readable dump of the
// envelope and its canonical re-encoding with <fixture>.event.golden.
func TestGolden(t *testing.T) {
	files := testutil.Fixtures(t, fixtureDirs...)
	require.NotEmpty(t, files, "no fixtures under testdata")
	for _, name := range files {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(testutil.Testdata(name))
			require.NoError(t, err)
			ev, err := event.Parse(data, event.WithOrigin(event.Origin{Source: name, Index: 0}))
			require.NotNil(t, ev, "Parse: %v", err)
			out, merr := ev.MarshalJSON()
			require.NoError(t, merr)
			var b bytes.Buffer
			dump(&b, ev, err)
			b.WriteString("--- re-encoded\n")
			b.Write(testutil.Indent(t, out))
			testutil.Golden(t, strings.TrimSuffix(name, ".json")+".event.golden", b.Bytes())
		})
	}
}

// TestRoundTrip checks that encoding a parsed fixture gives the input's
// JSON value (after forgiving its syntax quirks), unknown members
// included, and that a second round is byte-identical.
func TestRoundTrip(t *testing.T) {
	for _, name := range testutil.Fixtures(t, fixtureDirs...) {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			data, err := os.ReadFile(testutil.Testdata(name))
			require.NoError(t, err)
			ev, _ := event.Parse(data)
			require.NotNil(t, ev)
			out, err := ev.MarshalJSON()
			require.NoError(t, err)

			if !changesValues(ev.Quirks()) {
				if diff := testutil.JSONDiff(t, standardize(t, data), out); diff != "" {
					t.Errorf("round trip mismatch (-input +encoded):\n%s", diff)
				}
			}
			ev2, err := event.Parse(out)
			require.NoError(t, err)
			out2, err := ev2.MarshalJSON()
			require.NoError(t, err)
			assert.Equal(t, string(out), string(out2), "second round trip")
		})
	}
}

// changesValues reports whether a quirk was forgiven by changing a value
// (rather than syntax): then the re-encoding differs from the input there.
func changesValues(qs []wire.Quirk) bool {
	for _, q := range qs {
		switch q.Kind {
		case wire.QuirkStringAsBool, wire.QuirkStringAsNumber, wire.QuirkInvalidUTF8, wire.QuirkDuplicateName:
			if !strings.HasPrefix(q.Path, "requestParameters") && !strings.HasPrefix(q.Path, "responseElements") {
				return true
			}
		}
	}
	return false
}

// standardize returns data as strict JSON: BOM and trailing commas blanked.
func standardize(t *testing.T, data []byte) []byte {
	t.Helper()
	d := jsonx.NewDecoder(string(data), jsonx.Options{})
	d.SkipBOM()
	raw, ok := d.Raw()
	require.True(t, ok, "fixture is not JSON even tolerantly: %v", d.Fatal())
	return []byte(raw)
}

func dump(b *bytes.Buffer, ev *event.Event, err error) {
	p := func(k string, v any) { fmt.Fprintf(b, "%-22s %v\n", k+":", v) }
	p("eventVersion", ev.EventVersion)
	if v, ok := ev.Version(); ok {
		p("version", v)
	}
	p("eventTime", fmt.Sprintf("%s (raw %q, %s)", ev.EventTime.String(), ev.EventTime.Raw(), ev.EventTime.Layout()))
	p("eventSource", ev.EventSource)
	p("eventName", ev.EventName)
	p("awsRegion", ev.AWSRegion)
	addr, ok := ev.SourceAddr()
	if ok {
		p("sourceIPAddress", fmt.Sprintf("%s (address %s)", ev.SourceIPAddress, addr))
	} else {
		p("sourceIPAddress", fmt.Sprintf("%s (not an address)", ev.SourceIPAddress))
	}
	p("userAgent", ev.UserAgent)
	p("userIdentity.type", ev.UserIdentity.Type)
	p("identity variant", fmt.Sprintf("%T", ev.UserIdentity.Variant()))
	p("actor", ev.UserIdentity.Actor())
	p("failed", ev.Failed())
	if ev.Failed() {
		p("errorCode", ev.ErrorCode)
		p("errorMessage", ev.ErrorMessage)
	}
	for _, m := range []string{"requestParameters", "responseElements"} {
		raw := ev.RequestParameters
		if m == "responseElements" {
			raw = ev.ResponseElements
		}
		switch {
		case raw == nil:
			p(m, "absent")
		case string(raw) == "null":
			p(m, "null")
		default:
			p(m, fmt.Sprintf("%d bytes at offset %d", len(raw), ev.Payload(m).Offset))
		}
	}
	if ev.ReadOnly != nil {
		p("readOnly", *ev.ReadOnly)
	}
	if ev.TLSDetails != nil {
		p("tlsVersion", ev.TLSDetails.TLSVersion)
	}
	if !ev.SessionCredentialFromConsole.IsZero() {
		p("fromConsole", ev.SessionCredentialFromConsole.True())
	}
	if len(ev.Unknown) > 0 {
		p("unknown members", strings.Join(ev.Unknown.Names(), ", "))
	}
	for _, q := range ev.Quirks() {
		p("quirk", q)
	}
	if err != nil {
		for _, line := range strings.Split(err.Error(), "\n") {
			p("error", line)
		}
	}
}
