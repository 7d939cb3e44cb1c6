package testutil

import (
	"io"
	"runtime"
	"sync/atomic"
	"testing"
	"time"
)

// SlowReader serves R in pieces of at most Piece bytes, sleeping Delay
// before each, and counts its Read calls: a goroutine still reading it
// in the background keeps the count growing for a while.
type SlowReader struct {
	R     io.Reader
	Piece int
	Delay time.Duration
	calls atomic.Int64
}

// Read implements io.Reader.
func (s *SlowReader) Read(p []byte) (int, error) {
	s.calls.Add(1)
	time.Sleep(s.Delay)
	if s.Piece > 0 && len(p) > s.Piece {
		p = p[:s.Piece]
	}
	return s.R.Read(p)
}

// Calls returns the number of Read calls so far.
func (s *SlowReader) Calls() int64 { return s.calls.Load() }

// NotReadAfter fails the test when s is read again within wait.
func NotReadAfter(t testing.TB, s *SlowReader, wait time.Duration) {
	t.Helper()
	n := s.Calls()
	time.Sleep(wait)
	if m := s.Calls(); m != n {
		t.Errorf("the source was read %d more times after reading stopped", m-n)
	}
}

// NoGoroutineAbove fails the test when more than before goroutines are
// still running after a bounded wait (without forcing a collection, so a
// goroutine ended only by a cleanup is caught).
func NoGoroutineAbove(t testing.TB, before int) {
	t.Helper()
	deadline := time.Now().Add(time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		t.Errorf("%d goroutines left running", n-before)
	}
}
