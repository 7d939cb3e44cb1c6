package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const sample = `goos: linux
cpu: Intel(R) Xeon(R) Processor
BenchmarkTrail-2                  	      55	  40000000 ns/op	 800.00 MB/s	 8863967 B/op	   64726 allocs/op
BenchmarkTrail-2                  	      55	  42000000 ns/op	 790.00 MB/s	 8863967 B/op	   64726 allocs/op
BenchmarkTrail-2                  	      55	  90000000 ns/op	 300.00 MB/s	 8863967 B/op	   64726 allocs/op
BenchmarkTrailBaselineMap-2       	       5	 420000000 ns/op	  80.00 MB/s	169497947 B/op	 3265073 allocs/op
BenchmarkTrailGzip-2              	      22	  50000000 ns/op	 600.00 MB/s	 9351165 B/op	   67725 allocs/op
BenchmarkTrailBaselineGunzip-2    	      46	  48000000 ns/op	 700.00 MB/s	  487424 B/op	    3000 allocs/op
BenchmarkEvent-2                  	  114520	     14000 ns/op	 204.65 MB/s	   18952 B/op	      33 allocs/op
BenchmarkEventBaselineStructs-2   	   62509	     36000 ns/op	 117.41 MB/s	    4049 B/op	     151 allocs/op
=== RUN   TestMemoryFlat
    memory_test.go:46:     10000 records,     507 actions: held at most   121 KiB; peak HeapAlloc growth   995 KiB
    memory_test.go:46:   1000000 records,   49761 actions: held at most   160 KiB; peak HeapAlloc growth  4015 KiB
`

func TestTable(t *testing.T) {
	in, err := parse(strings.NewReader(sample))
	require.NoError(t, err)
	var b strings.Builder
	require.NoError(t, table(&b, in))
	out := b.String()
	// Medians: the outlier third run of BenchmarkTrail does not count.
	assert.Contains(t, out, "| 1. 20,000-record trail, 5% ElastiCache: filter, decode actions | 790 MB/s | 80 MB/s")
	assert.Contains(t, out, "| 10.0x | ≥ 10x | yes |")
	assert.Contains(t, out, "| 600 MB/s | 700 MB/s (`compress/gzip` to `io.Discard`) | 86% | ≥ 90% | **no** |")
	assert.Contains(t, out, "| 14.0 µs, 33 allocs | 36.0 µs, 151 allocs (`encoding/json` into plain structs) | 2.6x | ≤ 15 µs, ≤ 35 allocs, ≥ 2x | yes |")
	assert.Contains(t, out, "| heap held: 121 KiB, then 160 KiB | | +39 KiB | < 4 MB more | yes |")
	assert.Contains(t, out, "Intel(R) Xeon(R) Processor, 2 CPUs")
}

func TestTableMissingBenchmark(t *testing.T) {
	in, err := parse(strings.NewReader("BenchmarkTrail-2 1 100 ns/op\n"))
	require.NoError(t, err)
	assert.ErrorContains(t, table(&strings.Builder{}, in), "no BenchmarkTrailBaselineMap")
}
