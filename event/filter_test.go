package event_test

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/event"
	"github.com/cachetrail/cachetrail/internal/trailgen"
)

const ecSource = "elasticache.amazonaws.com"

// trickyRecords try to fool the filter's scan of the record's bytes.
var trickyRecords = []string{
	// eventSource after requestParameters, which holds braces in strings
	`{"eventVersion":"1.09","requestParameters":{"note":"}}]]{{\"","list":[{"a":"]"}]},"eventSource":"elasticache.amazonaws.com","eventName":"After"}`,
	// a nested eventSource inside requestParameters must not count
	`{"eventVersion":"1.09","requestParameters":{"eventSource":"elasticache.amazonaws.com"},"eventSource":"s3.amazonaws.com","eventName":"Nested"}`,
	`{"eventVersion":"1.09","eventSource":"s3.amazonaws.com","responseElements":{"x":{"eventSource":"elasticache.amazonaws.com"}},"eventName":"Nested2"}`,
	// escaped quotes and braces in strings
	`{"userAgent":"a\"}{\"eventSource\":\"elasticache.amazonaws.com\"","eventSource":"ec2.amazonaws.com","eventName":"InString"}`,
	`{"userAgent":"a\"}{\"","eventSource":"elasticache.amazonaws.com","eventName":"InString2"}`,
	`{"userAgent":"ends with a backslash\\","eventSource":"elasticache.amazonaws.com","eventName":"Backslash"}`,
	`{"userAgent":"\\\"","eventSource":"elasticache.amazonaws.com","eventName":"Backslash2"}`,
	// escaped names and values compare unescaped
	`{"\u0065ventSource":"elasticache.amazonaws.com","eventName":"EscapedKey"}`,
	`{"eventSource":"elasticache\u002eamazonaws.com","eventName":"EscapedValue"}`,
	`{"eventSource":"elasticache.amazonaws.com\u0000","eventName":"NulSuffix"}`,
	`{"a\"eventSource":"elasticache.amazonaws.com","eventName":"QuoteInKey"}`,
	// duplicates: the last string wins, other types leave it unchanged
	`{"eventSource":"elasticache.amazonaws.com","eventName":"DupLast","eventSource":"ec2.amazonaws.com"}`,
	`{"eventSource":"ec2.amazonaws.com","eventName":"DupLast2","eventSource":"elasticache.amazonaws.com"}`,
	`{"eventSource":"elasticache.amazonaws.com","eventName":"DupNumber","eventSource":5}`,
	`{"eventSource":null,"eventName":"Null"}`,
	`{"eventName":"Absent"}`,
	`{"eventSource" : "elasticache.amazonaws.com" , "eventName" : "Spaces" , }`,
	"{\n\t\"eventSource\":\n\"elasticache.amazonaws.com\",\"eventName\":\"Newlines\"\n}",
	`{"eventSource":"elasticache.amazonaws.com","eventName":"Valid\u00e9UTF8"}`,
	"{\"eventSource\":\"elasticache.amazonaws.com\xff\",\"eventName\":\"BadUTF8\"}",
	`{"eventSource":"ELASTICACHE.amazonaws.com","eventName":"Case"}`,
	`{"eventSource":"elasticache.amazonaws.com","eventName":"Deep","requestParameters":[[[[{"eventSource":"x"}]]]]}`,
}

// mixedTrail returns a trail of generated records with the tricky ones
// spread through it.
func mixedTrail(t testing.TB, n int) []string {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, trailgen.Lines(&b, trailgen.Config{Records: n, ElastiCacheRate: 0.1, Seed: 7}))
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	var out []string
	for i, l := range lines {
		out = append(out, l)
		if i < len(trickyRecords) {
			out = append(out, trickyRecords[i])
		}
	}
	return out
}

type selected struct {
	index int
	json  string
}

// selectFull decodes everything and selects as a caller would.
func selectFull(t *testing.T, data []byte, keep func(*event.Event) bool) []selected {
	t.Helper()
	var out []selected
	for ev, err := range event.NewReader(bytes.NewReader(data)).All() {
		if err == nil && keep(ev) && ev.EventType != "AwsCloudTrailInsight" {
			out = append(out, selected{ev.Origin().Index, marshal(t, ev)})
		}
	}
	return out
}

func selectFiltered(t *testing.T, data []byte, opts ...event.Option) []selected {
	t.Helper()
	var out []selected
	r := event.NewReader(bytes.NewReader(data), opts...)
	for ev, err := range r.All() {
		if err == nil {
			out = append(out, selected{ev.Origin().Index, marshal(t, ev)})
		}
	}
	return out
}

// TestFilterMatchesFullDecode checks that filtering by source and name
// before decoding selects exactly the records a full decode selects, in
// every shape.
func TestFilterMatchesFullDecode(t *testing.T) {
	t.Parallel()
	recs := mixedTrail(t, 400)
	var ebs []string
	for _, r := range recs {
		ebs = append(ebs, eventBridge(r))
	}
	shapes := map[string]string{
		"lines":       strings.Join(recs, "\n"),
		"log":         `{"Records":[` + strings.Join(recs, ",") + `]}`,
		"log.gz":      string(gzipBytes(t, []byte(`{"Records":[`+strings.Join(recs, ",")+`]}`))),
		"array":       `[` + strings.Join(recs, ",") + `]`,
		"eventbridge": strings.Join(ebs, "\n"),
		"cwl":         cwlPayload(t, recs),
	}
	filters := []struct {
		name  string
		opts  []event.Option
		match func(*event.Event) bool
	}{
		{"source", []event.Option{event.WithEventSources(ecSource)},
			func(e *event.Event) bool { return e.EventSource == ecSource }},
		{"two sources", []event.Option{event.WithEventSources(ecSource), event.WithEventSources("s3.amazonaws.com")},
			func(e *event.Event) bool { return e.EventSource == ecSource || e.EventSource == "s3.amazonaws.com" }},
		{"source and names", []event.Option{event.WithEventSources(ecSource), event.WithEventNames("CreateCacheCluster", "After", "EscapedKey")},
			func(e *event.Event) bool {
				return e.EventSource == ecSource && slices.Contains([]string{"CreateCacheCluster", "After", "EscapedKey"}, e.EventName)
			}},
		{"empty source", []event.Option{event.WithEventSources("")},
			func(e *event.Event) bool { return e.EventSource == "" }},
	}
	for name, in := range shapes {
		for _, f := range filters {
			t.Run(name+"/"+f.name, func(t *testing.T) {
				t.Parallel()
				want := selectFull(t, []byte(in), f.match)
				got := selectFiltered(t, []byte(in), f.opts...)
				require.NotEmpty(t, want)
				assert.Equal(t, want, got)
			})
		}
	}
	t.Run("tricky ones", func(t *testing.T) {
		// An array, not lines: a raw newline would end a JSON Lines record.
		in := "[" + strings.Join(trickyRecords, ",") + "]"
		var names []string
		for ev, err := range event.NewReader(strings.NewReader(in), event.WithEventSources(ecSource)).All() {
			require.NotNil(t, ev, "%v", err)
			names = append(names, ev.EventName)
		}
		assert.Equal(t, []string{"After", "InString2", "Backslash", "Backslash2", "EscapedKey", "EscapedValue",
			"DupLast2", "DupNumber", "Spaces", "Newlines", "Validé" + "UTF8", "Deep"}, names)
	})
}

func TestFilterSummary(t *testing.T) {
	t.Parallel()
	recs := mixedTrail(t, 1000)
	r := event.NewReader(strings.NewReader("["+strings.Join(recs, ",")+"]"), event.WithEventSources(ecSource))
	n := 0
	for ev, err := range r.All() {
		require.NotNil(t, ev, "%v", err)
		n++
	}
	sum := r.Summary()
	assert.Equal(t, n, sum.Returned)
	assert.Equal(t, len(recs), sum.Records)
	assert.Equal(t, sum.Records, sum.Returned+sum.Filtered)
	assert.Greater(t, sum.Filtered, sum.Returned)
}
