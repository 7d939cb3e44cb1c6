package event_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/event"
	"github.com/cachetrail/cachetrail/internal/testutil"
	"github.com/cachetrail/cachetrail/internal/trailgen"
)

// TestReaderMemoryIsFlat reads a log file of 200,000 records, generated
// as it is read and never held whole, decoding every record, and checks
// that the heap does not grow with the input.
func TestReaderMemoryIsFlat(t *testing.T) {
	n := 200_000
	if testing.Short() || raceEnabled {
		n = 20_000 // the race detector makes the full run take minutes
	}
	r := event.NewReader(trailgen.Reader(trailgen.Config{Records: n, ElastiCacheRate: 0.05, Seed: 3}))
	count, ec := 0, 0
	growth := testutil.HeapGrowth(func() {
		for ev, err := range r.All() {
			require.NoError(t, err)
			count++
			if ev.EventSource == ecSource {
				ec++
			}
		}
	})
	sum := r.Summary()
	require.Equal(t, n, count)
	t.Logf("%d records (%d ElastiCache), %d MB read; peak heap growth %d KiB", count, ec, sum.Bytes>>20, growth>>10)
	assert.Less(t, growth, int64(6<<20), "peak heap growth")
}
