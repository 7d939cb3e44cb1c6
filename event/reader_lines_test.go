package event_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/event"
)

// sentinels names the error kinds a result can wrap, for outcome lines.
var sentinels = []struct {
	name string
	err  error
}{
	{"syntax", event.ErrSyntax},
	{"limit", event.ErrLimit},
	{"not-record", event.ErrNotRecord},
	{"type", event.ErrType},
}

// describe writes one Reader result, or Parse's result for one record,
// as a line: "event <index> <offset> <eventName>" or
// "error <index> <offset> <kind> <message>".
func describe(ev *event.Event, err error) string {
	if ev != nil {
		o := ev.Origin()
		return fmt.Sprintf("event %d %d %s err=%v", o.Index, o.Offset, ev.EventName, err)
	}
	de, ok := errors.AsType[*event.DecodeError](err)
	if !ok {
		return fmt.Sprintf("error %T %v", err, err)
	}
	kind := "?"
	for _, s := range sentinels {
		if errors.Is(de, s.err) {
			kind = s.name
			break
		}
	}
	return fmt.Sprintf("error %d %d %s %s", de.Record, de.Offset, kind, de.Msg)
}

// readLines reads r and describes each result.
func readLines(t *testing.T, r *event.Reader) []string {
	t.Helper()
	var out []string
	for ev, err := range r.All() {
		out = append(out, describe(ev, err))
		require.Less(t, len(out), 1<<16, "runaway reader")
	}
	return out
}

// parseLines is what a Reader must give for JSON Lines: for each line that
// is not blank, in order, what Parse gives for that line alone, with the
// line's index and offsets counted from the line's.
func parseLines(t *testing.T, lines []string) []string {
	t.Helper()
	var want []string
	off, index := int64(0), 0
	for _, l := range lines {
		if strings.TrimSpace(l) != "" {
			want = append(want, describe(event.Parse([]byte(l), event.WithOrigin(event.Origin{Index: index, Offset: off}))))
			index++
		}
		off += int64(len(l)) + 1
	}
	return want
}

// firstLineBroken is a record cut short, or made unbalanced by a bad token,
// in each way that a first line can be, with where Parse finds the fault.
var firstLineBroken = []struct {
	name, line string
}{
	{"after a member", `{"eventVersion":"1.09","eventName":"CreateCacheCluster","userIdentity":{"type":"Root"}`},
	{"in a string", `{"eventVersion":"1.09","eventName":"CreateCacheCluster","awsRegion":"us-`},
	{"in a nested object", `{"eventVersion":"1.09","eventName":"X","userIdentity":{"type":"Root"`},
	{"after a comma", `{"eventVersion":"1.09","eventName":"X",`},
	{"after a name", `{"eventVersion":"1.09","eventName"`},
	{"after the opening brace", `{`},
	{"after a number", `{"eventVersion":"1.09","n":12`},
	{"in an array of objects", `{"eventVersion":"1.09","resources":[{"ARN":"a"}`},
	{"after a backslash in a string", `{"eventVersion":"1.09","eventName":"X","policy":"{\"a\":\`},
	{"bad token: a missing quote", `{"eventVersion":"1.09","eventName":X","awsRegion":"us-west-2"}`},
	{"bad token: a stray closer", `{"eventVersion":"1.09","eventName":"X","resources":[1}`},
}

// TestReaderBrokenFirstLine reads JSON Lines whose first line is broken:
// it is one error, and every later line is read alone, as Parse reads it.
func TestReaderBrokenFirstLine(t *testing.T) {
	t.Parallel()
	for _, b := range firstLineBroken {
		for _, tc := range []struct {
			name  string
			lines []string
			opts  []event.Option
		}{
			{"then one record", []string{b.line, rec("A")}, nil},
			{"then three records", []string{b.line, rec("A"), rec("B"), rec("C"), ""}, nil},
			{"then a broken record", []string{b.line, rec("A"), `{"eventVersion":"1.09","eventName":"cut`, rec("C")}, nil},
			{"then a line cut after a backslash", []string{b.line, rec("A"), `{"eventVersion":"1.09","eventName":"cut\`, rec("C")}, nil},
			{"then blank lines", []string{b.line, "", "  \t", rec("A"), rec("B")}, nil},
			{"with CRLF", []string{b.line + "\r", rec("A") + "\r", rec("B") + "\r", ""}, nil},
			// The records after the first line are more than the limit
			// together, but each is under it.
			{"then more than the record limit", append([]string{b.line}, strings.Split(strings.Repeat(rec("R")+"\n", 40), "\n")...),
				[]event.Option{event.WithMaxRecordBytes(1000)}},
		} {
			t.Run(b.name+"/"+tc.name, func(t *testing.T) {
				ev, _ := event.Parse([]byte(b.line))
				require.Nil(t, ev, "the first line must not parse")
				data := []byte(strings.Join(tc.lines, "\n"))
				want := parseLines(t, tc.lines)
				require.True(t, strings.HasPrefix(want[0], "error 0 "), want[0])
				got := readLines(t, event.NewReader(bytes.NewReader(data), tc.opts...))
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("results (-Parse of each line +Reader):\n%s", diff)
				}
				// The same, a byte at a time and gzip-compressed.
				assert.Equal(t, got, readLines(t, event.NewReader(iotest.OneByteReader(bytes.NewReader(data)), tc.opts...)), "one byte at a time")
				assert.Equal(t, got, readLines(t, event.NewReader(bytes.NewReader(gzipBytes(t, data)), tc.opts...)), "gzip")
			})
		}
	}
}

// TestReaderBrokenFirstLineExact spells out the results of one case, so that
// the comparison with Parse above cannot pass by both being wrong.
func TestReaderBrokenFirstLineExact(t *testing.T) {
	t.Parallel()
	first := `{"eventName":"x","userIdentity":{"type":"Root"}`
	in := first + "\n" + rec("A") + "\n" + rec("B") + "\n"
	res, sum := readAll(t, []byte(in))
	checkResults(t, res,
		wantErr{0, int64(len(first)), event.ErrSyntax},
		wantEvent{1, "A", nil},
		wantEvent{2, "B", nil},
	)
	assert.Contains(t, res[0].err.Error(), "unexpected end of input in object")
	assert.Equal(t, int64(len(first)+1), res[1].ev.Origin().Offset)
	assert.Equal(t, int64(len(first)+1+len(rec("A"))+1), res[2].ev.Origin().Offset)
	assert.Equal(t, event.Summary{Bytes: int64(len(in)), Records: 3, Returned: 2, Failed: 1}, sum)
}

// TestReaderBrokenFirstLineOverLimit reads a first line that is itself over
// the record limit and broken: it is one ErrLimit error, not buffered, and
// the lines after it are read.
func TestReaderBrokenFirstLineOverLimit(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("a", 300<<10) // several reads, over the limit
	for _, tc := range []struct{ name, first string }{
		{"in a string", `{"eventVersion":"1.09","requestParameters":{"x":"` + long},
		{"after a member", `{"eventVersion":"1.09","requestParameters":{"x":"` + long + `"}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := tc.first + "\n" + rec("A") + "\n" + rec("B") + "\n"
			res, _ := readAll(t, []byte(in), event.WithMaxRecordBytes(100<<10))
			checkResults(t, res,
				wantErr{0, 0, event.ErrLimit},
				wantEvent{1, "A", nil},
				wantEvent{2, "B", nil},
			)
			assert.Equal(t, int64(len(tc.first)+1), res[1].ev.Origin().Offset)
		})
	}
}

// TestReaderBrokenFirstLineThenArray reads a broken first line followed by
// a line that is an array of records.
func TestReaderBrokenFirstLineThenArray(t *testing.T) {
	t.Parallel()
	first := `{"eventName":"x"`
	in := first + "\n[" + rec("A") + ",\n" + rec("B") + "]\n" + rec("C") + "\n"
	res, _ := readAll(t, []byte(in))
	checkResults(t, res,
		wantErr{0, int64(len(first)), event.ErrSyntax},
		wantEvent{1, "A", nil},
		wantEvent{2, "B", nil},
		wantEvent{3, "C", nil},
	)
}

// indent prints a record over several lines, as jq does without -c.
func indent(t *testing.T, s string) string {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, json.Indent(&b, []byte(s), "", "  "))
	return b.String()
}

// TestReaderMultilineFirstItem reads valid inputs whose first item spans
// lines, some with lines that start with '{' or '[' inside it: each yields
// its records, with no error, however it is read.
func TestReaderMultilineFirstItem(t *testing.T) {
	t.Parallel()
	var l []string // the seed records, without the page's trailing commas
	for _, line := range seedLines(t) {
		l = append(l, marshal(t, event.MustParse(line)))
	}
	// A record with arrays of objects and values on the line after their
	// names (Allman style): lines inside it start with '{' and '['.
	allman := `{"eventVersion":"1.09","eventName":"Allman","requestParameters":` + "\n" +
		`{"cacheClusterId":"c-1"},"resources":` + "\n" + "[\n" + `{"ARN":"a"},` + "\n" + `{"ARN":"b"}` + "\n" + `],"x":[[` + "\n" + "[1]],\n[2]]}"
	for _, tc := range []struct {
		name  string
		in    string
		names []string
	}{
		{"pretty records", indent(t, l[0]) + "\n" + indent(t, l[1]) + "\n" + indent(t, l[2]) + "\n",
			[]string{"CreateCacheCluster", "DescribeCacheClusters", "ModifyCacheCluster"}},
		{"pretty records with arrays of objects", indent(t, allman) + indent(t, rec("B")),
			[]string{"Allman", "B"}},
		{"values on the next line", allman + "\n" + rec("B") + "\n", []string{"Allman", "B"}},
		{"array of objects over lines", `{"eventVersion":"1.09","eventName":"A","resources":[{"ARN":"a"},` + "\n" + `{"ARN":"b"}]}` + "\n" + rec("B"),
			[]string{"A", "B"}},
		{"log file, records on lines", `{"Records":[` + "\n" + rec("A") + ",\n" + rec("B") + "]}\n", []string{"A", "B"}},
		{"log file, pretty", indent(t, `{"Records":[`+rec("A")+`,`+rec("B")+`]}`), []string{"A", "B"}},
		{"log file, Records after a member", "{\"note\":\n{\"a\":1},\n\"Records\":[\n" + rec("A") + "]}", []string{"A"}},
		{"EventBridge, pretty", indent(t, eventBridge(rec("A"))) + "\n" + indent(t, eventBridge(rec("B"))), []string{"A", "B"}},
		{"CloudWatch Logs, events on lines", strings.ReplaceAll(cwlPayload(t, []string{rec("A"), rec("B")}), `},{"id"`, "},\n{\"id\""),
			[]string{"A", "B"}},
		{"CloudWatch Logs, pretty", indent(t, cwlPayload(t, []string{rec("A"), rec("B")})), []string{"A", "B"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := []byte(tc.in)
			for _, rd := range []struct {
				name string
				r    *event.Reader
			}{
				{"whole", event.NewReader(bytes.NewReader(data))},
				{"one byte at a time", event.NewReader(iotest.OneByteReader(bytes.NewReader(data)))},
				{"gzip", event.NewReader(bytes.NewReader(gzipBytes(t, data)))},
			} {
				var got []string
				for ev, err := range rd.r.All() {
					if assert.NoError(t, err, rd.name) && assert.NotNil(t, ev, rd.name) {
						got = append(got, ev.EventName)
					}
				}
				assert.Equal(t, tc.names, got, rd.name)
			}
		})
	}
}

// TestReaderManyBlankLinesInFirstItem reads a first record with a great
// many blank lines inside it: each newline is looked at once, so that
// reading stays linear (looking back or ahead over all the white space at
// every newline would take minutes here).
func TestReaderManyBlankLinesInFirstItem(t *testing.T) {
	t.Parallel()
	blank := strings.Repeat(" \n", 1<<19)
	for _, tc := range []struct {
		name, in string
		want     []any
	}{
		{"between members", `{"eventVersion":"1.09",` + blank + `"eventName":"A"}` + blank + rec("B"),
			[]any{wantEvent{0, "A", nil}, wantEvent{1, "B", nil}}},
		{"in a string", `{"eventVersion":"1.09","eventName":"A` + blank + `"}` + "\n" + rec("B"),
			[]any{wantErr{0, -1, event.ErrSyntax}, wantEvent{1, "B", nil}}},
		{"then the end", `{"eventVersion":"1.09",` + blank, []any{wantErr{0, -1, event.ErrSyntax}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			res, _ := readAll(t, []byte(tc.in))
			checkResults(t, res, tc.want...)
			assert.Less(t, time.Since(start), 5*time.Second, "reading time")
		})
	}
}
