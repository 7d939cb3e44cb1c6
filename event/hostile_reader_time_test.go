package event_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/cachetrail/cachetrail/event"
	"github.com/cachetrail/cachetrail/internal/testutil"
)

// hostileTimeShape builds a pathological input of about n bytes for the
// reader.
type hostileTimeShape struct {
	name  string
	good  int // the records with an eventID that come back without error
	build func(n int) []byte
}

// wsRun is n bytes of white space with a newline in every other byte:
// each newline of a first record is a place where JSON Lines detection
// looks.
func wsRun(n int) string { return strings.Repeat("\n ", n/2) }

// inFirstRecord is a record with a white-space run after a name.
func inFirstRecord(n int) string {
	return `{"eventVersion":"1.09","eventID":"first","eventSource":` + wsRun(n) + `"elasticache.amazonaws.com","eventName":"X"}`
}

func gzipOf(b []byte) []byte {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestSpeed)
	_, _ = zw.Write(b)
	_ = zw.Close()
	return buf.Bytes()
}

// brokenRun is n bytes of one broken record after another, then a good
// one, in a log file: resynchronisation must not scan the rest again per
// broken record.
func brokenRun(broken string) func(n int) []byte {
	return func(n int) []byte {
		recs := make([]string, 0, n/len(broken)+1)
		for range n / len(broken) {
			recs = append(recs, broken)
		}
		recs = append(recs, goodRec("last"))
		return []byte(`{"Records":[` + strings.Join(recs, ",") + `]}`)
	}
}

var hostileTimeShapes = []hostileTimeShape{
	{"log-leading-space", 1, func(n int) []byte { return []byte(`{"Records":[` + wsRun(n) + goodRec("a") + `]}`) }},
	{"log-first-record", 1, func(n int) []byte { return []byte(`{"Records":[` + inFirstRecord(n) + `]}`) }},
	{"log-gzip", 1, func(n int) []byte { return gzipOf([]byte(`{"Records":[` + inFirstRecord(n) + `]}`)) }},
	{"lines-first-record", 2, func(n int) []byte { return []byte(inFirstRecord(n) + "\n" + goodRec("b") + "\n") }},
	{"lines-string", 1, func(n int) []byte { return []byte(`{"eventName":"a` + wsRun(n) + "\"}\n" + goodRec("b") + "\n") }},
	{"lines-between", 2, func(n int) []byte { return []byte(goodRec("a") + wsRun(n) + goodRec("b")) }},
	{"array", 2, func(n int) []byte { return []byte("[" + inFirstRecord(n) + "," + goodRec("b") + "]") }},
	{"single-record", 1, func(n int) []byte { return []byte(inFirstRecord(n)) }},
	{"eventbridge", 1, func(n int) []byte { return []byte(eventBridge(inFirstRecord(n))) }},
	{"eventbridge-batch", 2, func(n int) []byte {
		return []byte("[" + eventBridge(inFirstRecord(n)) + "," + eventBridge(goodRec("b")) + "]")
	}},
	{"cwl-payload", 1, func(n int) []byte {
		return []byte(`{"messageType":"DATA_MESSAGE",` + wsRun(n) + `"logEvents":[{"id":"1","timestamp":1,"message":` + strconv.Quote(goodRec("a")) + `}]}`)
	}},
	{"broken-mismatched", 1, brokenRun(mismatchedArray)},
	{"broken-stray-brace", 2, func(n int) []byte {
		return []byte(`{"Records":[` + goodRec("a") + strings.Repeat(",}", n/2) + "," + goodRec("b") + `]}`)
	}},
	{"broken-cut", 1, brokenRun(cutRecord)},
	{"broken-unterminated-string", 1, brokenRun(openString)},
	{"broken-lines", 1, func(n int) []byte { return []byte(strings.Repeat(openString+"\n", n/len(openString)) + goodRec("b")) }},
	{"broken-concatenated", 2, func(n int) []byte {
		return []byte(goodRec("a") + strings.Repeat(openString, n/len(openString)) + goodRec("b"))
	}},
}

// readCount reads data to the end and returns the number of results.
func readCount(data []byte) int {
	n := 0
	for range event.NewReader(bytes.NewReader(data), event.WithMaxRecordBytes(1<<26)).All() {
		n++
	}
	return n
}

// goodIDs returns the eventIDs of the events read from data without error.
func goodIDs(data []byte) []string {
	var ids []string
	for ev, err := range event.NewReader(bytes.NewReader(data)).All() {
		if ev != nil && err == nil && ev.EventID != "" {
			ids = append(ids, ev.EventID)
		}
	}
	return ids
}

func TestHostileReaderTime(t *testing.T) {
	if testing.Short() {
		t.Skip("timing")
	}
	for _, sh := range hostileTimeShapes {
		t.Run(sh.name, func(t *testing.T) {
			// The good records come back.
			assert.Len(t, goodIDs(sh.build(1<<12)), sh.good)
			testutil.Linear(t, 1<<20, sh.build, func(in []byte) { readCount(in) })
		})
	}
}

func BenchmarkHostileReader(b *testing.B) {
	for _, sh := range hostileTimeShapes {
		for _, scale := range []int{1, testutil.ScaleFactor} {
			data := sh.build(scale << 19)
			b.Run(sh.name+"/"+strconv.Itoa(scale)+"x", func(b *testing.B) {
				b.SetBytes(int64(len(data)))
				for b.Loop() {
					readCount(data)
				}
			})
		}
	}
}

// TestHostileReaderMemory bounds what reading each pathological input
// allocates: 24 bytes per input byte plus 8 MiB (testutil.AllocBound).
func TestHostileReaderMemory(t *testing.T) {
	testutil.SkipRace(t)
	for _, sh := range hostileTimeShapes {
		t.Run(sh.name, func(t *testing.T) {
			data := sh.build(4 << 20)
			size := len(data)
			if zr, err := gzip.NewReader(bytes.NewReader(data)); err == nil {
				plain, _ := io.ReadAll(zr)
				size = len(plain) // the bound counts the input the reader reads
			}
			testutil.AllocBound(t, size, func() { readCount(data) })
		})
	}
}
