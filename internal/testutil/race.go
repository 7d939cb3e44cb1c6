//go:build race

package testutil

// Race reports whether the race detector is on. Under it sync.Pool drops
// items at random, so allocation counts say little: .ci/run checks the
// memory bounds in a run without it.
const Race = true
