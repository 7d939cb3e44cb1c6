package elasticache_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/elasticache"
	"github.com/cachetrail/cachetrail/internal/testutil"
	"github.com/cachetrail/cachetrail/internal/trailgen"
)

// TestMemoryFlat is performance target 4: reading ElastiCache actions out
// of a trail of 1,000,000 records (about 1.6 GB, generated as it is read)
// grows the heap less than 4 MB more than a trail of 10,000 does.
func TestMemoryFlat(t *testing.T) {
	large := 1_000_000
	if testing.Short() || raceEnabled {
		large = 100_000 // the race detector makes the full run take many minutes
	}
	growth := func(records int) int64 {
		n := 0
		g := testutil.HeapGrowth(func() {
			for act, err := range elasticache.Actions(trailgen.Reader(trailgen.Config{Records: records, ElastiCacheRate: 0.05, Seed: 4})) {
				require.NoError(t, err)
				require.NotNil(t, act)
				n++
			}
		})
		require.Greater(t, n, records/40, "too few ElastiCache actions")
		t.Logf("%9d records, %7d actions: peak heap growth %5d KiB", records, n, g>>10)
		return g
	}
	small, big := growth(10_000), growth(large)
	assert.Less(t, big-small, int64(4<<20), "heap growth from 10k to %d records", large)
}
