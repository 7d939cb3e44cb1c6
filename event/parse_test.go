package event_test

import (
	"errors"
	"net/netip"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/event"
	"github.com/cachetrail/cachetrail/internal/testutil"
	"github.com/cachetrail/cachetrail/wire"
)

func readFixture(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(testutil.Testdata(name))
	require.NoError(t, err)
	return data
}

func TestParseSeedCreateCacheCluster(t *testing.T) {
	t.Parallel()
	data := readFixture(t, "seed/create_cache_cluster.json")
	ev, err := event.Parse(data)
	require.NoError(t, err)
	assert.Equal(t, "CreateCacheCluster", ev.EventName)
	assert.Equal(t, "IAMUser", string(ev.UserIdentity.Type))
	assert.Equal(t, "elasticache-allow", ev.UserIdentity.UserName)
	assert.Equal(t, time.Date(2014, 12, 1, 22, 0, 35, 0, time.UTC), ev.EventTime.Time())
	assert.Equal(t, "us-west-2", ev.AWSRegion)
	assert.Equal(t, "1.01", ev.EventVersion)
	assert.False(t, ev.Failed())

	// The seed's quirks: the trailing comma in requestParameters and the
	// leading-zero source address.
	var kinds []wire.QuirkKind
	for _, q := range ev.Quirks() {
		kinds = append(kinds, q.Kind)
	}
	assert.ElementsMatch(t, []wire.QuirkKind{wire.QuirkNonCanonicalIP, wire.QuirkTrailingComma}, kinds)
	for _, q := range ev.Quirks() {
		if q.Kind == wire.QuirkTrailingComma {
			assert.Equal(t, "requestParameters", q.Path)
			assert.Equal(t, byte(','), data[q.Offset], "offset points at the comma")
		}
	}
	addr, ok := ev.SourceAddr()
	require.True(t, ok)
	assert.Equal(t, netip.MustParseAddr("192.0.2.1"), addr)
	assert.Equal(t, "192.0.2.01", ev.SourceIPAddress, "the text is kept")

	// requestParameters stays raw, valid JSON, offset exact.
	off := ev.Payload("requestParameters").Offset
	assert.Equal(t, byte('{'), data[off])
}

func TestParseSeedDescribeHasNullResponse(t *testing.T) {
	t.Parallel()
	ev, err := event.Parse(readFixture(t, "seed/describe_cache_clusters.json"))
	require.NoError(t, err)
	assert.Equal(t, "null", string(ev.ResponseElements), "null is kept as null")
	assert.Nil(t, ev.AdditionalEventData, "absent stays nil")
}

func TestStrictReportsEveryQuirk(t *testing.T) {
	t.Parallel()
	data := readFixture(t, "seed/create_cache_cluster.json")
	ev, err := event.Parse(data, event.Strict())
	require.NotNil(t, ev, "strict mode still decodes")
	require.Error(t, err)
	assert.True(t, errors.Is(err, event.ErrQuirk))
	msg := err.Error()
	assert.Contains(t, msg, "requestParameters: forgiven trailing-comma (before }) at offset ")
	assert.Contains(t, msg, `sourceIPAddress: forgiven non-canonical-ip ("192.0.2.01") at offset `)
	var de *event.DecodeError
	require.True(t, errors.As(err, &de))
	assert.Equal(t, event.ErrQuirk, de.Err)
}

func TestParseErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		input  string
		want   string
		kind   error
		hasEv  bool
		record int
	}{
		{"empty", "", "event: empty input, want a record object at offset 0", event.ErrNotRecord, false, -1},
		{"whitespace", " \n\t", "event: empty input, want a record object at offset 3", event.ErrNotRecord, false, -1},
		{"null", "null", "event: got null, want a record object at offset 0", event.ErrNotRecord, false, -1},
		{"array", "[1,2]", "event: got an array, want a record object at offset 0", event.ErrNotRecord, false, -1},
		{"string", `"x"`, "event: got a string, want a record object at offset 0", event.ErrNotRecord, false, -1},
		{"truncated", `{"eventVersion":"1.08","eventName":"X"`, "event: unexpected end of input in object at offset 38", event.ErrSyntax, false, -1},
		{"unbalanced", `{"eventVersion":"1.08"}}`, "event: unexpected '}' after the value at offset 23", event.ErrSyntax, false, -1},
		{"wrong type", `{"eventName":7,"awsRegion":"us-east-1"}`, `event: eventName: want string, got number "7" at offset 13`, event.ErrType, true, -1},
		{"bad time", `{"eventTime":"Smarch 1, 2014"}`, `event: eventTime: want timestamp, got string "Smarch 1, 2014" at offset 13`, event.ErrType, true, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ev, err := event.Parse([]byte(tt.input))
			require.Error(t, err)
			assert.Equal(t, tt.want, err.Error())
			assert.True(t, errors.Is(err, tt.kind), "errors.Is %v", tt.kind)
			assert.Equal(t, tt.hasEv, ev != nil)
			var de *event.DecodeError
			require.True(t, errors.As(err, &de))
			assert.Equal(t, tt.record, de.Record)
		})
	}
}

func TestWrongTypeKeepsValueAndRecord(t *testing.T) {
	t.Parallel()
	ev, err := event.Parse([]byte(`{"eventName":7,"awsRegion":"us-east-1"}`))
	require.Error(t, err)
	require.NotNil(t, ev)
	assert.Equal(t, "us-east-1", ev.AWSRegion)
	raw, ok := ev.Unknown.Get("eventName")
	require.True(t, ok)
	assert.Equal(t, "7", string(raw))
	out, _ := ev.MarshalJSON()
	assert.JSONEq(t, `{"eventName":7,"awsRegion":"us-east-1"}`, string(out))
}

func TestErrorNamesSourceAndRecord(t *testing.T) {
	t.Parallel()
	_, err := event.Parse([]byte(`{"eventName":7}`), event.WithOrigin(event.Origin{Source: "trail.json.gz", Index: 3, Offset: 500}))
	require.Error(t, err)
	assert.Equal(t, `event: trail.json.gz: record 3: eventName: want string, got number "7" at offset 513`, err.Error())
}

func TestPresenceSurvivesRoundTrip(t *testing.T) {
	t.Parallel()
	in := `{"eventVersion":"1.08","errorCode":"","readOnly":false,"managementEvent":true,"requestParameters":null}`
	ev, err := event.Parse([]byte(in))
	require.NoError(t, err)
	require.NotNil(t, ev.ReadOnly)
	assert.False(t, *ev.ReadOnly)
	out, err := ev.MarshalJSON()
	require.NoError(t, err)
	assert.JSONEq(t, in, string(out))
}

func TestVersion(t *testing.T) {
	t.Parallel()
	v9, err := event.ParseVersion("1.09")
	require.NoError(t, err)
	v10, err := event.ParseVersion("1.10")
	require.NoError(t, err)
	assert.True(t, v10.AtLeast(v9), "1.10 is newer than 1.9")
	assert.False(t, v9.AtLeast(v10))
	assert.False(t, (event.Version{Major: 2}).AtLeast(v9), "another major version")
	assert.Equal(t, "1.09", v9.String())
	for _, bad := range []string{"", "1", "1.x", "a.1", "1.-1"} {
		_, err := event.ParseVersion(bad)
		assert.Error(t, err, bad)
	}
}

func TestSourceAddr(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want string // "" when not an address
	}{
		{"192.0.2.1", "192.0.2.1"},
		{"192.0.2.01", "192.0.2.1"},
		{"2001:db8::1", "2001:db8::1"},
		{"elasticache.amazonaws.com", ""},
		{"AWS Internal", ""},
		{"192.0.2.256", ""},
		{"1.2.3", ""},
		{"", ""},
	}
	for _, tt := range tests {
		ev := &event.Event{SourceIPAddress: tt.in}
		a, ok := ev.SourceAddr()
		if tt.want == "" {
			assert.False(t, ok, tt.in)
			continue
		}
		assert.True(t, ok, tt.in)
		assert.Equal(t, tt.want, a.String())
	}
}

func TestMustParsePanics(t *testing.T) {
	t.Parallel()
	assert.Panics(t, func() { event.MustParse("{") })
	ev := event.MustParse(`{"eventName":"X"}`)
	assert.True(t, strings.EqualFold(ev.EventName, "x"))
}
