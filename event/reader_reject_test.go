package event

import (
	"bytes"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/cachetrail/cachetrail/internal/trailgen"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// rejectCases are records a filter of summaryFilters rejects by their
// first eventSource or eventName, followed by members that may or may not
// change the verdict. rescan says whether the reader must scan the record
// again, with one of the filters, after rejecting it early.
var rejectCases = []struct {
	name, rec string
	rescan    bool
}{
	{"plain", `{"eventSource":"s3.amazonaws.com","eventName":"GetObject","requestParameters":{"a":[1,{"b":"}"}]},"eventType":"AwsApiCall","readOnly":true}`, false},
	{"later source matches", `{"eventSource":"s3.amazonaws.com","eventName":"RunInstances","eventSource":"ec2.amazonaws.com"}`, true},
	{"later source fails too", `{"eventSource":"s3.amazonaws.com","eventName":"RunInstances","eventSource":"sts.amazonaws.com"}`, true},
	{"later name matches", `{"eventName":"GetObject","eventSource":"ec2.amazonaws.com","eventName":"RunInstances"}`, true},
	{"later escaped name", `{"eventSource":"s3.amazonaws.com","event\u0053ource":"ec2.amazonaws.com"}`, true},
	{"later name with spaces", `{"eventSource":"s3.amazonaws.com" , "eventSource" : "ec2.amazonaws.com" }`, true},
	{"later insight", `{"eventSource":"s3.amazonaws.com","eventType":"AwsCloudTrailInsight"}`, true},
	{"later insight with spaces", "{\"eventSource\":\"s3.amazonaws.com\",\"eventType\"\n:\t\"AwsCloudTrailInsight\"}", true},
	{"later escaped insight", `{"eventSource":"s3.amazonaws.com","eventType":"AwsCloudTrail\u0049nsight"}`, true},
	{"later insight not a string", `{"eventSource":"s3.amazonaws.com","eventType":["AwsCloudTrailInsight"]}`, false},
	{"nested source", `{"eventSource":"s3.amazonaws.com","requestParameters":{"eventSource":"ec2.amazonaws.com"}}`, true},
	{"source as a value", `{"eventSource":"s3.amazonaws.com","userAgent":"eventSource","x":["eventSource",1]}`, false},
	{"source last in an array", `{"eventSource":"s3.amazonaws.com","x":["eventSource"]}`, true}, // a stray ']' may come before a ':'
	{"garbage before the colon", `{"eventSource":"s3.amazonaws.com","eventType" x "y" : "AwsCloudTrailInsight"}`, true},
	{"colons before the value", `{"eventSource":"s3.amazonaws.com","eventType"::] "AwsCloudTrailInsight"}`, false}, // the stray ']' breaks the record: no verdict to check
	{"garbage before the value", `{"eventSource":"s3.amazonaws.com","eventType": x "AwsCloudTrailInsight"}`, false},
	{"insight as a value", `{"eventSource":"s3.amazonaws.com","eventType":"AwsApiCall","x":"eventType","y":["AwsCloudTrailInsight"]}`, false},
	{"insight before", `{"eventType":"AwsCloudTrailInsight","eventSource":"s3.amazonaws.com","eventType":"AwsApiCall"}`, false},
	{"escaped insight before", `{"eventType":"AwsCloudTrail\u0049nsight","eventSource":"s3.amazonaws.com"}`, false},
	{"backslash in a later value", `{"eventSource":"s3.amazonaws.com","userAgent":"a\\b"}`, true},
	{"escaped document nested", `{"eventSource":"iam.amazonaws.com","requestParameters":{"policyDocument":"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\"}]}"},"eventType":"AwsApiCall"}`, false},
	{"escaped name nested", `{"eventSource":"s3.amazonaws.com","requestParameters":{"x":[{"event\u0053ource":"ec2.amazonaws.com"}]}}`, false},
	{"escaped document, then a later name", `{"eventSource":"iam.amazonaws.com","requestParameters":{"p":"{\"a\":1}"},"eventSource":"ec2.amazonaws.com"}`, true},
	{"nothing after", `{"eventSource":"s3.amazonaws.com"}`, false},
	{"escaped rejecting value", `{"eventSource":"s3\u002eamazonaws.com","eventSource":"ec2.amazonaws.com"}`, false},
	{"invalid UTF-8 in the value", "{\"eventSource\":\"s3\xff\",\"eventSource\":\"ec2.amazonaws.com\"}", false},
	{"not a string", `{"eventSource":5,"eventSource":"ec2.amazonaws.com"}`, false},
	{"broken after", `{"eventSource":"s3.amazonaws.com","x":tru,"eventSource":"ec2.amazonaws.com"`, false}, // cut where the next record starts
}

// TestEarlyRejectChangesNothing reads each case in a log file, alone and
// next to generated records, with and without early rejection, in one
// read and one byte at a time (which cuts every string at a chunk's end),
// and requires the same results; and the reader scans a record again
// exactly when a case says it must.
func TestEarlyRejectChangesNothing(t *testing.T) {
	defer func() { earlyReject = true }()
	other := `{"eventSource":"ec2.amazonaws.com","eventName":"RunInstances","eventType":"AwsApiCall"}`
	for _, tc := range rejectCases {
		t.Run(tc.name, func(t *testing.T) {
			data := []byte(`{"Records":[` + other + "," + tc.rec + "," + other + `]}`)
			rescanned := false
			for i, opts := range summaryFilters {
				earlyReject = false
				want, _ := readSummaryWith(data, opts...)
				earlyReject = true
				got, rescans := readSummaryWith(data, opts...)
				require.Equal(t, want, got, "filter %d", i)
				rescanned = rescanned || rescans > 0
				got, _ = readSummaryFrom(iotest.OneByteReader(bytes.NewReader(data)), opts...)
				require.Equal(t, want, got, "filter %d, one byte at a time", i)
			}
			assert.Equal(t, tc.rescan, rescanned, "scanned again")
		})
	}
}

// TestEarlyRejectAcrossChunks puts the string that changes the verdict
// of a long record at every position across the end of the reader's
// first chunk.
func TestEarlyRejectAcrossChunks(t *testing.T) {
	defer func() { earlyReject = true }()
	for _, tail := range []string{`"eventSource":"ec2.amazonaws.com"`, `"eventType" : "AwsCloudTrailInsight"`, `"x":"a\\b"`} {
		for shift := range 48 {
			pad := strings.Repeat("p", readChunk-40+shift)
			data := []byte(`{"Records":[{"eventSource":"s3.amazonaws.com","pad":"` + pad + `",` + tail + `}]}`)
			opts := summaryFilters[0]
			earlyReject = false
			want, _ := readSummaryWith(data, opts...)
			earlyReject = true
			got, rescans := readSummaryWith(data, opts...)
			require.Equal(t, want, got, "%s, shift %d", tail, shift)
			require.Equal(t, 1, rescans, "%s, shift %d", tail, shift)
		}
	}
}

// TestEarlyRejectSkipsWithoutRescans reads a generated trail: every
// record the source filter rejects is rejected early, and none needs a
// second scan, so the fast path is the one the benchmarks measure.
func TestEarlyRejectSkipsWithoutRescans(t *testing.T) {
	var data bytes.Buffer
	require.NoError(t, trailgen.Write(&data, trailgen.Config{Records: 2000, ElastiCacheRate: 0.05, Seed: 3}))
	for i, opts := range summaryFilters {
		lines, rescans := readSummaryWith(data.Bytes(), opts...)
		require.Greater(t, len(lines), 10, "filter %d", i)
		assert.Zero(t, rescans, "filter %d", i)
	}
}

// TestEarlyRejectMutations reads every file of testdata and thousands of
// mutations of log files made of them and of rejectCases, with and
// without early rejection, and requires the same results.
func TestEarlyRejectMutations(t *testing.T) {
	var cases [][]byte
	for _, tc := range rejectCases {
		cases = append(cases, []byte(tc.rec))
	}
	junk := []string{`"`, `\`, `{`, `}`, `[`, `]`, `,`, `:`, ` `, `"eventSource":"ec2.amazonaws.com",`,
		`"eventType":"AwsCloudTrailInsight",`, `"eventName":"RunInstances",`, `"event`, "\xff"}
	requireSameOnMutations(t, setEarlyReject, cases, junk, 7, 2000)
}

// FuzzEarlyReject reads any stream with and without early rejection and
// requires the same results. Seeds: rejectCases in a log file, and a
// generated trail.
func FuzzEarlyReject(f *testing.F) {
	for _, tc := range rejectCases {
		f.Add([]byte(`{"Records":[` + tc.rec + `,{"eventSource":"ec2.amazonaws.com","eventName":"RunInstances"}]}`))
	}
	var data bytes.Buffer
	require.NoError(f, trailgen.Write(&data, trailgen.Config{Records: 20, ElastiCacheRate: 0.2, Seed: 3}))
	f.Add(data.Bytes())
	f.Fuzz(fuzzSame(setEarlyReject))
}
