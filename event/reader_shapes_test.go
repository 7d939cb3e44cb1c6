package event_test

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/event"
	"github.com/cachetrail/cachetrail/internal/testutil"
)

// seedLines returns the three records of the AWS ElastiCache CloudTrail
// page, in its order, each on one line as the page prints it (trailing
// comma and all).
func seedLines(t testing.TB) []string {
	t.Helper()
	var lines []string
	for _, name := range []string{"create_cache_cluster", "describe_cache_clusters", "modify_cache_cluster"} {
		data, err := os.ReadFile(testutil.Testdata("seed", name+".json"))
		require.NoError(t, err)
		line := strings.TrimSpace(string(data))
		require.NotContains(t, line, "\n")
		lines = append(lines, line)
	}
	return lines
}

func gzipBytes(t testing.TB, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	_, err := zw.Write(data)
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	return b.Bytes()
}

func quoteJSON(t testing.TB, s string) string {
	t.Helper()
	q, err := json.Marshal(s)
	require.NoError(t, err)
	return string(q)
}

func eventBridge(rec string) string {
	return `{"version":"0","id":"2a5a8ff4-0000-4000-8000-000000000000","detail-type":"AWS API Call via CloudTrail","source":"aws.elasticache","account":"123456789012","time":"2014-12-01T22:00:35Z","region":"us-west-2","resources":[],"detail":` + rec + `}`
}

func cwlPayload(t testing.TB, recs []string) string {
	var evs []string
	for i, rec := range recs {
		evs = append(evs, fmt.Sprintf(`{"id":"3800000000000000000000000000000000000000000000000000000%d","timestamp":1417471235000,"message":%s}`, i, quoteJSON(t, rec)))
	}
	return `{"messageType":"DATA_MESSAGE","owner":"123456789012","logGroup":"aws-cloudtrail-logs-123456789012","logStream":"123456789012_CloudTrail_us-west-2","subscriptionFilters":["elasticache"],"logEvents":[` + strings.Join(evs, ",") + `]}`
}

func awslogs(t testing.TB, payload string) string {
	return `{"awslogs":{"data":"` + base64.StdEncoding.EncodeToString(gzipBytes(t, []byte(payload))) + `"}}`
}

func snsEnvelope(t testing.TB, msg string) string {
	return `{"Type":"Notification","MessageId":"8e5c1b2a-0000-4000-8000-00000000000a","TopicArn":"arn:aws:sns:us-west-2:123456789012:ct","Message":` + quoteJSON(t, msg) + `,"Timestamp":"2014-12-01T22:00:36.000Z"}`
}

type shapeCase struct {
	name string
	data []byte
}

// seedShapes delivers the three seed records in every shape the reader
// reads; each must yield the same three events.
func seedShapes(t testing.TB) []shapeCase {
	l := seedLines(t)
	log := `{"Records":[` + strings.Join(l, ",") + "]}\n"
	var ebLines, ebItems, snsLines []string
	for _, rec := range l {
		ebLines = append(ebLines, eventBridge(rec))
		ebItems = append(ebItems, eventBridge(rec))
		snsLines = append(snsLines, snsEnvelope(t, eventBridge(rec)))
	}
	control := `{"messageType":"CONTROL_MESSAGE","owner":"CloudwatchLogs","logGroup":"","logStream":"","subscriptionFilters":[],"logEvents":[{"id":"","timestamp":1417471200000,"message":"CWL CONTROL MESSAGE: Checking health of destination Firehose."}]}`
	return []shapeCase{
		{"log", []byte(log)},
		{"log-gzip", gzipBytes(t, []byte(log))},
		{"log-records-not-first", []byte(`{"note":{"a":["]","}",{"Records":[1]}]},"Records":[` + "\n" + strings.Join(l, ",\n") + "\n" + `],"trailer":"]}"}`)},
		{"log-concatenated-gzip", append(gzipBytes(t, []byte(`{"Records":[`+l[0]+`]}`)), gzipBytes(t, []byte(`{"Records":[`+l[1]+","+l[2]+`]}`))...)},
		{"array-of-logs", []byte(`[{"Records":[` + l[0] + `,` + l[1] + `]},{"Records":[]},{"Records":[` + l[2] + `]}]`)},
		{"lines", []byte(strings.Join(l, "\n") + "\n")},
		{"lines-crlf-bom", []byte("\xef\xbb\xbf" + strings.Join(l, "\r\n") + "\r\n")},
		{"lines-gzip", gzipBytes(t, []byte(strings.Join(l, "\n")))},
		{"concatenated", []byte(strings.Join(l, ""))},
		{"array", []byte("[\n" + strings.Join(l, ",\n") + "\n]\n")},
		{"single-record", nil}, // filled below
		{"eventbridge-lines", []byte(strings.Join(ebLines, "\n") + "\n")},
		{"eventbridge-array", []byte("[" + strings.Join(ebItems, ",") + "]")},
		{"cwl-decoded", []byte(cwlPayload(t, l))},
		{"cwl-awslogs", []byte(awslogs(t, cwlPayload(t, l)))},
		{"cwl-firehose-gzip", gzipBytes(t, []byte(control+cwlPayload(t, l[:2])+cwlPayload(t, l[2:])))},
		{"sns-eventbridge", []byte(strings.Join(snsLines, "\n"))},
	}
}

// result is one thing a Reader produced, in order.
type result struct {
	ev   *event.Event
	err  error
	skip *event.Skipped
}

func readAll(t testing.TB, data []byte, opts ...event.Option) ([]result, event.Summary) {
	t.Helper()
	var out []result
	opts = append(opts, event.WithSkipped(func(s event.Skipped) { out = append(out, result{skip: &s}) }))
	r := event.NewReader(bytes.NewReader(data), opts...)
	for ev, err := range r.All() {
		out = append(out, result{ev: ev, err: err})
		require.Less(t, len(out), 1<<20, "runaway reader")
	}
	ev, err := r.Next()
	require.Nil(t, ev)
	require.Equal(t, io.EOF, err, "Next after the end")
	return out, r.Summary()
}

// render writes the results and summary as reviewable text.
func render(res []result, sum event.Summary) string {
	var b strings.Builder
	for _, x := range res {
		switch {
		case x.skip != nil:
			fmt.Fprintf(&b, "skipped %s at offset %d", x.skip.Kind, x.skip.Origin.Offset)
			if x.skip.Origin.Index >= 0 {
				fmt.Fprintf(&b, " (record %d)", x.skip.Origin.Index)
			}
			if x.skip.Bucket != "" {
				fmt.Fprintf(&b, " bucket=%s keys=%q", x.skip.Bucket, x.skip.Keys)
			}
			b.WriteString("\n")
		case x.ev != nil:
			o := x.ev.Origin()
			fmt.Fprintf(&b, "record %d at offset %d: %s %s\n", o.Index, o.Offset, x.ev.EventSource, x.ev.EventName)
			if x.err != nil {
				fmt.Fprintf(&b, "  with error: %v\n", x.err)
			}
		default:
			fmt.Fprintf(&b, "error: %v\n", x.err)
		}
	}
	var kinds []string
	for k, n := range sum.NonRecords {
		kinds = append(kinds, fmt.Sprintf("%s=%d", k, n))
	}
	sort.Strings(kinds)
	fmt.Fprintf(&b, "summary: bytes=%d records=%d returned=%d filtered=%d failed=%d non-records=[%s]\n",
		sum.Bytes, sum.Records, sum.Returned, sum.Filtered, sum.Failed, strings.Join(kinds, " "))
	return b.String()
}

func marshal(t testing.TB, ev *event.Event) string {
	t.Helper()
	out, err := ev.MarshalJSON()
	require.NoError(t, err)
	return string(out)
}

// TestReaderShapes reads the seed records in every delivery shape: each
// shape yields the events Parse gives for the records alone, in order,
// with the same indexes. The golden files list origins and summaries.
func TestReaderShapes(t *testing.T) {
	lines := seedLines(t)
	var want []string
	for _, l := range lines {
		ev, err := event.Parse([]byte(l))
		require.NoError(t, err)
		want = append(want, marshal(t, ev))
	}
	for _, sc := range seedShapes(t) {
		t.Run(sc.name, func(t *testing.T) {
			data := sc.data
			wantN := len(want)
			if sc.name == "single-record" {
				data, wantN = []byte(lines[1]), 1
			}
			res, sum := readAll(t, data, event.WithSourceName(sc.name))
			var got []*event.Event
			for _, x := range res {
				require.NoError(t, x.err)
				if x.ev != nil {
					got = append(got, x.ev)
				}
			}
			require.Len(t, got, wantN)
			for i, ev := range got {
				w := want[i]
				if wantN == 1 {
					w = want[1]
				}
				assert.Equal(t, w, marshal(t, ev), "event %d", i)
				assert.Equal(t, i, ev.Origin().Index)
				assert.Equal(t, sc.name, ev.Origin().Source)
			}
			assert.Equal(t, wantN, sum.Returned)
			assert.Equal(t, wantN, sum.Records)
			testutil.Golden(t, "shapes/"+sc.name+".golden", []byte("# "+sc.name+": the three seed records\n"+render(res, sum)))
		})
	}
}

// TestReaderNonRecords reads digest files, SNS notifications, a
// CloudWatch Logs control message, a non-CloudTrail EventBridge event and
// an Insights record, with and without a filter.
func TestReaderNonRecords(t *testing.T) {
	data, err := os.ReadFile(testutil.Testdata("shapes", "nonrecords.jsonl"))
	require.NoError(t, err)
	for _, tc := range []struct {
		name string
		opts []event.Option
	}{
		{"nonrecords", nil},
		{"nonrecords-filtered", []event.Option{event.WithEventSources("elasticache.amazonaws.com")}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, sum := readAll(t, data, tc.opts...)
			for _, x := range res {
				assert.NoError(t, x.err)
			}
			assert.Equal(t, 1, sum.NonRecords[event.SkippedDigest])
			assert.Equal(t, 2, sum.NonRecords[event.SkippedSNS])
			assert.Equal(t, 1, sum.NonRecords[event.SkippedControl])
			assert.Equal(t, 1, sum.NonRecords[event.SkippedEventBridge])
			assert.Equal(t, sum.Records, sum.Returned+sum.Filtered+sum.Failed+sum.NonRecords[event.SkippedInsight])
			testutil.Golden(t, "shapes/"+tc.name+".golden", []byte("# "+tc.name+": testdata/shapes/nonrecords.jsonl\n"+render(res, sum)))
		})
	}
}

// TestReaderOddShapes covers items met in unusual places.
func TestReaderOddShapes(t *testing.T) {
	t.Parallel()
	l := seedLines(t)
	for _, tc := range []struct {
		name string
		in   string
		want []any
	}{
		{"log file in an SNS message", snsEnvelope(t, `{"Records":[`+l[0]+`, 7 ,`+l[1]+`]}`),
			[]any{wantEvent{0, "CreateCacheCluster", nil}, wantErr{1, -1, event.ErrNotRecord}, wantEvent{2, "DescribeCacheClusters", nil}}},
		{"log events not objects", `{"messageType":"DATA_MESSAGE","logEvents":[1,2]}`,
			[]any{wantErr{0, 0, event.ErrNotRecord}}},
		{"log event message not a record", `{"messageType":"DATA_MESSAGE","logEvents":[{"message":"hello"},{"message":` + quoteJSON(t, l[2]) + `}]}`,
			[]any{wantErr{0, -1, event.ErrNotRecord}, wantEvent{1, "ModifyCacheCluster", nil}}},
		// awslogs errors point at the data value, or at awslogs when it has none.
		{"awslogs not base64", `{"awslogs":{"data":"%%%"}}`, []any{wantErr{0, 19, event.ErrSyntax}}},
		{"awslogs not gzip", `{"awslogs":{"data":"aGVsbG8="}}`, []any{wantErr{0, 19, event.ErrSyntax}}},
		{"awslogs without data", `{"awslogs":{}}`, []any{wantErr{0, 11, event.ErrSyntax}}},
		{"eventbridge detail not an object", `{"detail-type":"AWS API Call via CloudTrail","detail":null}`,
			[]any{wantErr{0, -1, event.ErrNotRecord}}},
		{"eventbridge detail broken", `{"detail-type":"AWS API Call via CloudTrail","detail":{"eventName":"X",]}}`,
			[]any{wantErr{0, -1, event.ErrSyntax}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, _ := readAll(t, []byte(tc.in))
			checkResults(t, res, tc.want...)
		})
	}
	t.Run("confirmation with a JSON message", func(t *testing.T) {
		in := strings.Replace(snsEnvelope(t, l[0]), `"Notification"`, `"SubscriptionConfirmation"`, 1)
		res, sum := readAll(t, []byte(in))
		require.Len(t, res, 1)
		assert.Equal(t, event.SkippedSNS, res[0].skip.Kind)
		assert.Zero(t, sum.Records)
	})
	t.Run("awslogs over the limit", func(t *testing.T) {
		in := awslogs(t, cwlPayload(t, l))
		res, _ := readAll(t, []byte(in), event.WithMaxRecordBytes(int64(len(in))))
		checkResults(t, res, wantErr{0, int64(strings.Index(in, `"data":`) + len(`"data":`)), event.ErrLimit})
	})
}

// TestReaderPrettyRecords reads records printed over several lines and
// concatenated, as jq prints them without -c.
func TestReaderPrettyRecords(t *testing.T) {
	t.Parallel()
	var pretty []string
	for _, l := range seedLines(t) {
		var b bytes.Buffer
		require.NoError(t, json.Indent(&b, []byte(marshal(t, event.MustParse(l))), "", "  "))
		pretty = append(pretty, b.String())
	}
	res, _ := readAll(t, []byte(strings.Join(pretty, "\n")+"\n"))
	require.Len(t, res, len(pretty))
	for i, x := range res {
		require.NoError(t, x.err)
		assert.Equal(t, marshal(t, event.MustParse(pretty[i])), marshal(t, x.ev))
		assert.Equal(t, i, x.ev.Origin().Index)
	}
}
