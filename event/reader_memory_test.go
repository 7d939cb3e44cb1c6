package event_test

import (
	"runtime"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/event"
	"github.com/cachetrail/cachetrail/internal/trailgen"
)

// heapSampler records the peak HeapAlloc while it runs.
type heapSampler struct {
	peak atomic.Uint64
	stop chan struct{}
	wg   sync.WaitGroup
}

func sampleHeap(every time.Duration) *heapSampler {
	h := &heapSampler{stop: make(chan struct{})}
	h.wg.Go(func() {
		t := time.NewTicker(every)
		defer t.Stop()
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapAlloc > h.peak.Load() {
				h.peak.Store(ms.HeapAlloc)
			}
			select {
			case <-h.stop:
				return
			case <-t.C:
			}
		}
	})
	return h
}

func (h *heapSampler) done() uint64 {
	close(h.stop)
	h.wg.Wait()
	return h.peak.Load()
}

// TestReaderMemoryIsFlat reads a log file of 200,000 records, generated
// as it is read and never held whole, decoding every record, and checks
// that the heap does not grow with the input.
func TestReaderMemoryIsFlat(t *testing.T) {
	n := 200_000
	if testing.Short() || raceEnabled {
		n = 20_000 // the race detector makes the full run take minutes
	}
	// A low GC target makes the peak track live memory rather than the
	// collector's default 4 MB minimum heap.
	defer debug.SetGCPercent(debug.SetGCPercent(10))
	runtime.GC()
	var base runtime.MemStats
	runtime.ReadMemStats(&base)
	h := sampleHeap(time.Millisecond)

	r := event.NewReader(trailgen.Reader(trailgen.Config{Records: n, ElastiCacheRate: 0.05, Seed: 3}))
	count, ec := 0, 0
	for ev, err := range r.All() {
		require.NoError(t, err)
		count++
		if ev.EventSource == ecSource {
			ec++
		}
	}
	peak := h.done()
	sum := r.Summary()
	require.Equal(t, n, count)
	growth := int64(peak) - int64(base.HeapAlloc)
	t.Logf("%d records (%d ElastiCache), %d MB read; heap %d KiB before, peak %d KiB, growth %d KiB",
		count, ec, sum.Bytes>>20, base.HeapAlloc>>10, peak>>10, growth>>10)
	assert.Less(t, growth, int64(6<<20), "peak heap growth")
}
