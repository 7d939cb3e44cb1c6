package event_test

import (
	"bytes"
	"io"
	"runtime"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/event"
	"github.com/cachetrail/cachetrail/internal/testutil"
	"github.com/cachetrail/cachetrail/internal/trailgen"
)

// slowGzipTrail returns a gzipped trail of several inflation chunks
// behind a slow source, so that a goroutine left reading it keeps reading
// well after the consumer stopped.
func slowGzipTrail(t *testing.T) *testutil.SlowReader {
	t.Helper()
	var plain bytes.Buffer
	require.NoError(t, trailgen.Write(&plain, trailgen.Config{Records: 5000, ElastiCacheRate: 0.05, Seed: 9}))
	return &testutil.SlowReader{R: bytes.NewReader(gzipBytes(t, plain.Bytes())), Piece: 512, Delay: 200 * time.Microsecond}
}

// TestReaderAllBreakStopsReading breaks out of All after one event: the
// source is not read again and no goroutine is left, while the Reader is
// still reachable (so no cleanup can be what stopped it). A second loop
// reads on and gets every other event, once.
func TestReaderAllBreakStopsReading(t *testing.T) {
	before := runtime.NumGoroutine()
	src := slowGzipTrail(t)
	r := event.NewReader(src)
	var ids []string
	for ev, err := range r.All() {
		require.NoError(t, err)
		ids = append(ids, ev.EventID)
		break
	}
	testutil.NotReadAfter(t, src, 100*time.Millisecond)
	testutil.NoGoroutineAbove(t, before)

	for ev, err := range r.All() {
		require.NoError(t, err)
		ids = append(ids, ev.EventID)
		if len(ids) == 3000 {
			break
		}
	}
	testutil.NotReadAfter(t, src, 100*time.Millisecond)
	testutil.NoGoroutineAbove(t, before)
	for ev, err := range r.All() {
		require.NoError(t, err)
		ids = append(ids, ev.EventID)
	}
	assert.Equal(t, allIDs(t, src), ids, "events across the three loops")
	runtime.KeepAlive(r)
}

// allIDs returns the event ids of the whole trail behind src, read again.
func allIDs(t *testing.T, src *testutil.SlowReader) []string {
	t.Helper()
	_, err := src.R.(io.Seeker).Seek(0, io.SeekStart)
	require.NoError(t, err)
	var ids []string
	for ev, err := range event.NewReader(src.R).All() {
		require.NoError(t, err)
		ids = append(ids, ev.EventID)
	}
	require.Len(t, ids, 5000)
	return ids
}

// TestReaderCloseStopsReading closes a Reader read with Next: the source
// is not read again, no goroutine is left, Next returns io.EOF and a
// second Close is harmless.
func TestReaderCloseStopsReading(t *testing.T) {
	before := runtime.NumGoroutine()
	src := slowGzipTrail(t)
	r := event.NewReader(src)
	ev, err := r.Next()
	require.NoError(t, err)
	require.NotNil(t, ev)
	require.NoError(t, r.Close())
	testutil.NotReadAfter(t, src, 100*time.Millisecond)
	testutil.NoGoroutineAbove(t, before)
	for range 2 {
		ev, err = r.Next()
		assert.Nil(t, ev)
		assert.Equal(t, io.EOF, err, "Next after Close")
	}
	assert.NoError(t, r.Close(), "second Close")
	assert.Positive(t, r.Summary().Returned, "Summary after Close")
	runtime.KeepAlive(r)
}

// TestReaderCloseBeforeRead closes a Reader that never read: the source
// is never read.
func TestReaderCloseBeforeRead(t *testing.T) {
	src := slowGzipTrail(t)
	r := event.NewReader(src)
	require.NoError(t, r.Close())
	_, err := r.Next()
	assert.Equal(t, io.EOF, err)
	assert.Zero(t, src.Calls())
}

// TestReaderAllManyBreaks reads a gzipped trail in loops of a few events
// each: every pause and restart of the inflating goroutine loses and
// repeats nothing.
func TestReaderAllManyBreaks(t *testing.T) {
	src := slowGzipTrail(t)
	src.Delay = 0
	want := allIDs(t, src)
	_, err := src.R.(io.Seeker).Seek(0, io.SeekStart)
	require.NoError(t, err)
	r := event.NewReader(src)
	var got []string
	for loop := 0; len(got) < len(want) && loop < len(want); loop++ {
		n := 0
		for ev, err := range r.All() {
			require.NoError(t, err)
			got = append(got, ev.EventID)
			if n++; n == 1+loop%97 {
				break
			}
		}
	}
	assert.Equal(t, want, got)
	ev, err := r.Next()
	assert.Nil(t, ev)
	assert.Equal(t, io.EOF, err)
}
