package event_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/event"
)

// TestFieldsCoverEvent fails when an Event field has no entry in the field
// table, or the table names a member the struct lacks, so a new envelope
// field cannot reach the schema without its history.
func TestFieldsCoverEvent(t *testing.T) {
	t.Parallel()
	var tagged []string
	typ := reflect.TypeFor[event.Event]()
	for i := range typ.NumField() {
		f := typ.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if !f.IsExported() || name == "" || name == "-" {
			continue
		}
		tagged = append(tagged, name)
	}
	var listed []string
	for _, f := range event.Fields() {
		listed = append(listed, f.Name)
		assert.NotEmpty(t, f.Doc, "%s: Doc", f.Name)
		assert.Equal(t, 1, f.Since.Major, "%s: Since", f.Name)
	}
	assert.Equal(t, tagged, listed, "event.Fields() must list every JSON member of Event, in order")
}

func TestFieldsSince(t *testing.T) {
	t.Parallel()
	for name, want := range map[string]string{
		"eventTime":                    "1.00",
		"requestID":                    "1.01",
		"eventType":                    "1.02",
		"managementEvent":              "1.06",
		"eventCategory":                "1.07",
		"addendum":                     "1.08",
		"tlsDetails":                   "1.08",
		"sessionCredentialFromConsole": "1.08",
		"edgeDeviceDetails":            "1.08",
		"vpcEndpointAccountId":         "1.09",
		"eventContext":                 "1.11",
	} {
		f, ok := event.LookupField(name)
		require.True(t, ok, name)
		assert.Equal(t, want, f.Since.String(), name)
	}
	_, ok := event.LookupField("noSuchField")
	assert.False(t, ok)
}

// TestCarries checks the documented way to ask whether records of a
// version can carry a member: LookupField, then Version.AtLeast.
func TestCarries(t *testing.T) {
	t.Parallel()
	tests := []struct {
		version, field string
		want           bool
	}{
		{"1.08", "tlsDetails", true},
		{"1.07", "tlsDetails", false},
		{"1.10", "vpcEndpointAccountId", true}, // 1.10 is newer than 1.9
		{"1.08", "vpcEndpointAccountId", false},
		{"1.11", "eventContext", true},
		{"1.10", "eventContext", false},
		{"2.00", "eventTime", false}, // another major version promises nothing
		{"1.11", "noSuchField", false},
		{"", "eventTime", false},
		{"x", "eventTime", false},
	}
	for _, tt := range tests {
		ev := &event.Event{EventVersion: tt.version}
		v, ok := ev.Version()
		f, known := event.LookupField(tt.field)
		assert.Equal(t, tt.want, ok && known && v.AtLeast(f.Since), "%s %s", tt.version, tt.field)
	}
}

func TestFieldMaxBytes(t *testing.T) {
	t.Parallel()
	f, ok := event.LookupField("requestParameters")
	require.True(t, ok)
	assert.Equal(t, 100*1024, f.MaxBytes)
	f, ok = event.LookupField("eventID")
	require.True(t, ok)
	assert.Zero(t, f.MaxBytes)

	// Fields returns a copy.
	all := event.Fields()
	all[0].Name = "changed"
	assert.Equal(t, "eventVersion", event.Fields()[0].Name)
}
