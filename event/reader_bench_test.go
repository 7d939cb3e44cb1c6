package event_test

import (
	"bytes"
	"sync"
	"testing"

	"github.com/cachetrail/cachetrail/event"
	"github.com/cachetrail/cachetrail/internal/testutil"
	"github.com/cachetrail/cachetrail/internal/trailgen"
)

// benchTrail is a generated log file of 20,000 records, 5% ElastiCache.
var benchTrail = sync.OnceValue(func() []byte {
	var b bytes.Buffer
	if err := trailgen.Write(&b, trailgen.Config{Records: 20000, ElastiCacheRate: 0.05, Seed: 1}); err != nil {
		panic(err)
	}
	return b.Bytes()
})

func benchRead(b *testing.B, data []byte, want int, opts ...event.Option) {
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for ev, err := range event.NewReader(bytes.NewReader(data), opts...).All() {
			if ev == nil {
				b.Fatal(err)
			}
			n++
		}
		if want > 0 && n != want {
			b.Fatalf("read %d events, want %d", n, want)
		}
	}
}

// BenchmarkReaderFiltered reads the trail keeping the ElastiCache records:
// the others are skipped by a scan of their bytes.
func BenchmarkReaderFiltered(b *testing.B) {
	benchRead(b, benchTrail(), 0, event.WithEventSources(ecSource))
}

// BenchmarkReaderSkipAll keeps no record: ns/op divided by 20,000 is what
// skipping one record costs, to compare with BenchmarkReaderFull.
func BenchmarkReaderSkipAll(b *testing.B) {
	benchRead(b, benchTrail(), 0, event.WithEventSources("none.amazonaws.com"))
}

// BenchmarkReaderFull decodes every record of the trail.
func BenchmarkReaderFull(b *testing.B) {
	benchRead(b, benchTrail(), 20000)
}

// BenchmarkReaderFilteredLines is BenchmarkReaderFiltered on JSON Lines.
func BenchmarkReaderFilteredLines(b *testing.B) {
	var buf bytes.Buffer
	if err := trailgen.Lines(&buf, trailgen.Config{Records: 20000, ElastiCacheRate: 0.05, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	benchRead(b, buf.Bytes(), 0, event.WithEventSources(ecSource))
}

// BenchmarkEncodingJSONMap is the baseline: encoding/json decoding the
// same bytes into map[string]any.
func BenchmarkEncodingJSONMap(b *testing.B) {
	testutil.BenchmarkMapBaseline(b, benchTrail())
}
