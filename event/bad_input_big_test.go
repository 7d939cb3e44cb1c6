package event_test

import (
	"bytes"
	"io"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/event"
	"github.com/cachetrail/cachetrail/internal/testutil"
)

// measure runs f and returns the bytes it allocated and the peak growth
// of the live heap over what was live before, sampled every millisecond
// with a low GC target so that the peak tracks live memory.
func measure(f func()) (alloc, peakGrowth uint64) {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	g := testutil.HeapGrowth(f)
	runtime.ReadMemStats(&after)
	if g > 0 {
		peakGrowth = uint64(g)
	}
	return after.TotalAlloc - before.TotalAlloc, peakGrowth
}

const (
	hugeString = 10 << 20 // the 10 MB string value
	mib        = 1 << 20
)

// TestBadHugeString reads records with a 10 MB string value, decoded
// (userAgent) or kept raw (in requestParameters): Parse and a Reader with
// the default limits accept them and allocate a small multiple of their
// size; a Reader limited to 1 MiB records reports one as ErrLimit without
// holding it, and reads on.
func TestBadHugeString(t *testing.T) {
	big := strings.Repeat("x", hugeString)
	decoded := `{"eventName":"HugeDecoded","userAgent":"` + big + `"}`
	raw := `{"eventName":"HugeRaw","requestParameters":{"blob":"` + big + `"}}`

	t.Run("Parse", func(t *testing.T) {
		for _, tc := range []struct {
			record string
			value  func(ev *event.Event) string
		}{
			{decoded, func(ev *event.Event) string { return ev.UserAgent }},
			{raw, func(ev *event.Event) string { return string(ev.RequestParameters) }},
		} {
			var ev *event.Event
			var err error
			alloc, peak := measure(func() { ev, err = event.Parse([]byte(tc.record)) })
			require.NoError(t, err)
			assert.Contains(t, tc.value(ev), big, "string whole")
			t.Logf("Parse of %s: allocated %d MiB, peak heap growth %d MiB", ev.EventName, alloc/mib, peak/mib)
			// Parse copies the input once, and a raw payload once more.
			assert.Less(t, alloc, uint64(3*len(tc.record)), "allocation a small multiple of the record")
		}
	})
	t.Run("reader default limit", func(t *testing.T) {
		in := []byte(rec("A") + "\n" + decoded + "\n" + raw + "\n" + rec("C") + "\n")
		var evs []*event.Event
		alloc, peak := measure(func() {
			evs = readOutcomes(t, in, []outcome{returns("A"), returns("HugeDecoded"), returns("HugeRaw"), returns("C")})
		})
		t.Logf("reader over two %d MiB records: allocated %d MiB, peak heap growth %d MiB", hugeString/mib, alloc/mib, peak/mib)
		assert.Less(t, alloc, uint64(4*len(in)), "allocation a small multiple of the records")
		require.Len(t, evs, 4)
		assert.Len(t, evs[1].UserAgent, hugeString)
	})
	t.Run("reader 1 MiB limit", func(t *testing.T) {
		head := `{"Records":[` + rec("A") + `,`
		in := io.MultiReader(
			strings.NewReader(head+`{"eventName":"Huge","userAgent":"`),
			io.LimitReader(repeatReader('x'), hugeString),
			strings.NewReader(`"},`+rec("C")+`]}`),
		)
		r := event.NewReader(in, event.WithMaxRecordBytes(mib))
		var res []result
		alloc, peak := measure(func() {
			for ev, err := range r.All() {
				res = append(res, result{ev: ev, err: err})
			}
		})
		require.Len(t, res, 3)
		checkOutcome(t, "A", res[0].ev, res[0].err, returns("A"))
		checkOutcome(t, "Huge", res[1].ev, res[1].err, fails(located(event.ErrLimit, 1, int64(len(head)), "", "record longer than 1048576 bytes")))
		checkOutcome(t, "C", res[2].ev, res[2].err, returns("C"))
		t.Logf("reader skipping a %d MiB record: allocated %d KiB, peak heap growth %d KiB", hugeString/mib, alloc>>10, peak>>10)
		assert.Less(t, alloc, uint64(6*mib), "the record is not held")
		assert.Less(t, peak, uint64(6*mib), "the record is not held")
	})
}

// TestBadDeepNesting reads 100,000 levels of nesting, of arrays in a
// payload and of objects in an unknown member: Parse and a Reader stop at
// the depth limit (10,000 by default, or WithMaxDepth) with ErrSyntax at
// the first bracket too deep, without recursing or allocating per level
// past the limit, and the Reader goes on with the next line.
func TestBadDeepNesting(t *testing.T) {
	const levels = 100_000
	arrays := `{"eventName":"Deep","requestParameters":` + strings.Repeat("[", levels) + strings.Repeat("]", levels) + `}`
	objects := `{"eventName":"Deep","extra":` + strings.Repeat(`{"a":`, levels) + "1" + strings.Repeat("}", levels) + `}`
	arraysAt := int64(len(`{"eventName":"Deep","requestParameters":`)) // offset of the first bracket
	objectsAt := int64(len(`{"eventName":"Deep","extra":`))
	for _, tc := range []struct {
		name   string
		record string
		depth  int   // WithMaxDepth, 0 for the default
		offset int64 // of the bracket one level too deep
		path   string
		msg    string
	}{
		// The record is level 1, so the payload's n-th bracket is level n+1.
		{"arrays", arrays, 0, arraysAt + 9999, "requestParameters", "nesting deeper than 10000 levels"},
		{"arrays, depth 50", arrays, 50, arraysAt + 49, "requestParameters", "nesting deeper than 50 levels"},
		{"objects", objects, 0, objectsAt + 9999*5, "extra", "nesting deeper than 10000 levels"},
		{"objects, depth 50", objects, 50, objectsAt + 49*5, "extra", "nesting deeper than 50 levels"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var opts []event.Option
			if tc.depth > 0 {
				opts = append(opts, event.WithMaxDepth(tc.depth))
			}
			var ev *event.Event
			var err error
			alloc, _ := measure(func() { ev, err = event.Parse([]byte(tc.record), opts...) })
			checkOutcome(t, "Parse", ev, err, fails(located(event.ErrSyntax, -1, tc.offset, tc.path, tc.msg)))
			t.Logf("Parse: allocated %d KiB", alloc>>10)
			assert.Less(t, alloc, uint64(mib), "no allocation per level")

			line := rec("A") + "\n"
			in := line + tc.record + "\n" + rec("C") + "\n"
			readOutcomes(t, []byte(in), []outcome{
				returns("A"),
				fails(located(event.ErrSyntax, 1, int64(len(line))+tc.offset, tc.path, tc.msg)),
				returns("C"),
			}, opts...)
		})
	}
}

// TestBadMillionRecords reads 1,000,000 tiny records, {}, as JSON Lines
// and as a log file: the Reader returns each one, in order, with its
// index, and the live heap does not grow with their number. Parse of the
// whole input is a syntax error after the first record.
func TestBadMillionRecords(t *testing.T) {
	n := 1_000_000
	if testutil.Race {
		n = 100_000 // the race detector makes a million take minutes
	}
	lines := bytes.Repeat([]byte("{}\n"), n)
	log := append(append([]byte(`{"Records":[`), bytes.Repeat([]byte("{},"), n-1)...), `{}]}`...)

	ev, err := event.Parse(lines)
	checkOutcome(t, "Parse", ev, err, fails(located(event.ErrSyntax, -1, 3, "", "unexpected '{' after the value")))

	for _, tc := range []struct {
		name  string
		data  []byte
		first int64 // offset of the first record
		step  int64 // bytes per record
	}{{"lines", lines, 0, 3}, {"log", log, 12, 3}} {
		t.Run(tc.name, func(t *testing.T) {
			r := event.NewReader(bytes.NewReader(tc.data))
			count := 0
			_, peak := measure(func() {
				for ev, err := range r.All() {
					if err != nil || ev == nil || ev.Origin().Index != count || ev.Origin().Offset != tc.first+int64(count)*tc.step {
						require.Failf(t, "bad result", "record %d: %v %v", count, ev, err)
					}
					count++
				}
			})
			assert.Equal(t, n, count)
			sum := r.Summary()
			assert.Equal(t, n, sum.Records)
			assert.Equal(t, n, sum.Returned)
			assert.Equal(t, int64(len(tc.data)), sum.Bytes)
			t.Logf("%d records: peak heap growth %d KiB", n, peak>>10)
			assert.Less(t, peak, uint64(8*mib), "heap flat in the number of records")
		})
	}
}

// TestBadGzipBomb reads gzip input of about 4 MB that inflates to 4 GiB
// of whitespace after a record, or of one string value inside a record,
// with a 64 MiB input limit: the Reader returns the records before the
// bomb, reports the over-long record as ErrLimit (record limit 1 MiB),
// and ends with ErrLimit at exactly 64 MiB of inflated input, with the
// live heap bounded by a few MiB. (The default limit, 16 GiB, works the
// same; inflating that much takes too long for a unit test.)
func TestBadGzipBomb(t *testing.T) {
	testutil.SkipRace(t) // the heap bound; other tests run the inflating goroutine under it
	const (
		inflated = 4 << 30
		limit    = 64 << 20
	)
	head := `{"Records":[` + rec("A") + `,`
	for _, tc := range []struct {
		name   string
		prefix string
		fill   byte
		want   []outcome
	}{
		{"whitespace after a record", head, ' ', []outcome{
			returns("A"),
			fails(located(event.ErrLimit, -1, limit, "", "input longer than 67108864 bytes (after decompression)")),
		}},
		// The record never ends, so the input limit ends it and the
		// stream; the record limit would be reported at its end.
		{"inside a string value", head + `{"eventName":"Bomb","userAgent":"`, 'y', []outcome{
			returns("A"),
			fails(located(event.ErrLimit, 1, limit, "", "input longer than 67108864 bytes (after decompression)")),
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := bomb(t, tc.prefix, tc.fill, inflated)
			t.Logf("%d KiB of gzip inflate to %d GiB", len(data)>>10, inflated>>30)
			require.Less(t, len(data), 8*mib)
			alloc, peak := measure(func() {
				readOutcomes(t, data, tc.want, event.WithMaxInputBytes(limit), event.WithMaxRecordBytes(mib))
			})
			t.Logf("allocated %d MiB, peak heap growth %d KiB", alloc>>20, peak>>10)
			assert.Less(t, peak, uint64(8*mib), "live heap bounded")
		})
	}
}
