package elasticache_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"sync"
	"testing"

	"github.com/cachetrail/cachetrail/elasticache"
	"github.com/cachetrail/cachetrail/event"
	"github.com/cachetrail/cachetrail/internal/testutil"
	"github.com/cachetrail/cachetrail/internal/trailgen"
)

// The benchmarks below come in pairs run side by side: ours and a
// baseline doing comparable work with the standard library. README's
// performance table divides one by the other.

// benchConfig is the trail of the performance targets: 20,000 records,
// 5% ElastiCache, the rest EC2, S3, STS and IAM records with random ids.
var benchConfig = trailgen.Config{Records: 20000, ElastiCacheRate: 0.05, Seed: 1}

var benchTrail = sync.OnceValue(func() []byte {
	var b bytes.Buffer
	if err := trailgen.Write(&b, benchConfig); err != nil {
		panic(err)
	}
	return b.Bytes()
})

var benchTrailGzip = sync.OnceValue(func() []byte {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	if _, err := zw.Write(benchTrail()); err != nil {
		panic(err)
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return b.Bytes()
})

// readActions is the work of targets 1 and 2: every ElastiCache record
// of r decoded to its action, the others skipped.
func readActions(b *testing.B, r io.Reader) int {
	n := 0
	for act, err := range elasticache.Actions(r) {
		if err != nil {
			b.Fatal(err)
		}
		if act.Operation() == "" {
			b.Fatal("no operation")
		}
		n++
	}
	return n
}

// BenchmarkTrail reads the trail and decodes its ElastiCache actions
// (target 1: at least 10x BenchmarkTrailBaselineMap).
func BenchmarkTrail(b *testing.B) {
	data := benchTrail()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if n := readActions(b, bytes.NewReader(data)); n == 0 {
			b.Fatal("no ElastiCache action")
		}
	}
}

// BenchmarkTrailBaselineMap is encoding/json unmarshalling the same bytes
// into map[string]any.
func BenchmarkTrailBaselineMap(b *testing.B) {
	testutil.BenchmarkMapBaseline(b, benchTrail())
}

// BenchmarkTrailGzip is BenchmarkTrail on the gzipped log file; SetBytes
// counts the uncompressed bytes, so MB/s compares with the gunzip
// baseline (target 2: at least 90% of BenchmarkTrailBaselineGunzip).
func BenchmarkTrailGzip(b *testing.B) {
	data := benchTrailGzip()
	b.SetBytes(int64(len(benchTrail())))
	b.ReportAllocs()
	for b.Loop() {
		if n := readActions(b, bytes.NewReader(data)); n == 0 {
			b.Fatal("no ElastiCache action")
		}
	}
}

// BenchmarkTrailBaselineGunzip is compress/gzip alone decompressing the
// same file to io.Discard.
func BenchmarkTrailBaselineGunzip(b *testing.B) {
	data := benchTrailGzip()
	b.SetBytes(int64(len(benchTrail())))
	b.ReportAllocs()
	for b.Loop() {
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		if _, err := io.Copy(io.Discard, zr); err != nil {
			b.Fatal(err)
		}
	}
}

// benchRecord is the single event of target 3: a CreateCacheCluster call
// as Terraform makes it, with a full response.
var benchRecord = sync.OnceValue(func() []byte {
	data, err := os.ReadFile("../testdata/elasticache/clusters/create_cache_cluster_redis.json")
	if err != nil {
		panic(err)
	}
	// Compact, as CloudTrail delivers records; the fixture is indented
	// for people.
	var b bytes.Buffer
	if err := json.Compact(&b, data); err != nil {
		panic(err)
	}
	return b.Bytes()
})

// BenchmarkEvent parses one record and decodes its action (target 3: at
// most 15 µs and 35 allocations, at least 2x BenchmarkEventBaselineStructs).
func BenchmarkEvent(b *testing.B) {
	data := benchRecord()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		ev, err := event.Parse(data)
		if err != nil {
			b.Fatal(err)
		}
		a, err := elasticache.Decode(ev)
		if err != nil {
			b.Fatal(err)
		}
		if a.(*elasticache.CreateCacheCluster).Response == nil {
			b.Fatal("no response")
		}
	}
}

// BenchmarkEventBaselineStructs is encoding/json decoding the same record
// into plain structs with the same fields (plainRecord).
func BenchmarkEventBaselineStructs(b *testing.B) {
	data := benchRecord()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		var r plainRecord
		if err := json.Unmarshal(data, &r); err != nil {
			b.Fatal(err)
		}
		if r.ResponseElements == nil {
			b.Fatal("no response")
		}
	}
}
