package testutil

import (
	"runtime"
	"runtime/debug"
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
// three runs of the small one and of two of the large one, so a busy
// machine slows both alike; see fastest) and fails the test when the
// larger one takes more than MaxScaleRatio times the smaller in each of
// three tries. Choose n so that the input is larger than a core's cache
// (a megabyte or more) where run is fast. It returns the last ratio. It
// skips the test under the race detector (SkipRace).
func Linear(t testing.TB, n int, build func(n int) []byte, run func(in []byte)) float64 {
	t.Helper()
	SkipRace(t)
	small, large := build(n), build(ScaleFactor*n)
	reps := calibrate(small, run)
	var ratio float64
	for try := 1; try <= 3; try++ {
		ts := fastest(small, run, reps, 3)
		tl := fastest(large, run, reps, 2)
		ratio = float64(tl) / float64(max(ts, time.Microsecond))
		t.Logf("%d bytes: %v; %d bytes: %v (%d runs each); ratio %.1f (linear %d, quadratic %d)",
			len(small), ts, len(large), tl, reps, ratio, ScaleFactor, ScaleFactor*ScaleFactor)
		if ratio <= MaxScaleRatio {
			return ratio
		}
		// A busy machine can slow one measurement; quadratic work fails
		// every try.
	}
	t.Errorf("%d times the input took %.1f times as long, three times: not linear", ScaleFactor, ratio)
	return ratio
}

// minTimed is the shortest timing Linear trusts: shorter runs are
// repeated, so that a preempted time slice does not decide the ratio.
const minTimed = 10 * time.Millisecond

// calibrate returns how many times to call run on in so that the calls
// take minTimed or more.
func calibrate(in []byte, run func([]byte)) int {
	one := fastest(in, run, 1, 2) // the first run of all is cold
	if one >= minTimed {
		return 1
	}
	return min(1000, int(minTimed/max(one, time.Microsecond))+1)
}

// fastest times reps calls of run on in, the fastest of tries. The
// collector is off meanwhile: a run that allocates would otherwise pay for
// collections at the larger size only, which says nothing about the
// algorithm (AllocBound checks the memory).
func fastest(in []byte, run func([]byte), reps, tries int) time.Duration {
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	best := time.Duration(1<<63 - 1)
	for range tries {
		runtime.GC()
		start := time.Now()
		for range reps {
			run(in)
		}
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
// what f allocated. It skips the test under the race detector (SkipRace).
func AllocBound(t testing.TB, size int, f func()) uint64 {
	t.Helper()
	SkipRace(t)
	got := AllocatedBytes(f)
	limit := uint64(AllocPerByte*size + AllocSlack)
	t.Logf("%d-byte record: allocated %d bytes (%.1f per byte; limit %d)", size, got, float64(got)/float64(max(size, 1)), limit)
	if got > limit {
		t.Errorf("reading a %d-byte record allocated %d bytes, over %d*size+%d = %d", size, got, AllocPerByte, AllocSlack, limit)
	}
	return got
}

// SkipRace skips a test that measures time or memory under the race
// detector, which slows and grows everything unevenly. The run without
// -race (the README's test command) checks it; CI runs both.
func SkipRace(t testing.TB) {
	t.Helper()
	if Race {
		t.Skip("measures time or memory, which the race detector distorts; the run without -race checks it")
	}
}
