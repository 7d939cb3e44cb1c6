package event

import (
	"bytes"
	"io"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/cachetrail/cachetrail/internal/split"
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
	{"nested source", `{"eventSource":"s3.amazonaws.com","requestParameters":{"eventSource":"ec2.amazonaws.com"}}`, false},
	{"later source after nested values", `{"eventSource":"s3.amazonaws.com","r":{"x":[{"y":"z"}]},"s":[],"eventSource":"ec2.amazonaws.com","t":{"u":"v"}}`, true},
	{"source as a value", `{"eventSource":"s3.amazonaws.com","userAgent":"eventSource","x":["eventSource",1]}`, false},
	{"source last in an array", `{"eventSource":"s3.amazonaws.com","x":["eventSource"]}`, false}, // nested: no member, whatever follows
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

// rejectItemCases are JSON Lines items that a filter of summaryFilters
// rejects by their first eventSource, followed by members that may make
// them another kind of item (an envelope, a log file), or not. rescan
// says whether the reader must scan the item again after rejecting it
// early.
var rejectItemCases = []struct {
	name, rec string
	rescan    bool
}{
	{"EventBridge after", `{"eventSource":"s3.amazonaws.com","detail-type":"AWS API Call via CloudTrail","detail":{"eventSource":"ec2.amazonaws.com","eventName":"RunInstances"}}`, true},
	{"Records after", `{"eventSource":"s3.amazonaws.com","Records":[{"eventSource":"ec2.amazonaws.com","eventName":"RunInstances"}]}`, true},
	{"Records with spaces", `{"eventSource":"s3.amazonaws.com" , "Records"  :  [{"eventSource":"ec2.amazonaws.com","eventName":"RunInstances"}]}`, true},
	{"Records escaped", `{"eventSource":"s3.amazonaws.com","Rec\u006frds":[{"eventSource":"ec2.amazonaws.com","eventName":"RunInstances"}]}`, true},
	{"SNS after", `{"eventSource":"s3.amazonaws.com","Type":"Notification","Message":"{\"eventSource\":\"ec2.amazonaws.com\",\"eventName\":\"RunInstances\"}"}`, true},
	{"digest after", `{"eventSource":"s3.amazonaws.com","digestStartTime":"2024-01-01T00:00:00Z"}`, true},
	{"S3 notification after", `{"eventSource":"s3.amazonaws.com","s3Bucket":"b","s3ObjectKey":["k"]}`, true},
	{"awslogs after", `{"eventSource":"s3.amazonaws.com","awslogs":{"data":"x"}}`, true},
	{"log events after", `{"eventSource":"s3.amazonaws.com","messageType":"DATA_MESSAGE","logEvents":[]}`, true},
	{"names nested", `{"eventSource":"s3.amazonaws.com","requestParameters":{"Type":"a","Message":"b","Records":[],"detail":{}}}`, false},
	{"Records after nested values", `{"eventSource":"s3.amazonaws.com","r":{"x":[{"y":"z"}]},"s":[],"Records":[{"eventSource":"ec2.amazonaws.com"}],"t":{"u":"v"}}`, true},
	{"names as values", `{"eventSource":"s3.amazonaws.com","a":"Records","b":["detail-type","x"],"c":{"d":"Type"}}`, false},
	{"a long name", `{"eventSource":"s3.amazonaws.com","digestPublicKeyFingerprintAndMore":1}`, false},
	{"detail before", `{"detail":{"eventSource":"ec2.amazonaws.com"},"eventSource":"s3.amazonaws.com","detail-type":"AWS API Call via CloudTrail"}`, false},
	{"Records before", `{"Records":"x","eventSource":"s3.amazonaws.com"}`, false},
	{"plain", `{"eventSource":"s3.amazonaws.com","eventName":"GetObject","requestParameters":{"a":[1,{"b":"}"}]},"eventType":"AwsApiCall"}`, false},
}

// TestEarlyRejectItems reads each case of rejectItemCases and of
// rejectCases as a line of JSON Lines between two others, with and
// without early rejection, in one read and one byte at a time, and
// requires the same results; and the reader scans an item of
// rejectItemCases again exactly when the case says it must.
func TestEarlyRejectItems(t *testing.T) {
	defer func() { split.EarlyReject = true }()
	other := `{"eventSource":"ec2.amazonaws.com","eventName":"RunInstances","eventType":"AwsApiCall"}`
	cases := rejectItemCases
	for _, tc := range rejectCases {
		cases = append(cases, struct {
			name, rec string
			rescan    bool
		}{tc.name, tc.rec, false})
	}
	for i, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			data := []byte(other + "\n" + tc.rec + "\n" + other + "\n")
			rescanned := false
			for i, opts := range summaryFilters {
				split.EarlyReject = false
				want, _ := readSummaryWith(data, opts...)
				split.EarlyReject = true
				got, rescans := readSummaryWith(data, opts...)
				require.Equal(t, want, got, "filter %d", i)
				rescanned = rescanned || rescans > 0
				got, _ = readSummaryFrom(iotest.OneByteReader(bytes.NewReader(data)), opts...)
				require.Equal(t, want, got, "filter %d, one byte at a time", i)
			}
			if i < len(rejectItemCases) {
				assert.Equal(t, tc.rescan, rescanned, "scanned again")
			}
		})
	}
}

// TestEarlyRejectChangesNothing reads each case in a log file, alone and
// next to generated records, with and without early rejection, in one
// read and one byte at a time (which cuts every string at a chunk's end),
// and requires the same results; and the reader scans a record again
// exactly when a case says it must.
func TestEarlyRejectChangesNothing(t *testing.T) {
	defer func() { split.EarlyReject = true }()
	other := `{"eventSource":"ec2.amazonaws.com","eventName":"RunInstances","eventType":"AwsApiCall"}`
	for _, tc := range rejectCases {
		t.Run(tc.name, func(t *testing.T) {
			data := []byte(`{"Records":[` + other + "," + tc.rec + "," + other + `]}`)
			rescanned := false
			for i, opts := range summaryFilters {
				split.EarlyReject = false
				want, _ := readSummaryWith(data, opts...)
				split.EarlyReject = true
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
	defer func() { split.EarlyReject = true }()
	for _, tail := range []string{`"eventSource":"ec2.amazonaws.com"`, `"eventType" : "AwsCloudTrailInsight"`, `"x":"a\\b"`} {
		for shift := range 48 {
			pad := strings.Repeat("p", split.ReadChunk-40+shift)
			data := []byte(`{"Records":[{"eventSource":"s3.amazonaws.com","pad":"` + pad + `",` + tail + `}]}`)
			opts := summaryFilters[0]
			split.EarlyReject = false
			want, _ := readSummaryWith(data, opts...)
			split.EarlyReject = true
			got, rescans := readSummaryWith(data, opts...)
			require.Equal(t, want, got, "%s, shift %d", tail, shift)
			require.Equal(t, 1, rescans, "%s, shift %d", tail, shift)
		}
	}
}

// TestEarlyRejectValueStrings puts strings that follow a string and a
// ':' at once, which a record rejected early need not look at, and
// strings that only look like them, at every position of the scanner's
// 64-byte steps, in log files and JSON Lines. Each must give what the
// full scan gives. In a log file, one that may be a name must be scanned
// again; with the vector kernel, the others must not be, but where the
// three bytes straddle two steps (at most 2 of 64 positions).
func TestEarlyRejectValueStrings(t *testing.T) {
	defer func() { split.EarlyReject = true }()
	for _, tc := range []struct {
		probe  string
		rescan bool
	}{
		{`"k":"eventSource":"ec2.amazonaws.com"`, false},      // a value, then a stray ':'
		{`"k":"v":"eventType":"AwsCloudTrailInsight"`, false}, // after a value's stray ':'
		{`"k":"Records":[{"eventSource":"ec2.amazonaws.com"}]`, false},
		{`:"eventSource":"ec2.amazonaws.com"`, true},        // a name after ',' and ':'
		{`"k": "eventSource":"ec2.amazonaws.com"`, true},    // white space: looked at
		{`"k":1:"eventSource":"ec2.amazonaws.com"`, true},   // after a number: looked at
		{`"k":{}:"eventSource":"ec2.amazonaws.com"`, true},  // after an object: looked at
		{`"k":"v","eventSource":"ec2.amazonaws.com"`, true}, // a name
	} {
		for _, lines := range []bool{false, true} {
			again := 0
			for shift := range 70 {
				rec := `{"eventSource":"s3.amazonaws.com","pad":"` + strings.Repeat("p", shift) + `",` +
					tc.probe + `,"tail":"` + strings.Repeat("t", 80) + `"}`
				other := `{"eventSource":"ec2.amazonaws.com","eventName":"RunInstances"}`
				data := `{"Records":[` + rec + "," + other + `]}`
				if lines {
					data = rec + "\n" + other + "\n"
				}
				opts := summaryFilters[0]
				split.EarlyReject = false
				want, _ := readSummaryWith([]byte(data), opts...)
				split.EarlyReject = true
				got, rescans := readSummaryWith([]byte(data), opts...)
				require.Equal(t, want, got, "%s, shift %d", data, shift)
				if tc.rescan && !lines {
					require.Equal(t, 1, rescans, "%s, shift %d: scanned again", data, shift)
				}
				again += rescans
			}
			if !tc.rescan && !lines && vectorFastPath { // the word steps look at every string
				assert.LessOrEqual(t, again, 4, "%s, JSON Lines %v: scanned again", tc.probe, lines)
			}
		}
	}
}

// TestEarlyRejectSkipsWithoutRescans reads a generated trail, as a log
// file and as JSON Lines: every record the source filter rejects is
// rejected early, and none needs a second scan, so the fast path is the
// one the benchmarks measure.
func TestEarlyRejectSkipsWithoutRescans(t *testing.T) {
	cfg := trailgen.Config{Records: 2000, ElastiCacheRate: 0.05, Seed: 3}
	for name, write := range map[string]func(io.Writer, trailgen.Config) error{"log": trailgen.Write, "lines": trailgen.Lines} {
		var data bytes.Buffer
		require.NoError(t, write(&data, cfg))
		for i, opts := range summaryFilters {
			lines, rescans := readSummaryWith(data.Bytes(), opts...)
			require.Greater(t, len(lines), 10, "%s, filter %d", name, i)
			assert.Zero(t, rescans, "%s, filter %d", name, i)
		}
	}
}

// TestEarlyRejectLinesMutations reads thousands of mutations of JSON
// Lines made of the cases of rejectItemCases and rejectCases, with and
// without early rejection, and requires the same results.
func TestEarlyRejectLinesMutations(t *testing.T) {
	var items []string
	for _, tc := range rejectItemCases {
		items = append(items, tc.rec)
	}
	for _, tc := range rejectCases {
		items = append(items, tc.rec)
	}
	junk := []string{`"`, `\`, `{`, `}`, `[`, `]`, `,`, `:`, ` `, "\n", `"eventSource":"ec2.amazonaws.com",`,
		`"eventType":"AwsCloudTrailInsight",`, `"Records":[`, `"detail-type":"AWS API Call via CloudTrail","detail":`,
		`"Type":"Notification","Message":`, `"digestEndTime":1,`, `"event`, `"Rec`, "\xff"}
	n := 3000
	if testing.Short() {
		n /= 10 // as in requireSameOnMutations
	}
	r := rand.New(rand.NewPCG(11, 12))
	for i := range n {
		var b []byte
		for range 2 + r.IntN(3) {
			b = append(append(b, items[r.IntN(len(items))]...), '\n')
		}
		for range 1 + r.IntN(3) {
			j := 1 + r.IntN(len(b)-1) // the first line stays a record, for JSON Lines
			if r.IntN(3) == 0 {
				b = append(b[:j:j], b[j+1:]...)
			} else {
				b = append(b[:j:j], append([]byte(junk[r.IntN(len(junk))]), b[j:]...)...)
			}
		}
		requireSame(t, setEarlyReject, "mutation "+strconv.Itoa(i), b)
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
	other := `{"eventSource":"ec2.amazonaws.com","eventName":"RunInstances"}`
	for _, tc := range rejectItemCases {
		f.Add([]byte(other + "\n" + tc.rec + "\n" + other + "\n"))
	}
	var data bytes.Buffer
	require.NoError(f, trailgen.Write(&data, trailgen.Config{Records: 20, ElastiCacheRate: 0.2, Seed: 3}))
	f.Add(data.Bytes())
	data.Reset()
	require.NoError(f, trailgen.Lines(&data, trailgen.Config{Records: 20, ElastiCacheRate: 0.2, Seed: 3}))
	f.Add(data.Bytes())
	long := `{"eventSource":"s3.amazonaws.com","pad":"` + strings.Repeat("p", 40) + `","k":"v":"x",:"eventSource":"ec2.amazonaws.com","t":"` + strings.Repeat("t", 80) + `"}`
	f.Add([]byte(`{"Records":[` + long + `]}`))
	f.Add([]byte(long + "\n" + other + "\n"))
	f.Fuzz(fuzzSame(setEarlyReject))
}
