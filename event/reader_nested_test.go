package event

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"testing"
)

// readSummary reads data unfiltered and filtered by source, by name and
// by both (the filters use the members the scanner lists, and reject
// records early), and describes every result, skipped item and the
// summary: what the scanner's fast paths must not change.
func readSummary(data []byte) []string {
	out, _ := readSummaryWith(data)
	for _, opts := range summaryFilters {
		lines, _ := readSummaryWith(data, opts...)
		out = append(append(out, "-- filtered"), lines...)
	}
	return out
}

var summaryFilters = [][]Option{
	{WithEventSources("elasticache.amazonaws.com", "ec2.amazonaws.com")},
	{WithEventNames("CreateCacheCluster", "ModifyCacheCluster", "DescribeInstances", "RunInstances")},
	{WithEventSources("elasticache.amazonaws.com", "ec2.amazonaws.com"),
		WithEventNames("CreateCacheCluster", "ModifyCacheCluster", "DescribeInstances", "RunInstances")},
}

// readSummaryWith describes the results of reading data with opts, and
// returns how many records the reader scanned again after rejecting them
// early.
func readSummaryWith(data []byte, opts ...Option) ([]string, int) {
	return readSummaryFrom(bytes.NewReader(data), opts...)
}

func readSummaryFrom(in io.Reader, opts ...Option) ([]string, int) {
	var out []string
	opts = append(opts, WithSkipped(func(s Skipped) {
		out = append(out, "skipped "+string(s.Kind)+" "+strconv.FormatInt(s.Origin.Offset, 10)+" "+strconv.Itoa(s.Origin.Index))
	}))
	r := NewReader(in, opts...)
	for ev, err := range r.All() {
		line := ""
		if ev != nil {
			line = ev.EventName + " " + ev.EventSource + " " + strconv.FormatInt(ev.Origin().Offset, 10) + " " + strconv.Itoa(ev.Origin().Index)
		}
		if err != nil {
			line += " error: " + err.Error()
		}
		out = append(out, line)
	}
	return append(out, fmt.Sprintf("summary %+v", r.Summary())), r.sp.Rescans()
}

// TestSkipNestedChangesNothing reads every file of testdata and thousands
// of mutations of log files (quotes, backslashes, brackets and newlines
// inserted, bytes dropped) with the fast path for nested values and with
// the byte loop alone, and requires the same results.
func TestSkipNestedChangesNothing(t *testing.T) {
	junk := []string{`"`, `\`, `{`, `}`, `[`, `]`, "\n", `,`, `:`, `y`, ` `, "\xff"}
	requireSameOnMutations(t, setNestedFastPath, nil, junk, 5, 3000)
}

// TestSkipNestedWordsChangesNothing is TestSkipNestedChangesNothing for
// the word-at-a-time steps alone, which the vector steps leave the tails
// to and which run where there are no vector instructions.
func TestSkipNestedWordsChangesNothing(t *testing.T) {
	if !vectorFastPath {
		t.Skip("no vector steps: TestSkipNestedChangesNothing tests the word steps")
	}
	defer restoreVector()
	junk := []string{`"`, `\`, `{`, `}`, `[`, `]`, "\n", `,`, `:`, `y`, ` `, "\xff"}
	requireSameOnMutations(t, setNestedWords, nil, junk, 7, 3000)
}

// FuzzSkipNested reads any stream with the fast path for nested values and
// with the byte loop alone, unfiltered and filtered, and requires the same
// results; where there are vector steps, also with the word steps alone.
// Seeds: every JSON file of testdata and blocks that put quotes,
// backslashes and brackets on both sides of the 32- and 64-byte steps.
func FuzzSkipNested(f *testing.F) {
	for _, data := range testdataJSON(f) {
		f.Add(data)
	}
	pad := strings.Repeat("x", 29)
	f.Add([]byte(`{"Records":[{"a":{"b":"` + pad + `\"}]","c":[{"d":"}"}]},"eventSource":"ec2.amazonaws.com"}]}`))
	f.Add([]byte(`{"a":{"` + pad + `":{"` + pad + `{[":"]}"},"y":"Y\` + "\x7f" + `"}}` + "\n" + `{"a":[[[` + pad + `]]]}`))
	pad = strings.Repeat("x", 61)
	f.Add([]byte(`{"Records":[{"a":{"b":"` + pad + `\"}]","c":[{"d":"}"}]},"eventSource":"ec2.amazonaws.com"}]}`))
	f.Add([]byte(`{"a":{"` + pad + `":{"` + pad + `{[":"]}"},"y":"Y\` + "\x7f" + `"}}` + "\n" + `{"a":[[[` + pad + `]]]}`))
	same, words := fuzzSame(setNestedFastPath), fuzzSame(setNestedWords)
	f.Fuzz(func(t *testing.T, data []byte) {
		same(t, data)
		if vectorFastPath {
			defer restoreVector()
			words(t, data)
		}
	})
}
