package testutil

import (
	"runtime"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"
)

// HeapGrowth runs f and returns how far the heap grew above its size
// before f: the peak HeapAlloc sampled every millisecond while f ran,
// less HeapAlloc after a collection before it. It counts garbage not yet
// collected too, so it sets a low GC target meanwhile, to make the peak
// track live memory rather than the collector's default slack.
func HeapGrowth(f func()) int64 {
	defer debug.SetGCPercent(debug.SetGCPercent(10))
	runtime.GC()
	base := heapAlloc()

	var peak atomic.Uint64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			if a := heapAlloc(); a > peak.Load() {
				peak.Store(a)
			}
			select {
			case <-stop:
				return
			case <-t.C:
			}
		}
	})
	f()
	close(stop)
	wg.Wait()
	return int64(peak.Load()) - int64(base)
}

func heapAlloc() uint64 {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}
