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

// TestHistoryMemoryFlat folds a generated trail of 100,000 ElastiCache
// records over 100 resources into a History: the heap it holds after a
// collection grows less than 4 MB beyond that of a 10,000-record trail,
// as target 4 measures a reader. Holding anything per record, 45 bytes or
// more, fails it. (A million records took two minutes and found no more.)
func TestHistoryMemoryFlat(t *testing.T) {
	testutil.SkipRace(t)
	large := 100_000
	held := func(records int) int64 {
		runtime.GC()
		base := heapAlloc()
		var h elasticache.History
		var peakHeld int64
		n, steps := 0, 0
		every := max(records/50, 1)
		for act, err := range elasticache.Actions(trailgen.Reader(trailgen.Config{Records: records, ElastiCacheRate: 1, Seed: 16, Resources: 100})) {
			require.NoError(t, err)
			steps += len(h.Add(act))
			if n++; n%every == 0 {
				runtime.GC()
				peakHeld = max(peakHeld, int64(heapAlloc())-int64(base))
			}
		}
		runtime.KeepAlive(&h)
		require.Equal(t, records, n)
		require.Greater(t, steps, records/2, "too few steps")
		t.Logf("%9d records, %8d steps: held at most %5d KiB", records, steps, peakHeld>>10)
		return peakHeld
	}
	small, big := held(10_000), held(large)
	assert.Less(t, big-small, int64(4<<20), "heap held folding %d records, beyond that of 10,000", large)
}
