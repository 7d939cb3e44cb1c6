package testutil

import (
	"runtime"
	"testing"
	"time"
)

// The bounds every entry point keeps for hostile input (SECURITY.md).
const (
	// ScaleFactor is how much larger the second input of [Linear] is.
	ScaleFactor = 8
	// MaxScaleRatio is the largest time ratio [Linear] accepts between the
	// two runs: linear work is 8x, quadratic 64x.
	MaxScaleRatio = 20
	// AllocPerByte and AllocSlack bound the bytes allocated while reading
	// one record of n bytes: AllocPerByte*n + AllocSlack ([AllocBound]).
	AllocPerByte = 24
	AllocSlack   = 8 << 20
)

// Linear checks that run takes time linear in its input: it builds the
// input at size n and at ScaleFactor*n, times run on each (the fastest of
// three runs, so a busy machine slows both alike) and fails the test when
// the larger one takes more than MaxScaleRatio times the smaller. Choose n
// so that run takes a few milliseconds at least. It returns the ratio.
func Linear(t testing.TB, n int, build func(n int) []byte, run func(in []byte)) float64 {
	t.Helper()
	small, large := build(n), build(ScaleFactor*n)
	ts := fastest(small, run)
	tl := fastest(large, run)
	ratio := float64(tl) / float64(max(ts, time.Microsecond))
	t.Logf("%d bytes: %v; %d bytes: %v; ratio %.1f (linear %d, quadratic %d)",
		len(small), ts, len(large), tl, ratio, ScaleFactor, ScaleFactor*ScaleFactor)
	if ratio > MaxScaleRatio {
		t.Errorf("%d times the input took %.1f times as long (%v, then %v): not linear", ScaleFactor, ratio, ts, tl)
	}
	return ratio
}

func fastest(in []byte, run func([]byte)) time.Duration {
	best := time.Duration(1<<63 - 1)
	for range 3 {
		runtime.GC()
		start := time.Now()
		run(in)
		best = min(best, time.Since(start))
	}
	return best
}

// AllocatedBytes returns the bytes f allocates on the heap, garbage
// included.
func AllocatedBytes(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// AllocBound fails the test when f, which reads one record of size bytes,
// allocates more than AllocPerByte*size + AllocSlack bytes. It returns
// what f allocated.
func AllocBound(t testing.TB, size int, f func()) uint64 {
	t.Helper()
	got := AllocatedBytes(f)
	limit := uint64(AllocPerByte*size + AllocSlack)
	t.Logf("%d-byte record: allocated %d bytes (%.1f per byte; limit %d)", size, got, float64(got)/float64(max(size, 1)), limit)
	if got > limit {
		t.Errorf("reading a %d-byte record allocated %d bytes, over %d*size+%d = %d", size, got, AllocPerByte, AllocSlack, limit)
	}
	return got
}
