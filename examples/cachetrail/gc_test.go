package main

import (
	"math"
	"runtime/debug"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestTuneGC: the command sets GOGC and GOMEMLIMIT itself only where the
// environment leaves them unset.
func TestTuneGC(t *testing.T) {
	percent, limit := debug.SetGCPercent(100), debug.SetMemoryLimit(math.MaxInt64)
	t.Cleanup(func() {
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(limit)
	})
	env := func(vars map[string]string) func(string) string {
		return func(k string) string { return vars[k] }
	}

	tuneGC(env(nil))
	assert.Equal(t, gcPercent, debug.SetGCPercent(100), "GOGC")
	assert.Equal(t, int64(memoryLimit), debug.SetMemoryLimit(math.MaxInt64), "GOMEMLIMIT")

	tuneGC(env(map[string]string{"GOGC": "50", "GOMEMLIMIT": "1GiB"}))
	assert.Equal(t, 100, debug.SetGCPercent(100), "GOGC set by the environment")
	assert.Equal(t, int64(math.MaxInt64), debug.SetMemoryLimit(math.MaxInt64), "GOMEMLIMIT set by the environment")
}
