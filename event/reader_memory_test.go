package event_test

import (
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/event"
	"github.com/cachetrail/cachetrail/internal/testutil"
	"github.com/cachetrail/cachetrail/internal/trailgen"
)

// TestReaderMemoryIsFlat reads a log file of 200,000 records, generated
// as it is read and never held whole, decoding every record, and checks
// that what the reader holds does not grow with the input: the heap after
// a collection, at 50 points of the stream, stays within 1 MiB of the
// heap before reading. (The peak of HeapAlloc between collections counts
// garbage too, and varies with how busy the machine is.)
func TestReaderMemoryIsFlat(t *testing.T) {
	n := 200_000
	testutil.SkipRace(t)
	if testing.Short() {
		n = 20_000
	}
	runtime.GC()
	base := heapAlloc()
	var held int64
	r := event.NewReader(trailgen.Reader(trailgen.Config{Records: n, ElastiCacheRate: 0.05, Seed: 3}))
	count, ec := 0, 0
	for ev, err := range r.All() {
		require.NoError(t, err)
		if ev.EventSource == ecSource {
			ec++
		}
		if count++; count%(n/50) == 0 {
			runtime.GC()
			held = max(held, int64(heapAlloc())-int64(base))
		}
	}
	sum := r.Summary()
	require.Equal(t, n, count)
	t.Logf("%d records (%d ElastiCache), %d MB read; held at most %d KiB", count, ec, sum.Bytes>>20, held>>10)
	assert.Less(t, held, int64(1<<20), "heap held while reading")
}

func heapAlloc() uint64 {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}
