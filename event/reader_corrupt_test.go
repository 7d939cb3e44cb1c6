package event_test

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/event"
)

// wantEvent says a result is the event with eventName name at index.
type wantEvent struct {
	index int
	name  string
	err   error // sentinel the result's error wraps, or nil
}

// wantErr says a result is an error without an event.
type wantErr struct {
	index  int   // DecodeError.Record
	offset int64 // DecodeError.Offset, or -1 to skip the check
	err    error // sentinel
}

// checkResults compares results with want, an ordered list of wantEvent
// and wantErr values.
func checkResults(t *testing.T, res []result, want ...any) {
	t.Helper()
	require.Len(t, res, len(want), "results: %s", render(res, event.Summary{}))
	for i, w := range want {
		x := res[i]
		switch w := w.(type) {
		case wantEvent:
			require.NotNil(t, x.ev, "result %d: want event %s, got error %v", i, w.name, x.err)
			assert.Equal(t, w.index, x.ev.Origin().Index, "result %d index", i)
			assert.Equal(t, w.name, x.ev.EventName, "result %d", i)
			if w.err == nil {
				assert.NoError(t, x.err, "result %d", i)
			} else {
				assert.ErrorIs(t, x.err, w.err, "result %d", i)
			}
		case wantErr:
			require.Nil(t, x.ev, "result %d: want an error", i)
			require.ErrorIs(t, x.err, w.err, "result %d", i)
			de, ok := errors.AsType[*event.DecodeError](x.err)
			require.True(t, ok, "result %d: %T is not a *DecodeError", i, x.err)
			assert.Equal(t, w.index, de.Record, "result %d record index: %v", i, de)
			if w.offset >= 0 {
				assert.Equal(t, w.offset, de.Offset, "result %d offset: %v", i, de)
			}
		}
	}
}

// rec is a small valid record.
func rec(name string) string {
	return `{"eventVersion":"1.09","eventSource":"elasticache.amazonaws.com","eventName":"` + name + `","awsRegion":"us-west-2","requestParameters":{"cacheClusterId":"c-1"}}`
}

func TestReaderCorruptRecords(t *testing.T) {
	t.Parallel()
	// The third record's eventName is a number; the fourth is not JSON
	// (a missing comma) but its braces balance.
	wrongType := `{"eventVersion":"1.09","eventSource":"elasticache.amazonaws.com","eventName":42}`
	noComma := `{"eventVersion":"1.09" "eventName":"X"}`
	items := []string{rec("A"), rec("B"), wrongType, noComma, rec("E")}
	log := `{"Records":[` + strings.Join(items, ",") + `]}`
	offsetOf := func(s string, i int) int64 { return int64(strings.Index(s, items[i])) }
	t.Run("log", func(t *testing.T) {
		res, sum := readAll(t, []byte(log))
		checkResults(t, res,
			wantEvent{0, "A", nil},
			wantEvent{1, "B", nil},
			wantEvent{2, "", event.ErrType},
			wantErr{3, offsetOf(log, 3) + int64(strings.Index(noComma, ` "eventName`)) + 1, event.ErrSyntax},
			wantEvent{4, "E", nil},
		)
		de, _ := errors.AsType[*event.DecodeError](res[2].err)
		assert.Equal(t, "eventName", de.Path)
		assert.Equal(t, offsetOf(log, 2)+int64(strings.Index(wrongType, "42")), de.Offset)
		assert.Equal(t, offsetOf(log, 2), res[2].ev.Origin().Offset)
		assert.Equal(t, event.Summary{Bytes: int64(len(log)), Records: 5, Returned: 4, Failed: 1}, sum)
	})
	t.Run("lines", func(t *testing.T) {
		lines := strings.Join(items, "\n")
		res, _ := readAll(t, []byte(lines))
		checkResults(t, res,
			wantEvent{0, "A", nil},
			wantEvent{1, "B", nil},
			wantEvent{2, "", event.ErrType},
			wantErr{3, -1, event.ErrSyntax},
			wantEvent{4, "E", nil},
		)
	})
}

func TestReaderGarbageBetweenLines(t *testing.T) {
	t.Parallel()
	in := rec("A") + "\n" +
		"this is not JSON {\n" +
		rec("B") + "\n" +
		`{"eventVersion":"1.09","eventName":"cut` + "\n" + // a line cut short
		"42\n" +
		"\n   \n" +
		rec("C") + "\n" +
		`{"eventName":"D"}{"eventName":"E"}` + "\n" + // two on one line
		`]` + "\n" +
		rec("F")
	res, sum := readAll(t, []byte(in), event.WithSourceName("trail.jsonl"))
	checkResults(t, res,
		wantEvent{0, "A", nil},
		wantErr{1, int64(strings.Index(in, "this")), event.ErrSyntax},
		wantEvent{2, "B", nil},
		wantErr{3, int64(strings.Index(in, `"cut`) + 4), event.ErrSyntax},
		wantErr{4, int64(strings.Index(in, "42\n")), event.ErrNotRecord},
		wantEvent{5, "C", nil},
		wantEvent{6, "D", nil},
		wantEvent{7, "E", nil},
		wantErr{8, int64(strings.Index(in, "]\n")), event.ErrSyntax},
		wantEvent{9, "F", nil},
	)
	de, _ := errors.AsType[*event.DecodeError](res[1].err)
	assert.Equal(t, "trail.jsonl", de.Source)
	assert.Equal(t, 10, sum.Records)
	assert.Equal(t, 4, sum.Failed)
}

func TestReaderTruncatedArray(t *testing.T) {
	t.Parallel()
	items := []string{rec("A"), rec("B"), rec("C")}
	log := `{"Records":[` + strings.Join(items, ",") + `]}`
	cOff := int64(strings.Index(log, items[2]))
	for _, tc := range []struct {
		name string
		cut  int
		last wantErr
	}{
		{"in a record", int(cOff) + 30, wantErr{2, cOff, event.ErrSyntax}},
		{"after a comma", int(cOff), wantErr{-1, cOff, event.ErrSyntax}},
		{"before the bracket", int(cOff) + len(items[2]), wantErr{-1, int64(len(items[2])) + cOff, event.ErrSyntax}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, _ := readAll(t, []byte(log[:tc.cut]))
			want := []any{wantEvent{0, "A", nil}, wantEvent{1, "B", nil}}
			if tc.name == "before the bracket" {
				want = append(want, wantEvent{2, "C", nil})
			}
			checkResults(t, res, append(want, tc.last)...)
		})
	}
	t.Run("no closing brace", func(t *testing.T) {
		res, _ := readAll(t, []byte(log[:len(log)-1]))
		checkResults(t, res, wantEvent{0, "A", nil}, wantEvent{1, "B", nil}, wantEvent{2, "C", nil},
			wantErr{-1, int64(len(log) - 1), event.ErrSyntax})
	})
	t.Run("garbage in the array", func(t *testing.T) {
		bad := `{"Records":[` + items[0] + `, nonsense, ` + items[1] + ` ` + items[2] + `]}`
		res, _ := readAll(t, []byte(bad))
		checkResults(t, res,
			wantEvent{0, "A", nil},
			wantErr{1, int64(strings.Index(bad, "nonsense")), event.ErrSyntax},
			wantEvent{2, "B", nil},
			wantErr{-1, int64(strings.Index(bad, items[2])), event.ErrSyntax}, // the missing ','
			wantEvent{3, "C", nil},
		)
	})
}

func TestReaderTruncatedGzip(t *testing.T) {
	t.Parallel()
	var items []string
	for i := range 200 {
		items = append(items, rec(strings.Repeat("N", i%7+1)))
	}
	log := []byte(`{"Records":[` + strings.Join(items, ",") + `]}`)
	gz := gzipBytes(t, log)
	res, sum := readAll(t, gz[:len(gz)*2/3], event.WithSourceName("x.json.gz"))
	require.NotEmpty(t, res)
	last := res[len(res)-1]
	require.Nil(t, last.ev)
	require.ErrorIs(t, last.err, event.ErrSyntax)
	assert.Contains(t, last.err.Error(), "gzip")
	good := res[:len(res)-1]
	require.NotEmpty(t, good)
	for i, x := range good {
		require.NoError(t, x.err)
		require.Equal(t, i, x.ev.Origin().Index)
		require.Equal(t, strings.Repeat("N", i%7+1), x.ev.EventName)
	}
	de, _ := errors.AsType[*event.DecodeError](last.err)
	assert.Equal(t, len(good), de.Record, "the record cut short")
	assert.Equal(t, sum.Bytes, de.Offset)
	assert.Equal(t, len(good)+1, sum.Records)

	t.Run("bad header", func(t *testing.T) {
		res, _ := readAll(t, []byte{0x1f, 0x8b, 0, 0})
		require.Len(t, res, 1)
		assert.ErrorIs(t, res[0].err, event.ErrSyntax)
	})
}

// failingReader returns data, then err.
type failingReader struct {
	data []byte
	err  error
}

func (f *failingReader) Read(p []byte) (int, error) {
	if len(f.data) == 0 {
		return 0, f.err
	}
	n := copy(p, f.data)
	f.data = f.data[n:]
	return n, nil
}

func TestReaderSourceError(t *testing.T) {
	t.Parallel()
	boom := errors.New("connection reset")
	for _, gz := range []bool{false, true} {
		data := []byte(rec("A") + "\n" + rec("B") + "\n")
		if gz {
			data = gzipBytes(t, data)
		}
		r := event.NewReader(&failingReader{data: data, err: boom})
		var names []string
		var last error
		for ev, err := range r.All() {
			if ev != nil {
				names = append(names, ev.EventName)
			}
			last = err
		}
		assert.Equal(t, []string{"A", "B"}, names)
		assert.ErrorIs(t, last, boom)
		re, ok := errors.AsType[*event.ReadError](last)
		require.True(t, ok)
		assert.Equal(t, r.Summary().Bytes, re.Offset)
	}
}

func TestReaderRecordLimit(t *testing.T) {
	t.Parallel()
	big := `{"eventVersion":"1.09","eventName":"Big","requestParameters":{"blob":"` + strings.Repeat(`x\"{[`, 1000) + `"}}`
	for _, tc := range []struct {
		name string
		in   func(items ...string) string
	}{
		{"log", func(items ...string) string { return `{"Records":[` + strings.Join(items, ",") + `]}` }},
		{"lines", func(items ...string) string { return strings.Join(items, "\n") }},
		{"array", func(items ...string) string { return `[` + strings.Join(items, ",") + `]` }},
		{"eventbridge", func(items ...string) string {
			var out []string
			for _, it := range items {
				out = append(out, eventBridge(it))
			}
			return strings.Join(out, "\n")
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := tc.in(rec("A"), big, rec("C"))
			res, sum := readAll(t, []byte(in), event.WithMaxRecordBytes(2000))
			bigOff := int64(strings.Index(in, big))
			if tc.name == "eventbridge" {
				bigOff = int64(strings.Index(in, "\n") + 1)
			}
			checkResults(t, res, wantEvent{0, "A", nil}, wantErr{1, bigOff, event.ErrLimit}, wantEvent{2, "C", nil})
			assert.Equal(t, 1, sum.Failed)
		})
	}
}

// TestReaderRecordLimitStreams checks that an over-limit record is skipped
// without being held: a 64 MiB record read with a 1 MiB limit allocates
// a few MB at most.
func TestReaderRecordLimitStreams(t *testing.T) {
	const size = 64 << 20
	in := io.MultiReader(
		strings.NewReader(`{"Records":[`+rec("A")+`,{"eventName":"Huge","requestParameters":{"blob":"`),
		io.LimitReader(repeatReader('y'), size),
		strings.NewReader(`"}},`+rec("C")+`]}`),
	)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	r := event.NewReader(in, event.WithMaxRecordBytes(1<<20))
	var res []result
	for ev, err := range r.All() {
		res = append(res, result{ev: ev, err: err})
	}
	runtime.ReadMemStats(&after)
	checkResults(t, res, wantEvent{0, "A", nil}, wantErr{1, int64(len(`{"Records":[` + rec("A") + `,`)), event.ErrLimit}, wantEvent{2, "C", nil})
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("allocated %d KiB reading a %d MiB record", alloc>>10, size>>20)
	assert.Less(t, alloc, uint64(8<<20))
}

type repeatReader byte

func (c repeatReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(c)
	}
	return len(p), nil
}

// bomb returns gzip data that inflates to n bytes of c, as concatenated
// gzip members of 1 MiB each, built without holding the inflated data.
func bomb(t testing.TB, prefix string, c byte, n int64) []byte {
	t.Helper()
	var out bytes.Buffer
	if prefix != "" {
		out.Write(gzipBytes(t, []byte(prefix)))
	}
	var one bytes.Buffer
	zw, err := gzip.NewWriterLevel(&one, gzip.BestCompression)
	require.NoError(t, err)
	_, err = io.Copy(zw, io.LimitReader(repeatReader(c), 1<<20))
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	for range n >> 20 {
		out.Write(one.Bytes())
	}
	return out.Bytes()
}

func TestReaderGzipBomb(t *testing.T) {
	t.Parallel()
	const limit = 10 << 20
	t.Run("zeros", func(t *testing.T) {
		data := bomb(t, "", 0, 1<<30)
		t.Logf("%d bytes of gzip inflate to 1 GiB", len(data))
		res, sum := readAll(t, data, event.WithMaxInputBytes(limit))
		require.NotEmpty(t, res)
		last := res[len(res)-1]
		assert.ErrorIs(t, last.err, event.ErrLimit)
		assert.Equal(t, int64(limit), sum.Bytes)
		for _, x := range res {
			assert.Nil(t, x.ev)
		}
	})
	t.Run("spaces after records", func(t *testing.T) {
		data := bomb(t, `{"Records":[`+rec("A")+`,`+rec("B"), ' ', 1<<30)
		res, sum := readAll(t, data, event.WithMaxInputBytes(limit))
		checkResults(t, res, wantEvent{0, "A", nil}, wantEvent{1, "B", nil}, wantErr{-1, limit, event.ErrLimit})
		assert.Equal(t, int64(limit), sum.Bytes)
	})
	t.Run("exactly at the limit", func(t *testing.T) {
		in := rec("A") + "\n"
		res, _ := readAll(t, []byte(in), event.WithMaxInputBytes(int64(len(in))))
		checkResults(t, res, wantEvent{0, "A", nil})
		res, _ = readAll(t, []byte(in), event.WithMaxInputBytes(int64(len(in)-2)))
		checkResults(t, res, wantErr{0, int64(len(in) - 2), event.ErrLimit})
	})
}
