package elasticache_test

import (
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/elasticache"
	"github.com/cachetrail/cachetrail/internal/testutil"
	"github.com/cachetrail/cachetrail/internal/trailgen"
)

// TestMemoryFlat is performance target 4: reading ElastiCache actions out
// of a trail of 1,000,000 records (about 1.6 GB, generated as it is read)
// holds less than 4 MB more heap than reading a trail of 10,000 does.
//
// What the reader holds is measured at 50 points of each stream, after a
// collection: the heap's size then, less its size before reading. The
// peak of HeapAlloc sampled every millisecond is logged too; it adds the
// garbage not yet collected, which varies with the collector's pace and
// how busy the machine is, not with the length of the stream.
func TestMemoryFlat(t *testing.T) {
	testutil.SkipRace(t)
	large := 1_000_000
	if testing.Short() {
		large = 100_000
	}
	held := func(records int) int64 {
		runtime.GC()
		base := heapAlloc()
		var peakHeld int64
		n := 0
		every := records / 20 / 50 // about 50 checkpoints at 5% ElastiCache
		peakAlloc := testutil.HeapGrowth(func() {
			for act, err := range elasticache.Actions(trailgen.Reader(trailgen.Config{Records: records, ElastiCacheRate: 0.05, Seed: 4})) {
				require.NoError(t, err)
				require.NotNil(t, act)
				if n++; n%every == 0 {
					runtime.GC()
					peakHeld = max(peakHeld, int64(heapAlloc())-int64(base))
				}
			}
		})
		require.Greater(t, n, records/40, "too few ElastiCache actions")
		t.Logf("%9d records, %7d actions: held at most %5d KiB; peak HeapAlloc growth %5d KiB", records, n, peakHeld>>10, peakAlloc>>10)
		return peakHeld
	}
	small, big := held(10_000), held(large)
	assert.Less(t, big-small, int64(4<<20), "heap held reading %d records, beyond that of 10,000", large)
}

func heapAlloc() uint64 {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}
