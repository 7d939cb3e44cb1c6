package event_test

import (
	"bytes"
	"errors"
	"io"
	"runtime"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/event"
	"github.com/cachetrail/cachetrail/internal/trailgen"
)

// TestReaderGzipAcrossChunks reads a gzipped trail of many inflation
// chunks and gets the same events, at the same offsets, as from the
// plain bytes.
func TestReaderGzipAcrossChunks(t *testing.T) {
	var plain bytes.Buffer
	require.NoError(t, trailgen.Write(&plain, trailgen.Config{Records: 3000, ElastiCacheRate: 0.05, Seed: 9}))
	require.Greater(t, plain.Len(), 4<<20, "the trail must span many of the inflater's chunks")
	type got struct {
		id     string
		offset int64
	}
	read := func(data []byte) []got {
		var out []got
		for ev, err := range event.NewReader(bytes.NewReader(data)).All() {
			require.NoError(t, err)
			out = append(out, got{ev.EventID, ev.Origin().Offset})
		}
		return out
	}
	want := read(plain.Bytes())
	require.Len(t, want, 3000)
	assert.Equal(t, want, read(gzipBytes(t, plain.Bytes())))
}

// TestReaderGzipAbandoned stops reading a gzipped trail after one event
// and drops the reader: the goroutine inflating it must end.
func TestReaderGzipAbandoned(t *testing.T) {
	if runtime.GOMAXPROCS(0) < 2 {
		t.Skip("the reader inflates in a goroutine only with 2 CPUs or more")
	}
	var plain bytes.Buffer
	require.NoError(t, trailgen.Write(&plain, trailgen.Config{Records: 5000, ElastiCacheRate: 0.05, Seed: 9}))
	gz := gzipBytes(t, plain.Bytes())

	before := runtime.NumGoroutine()
	func() {
		r := event.NewReader(bytes.NewReader(gz))
		ev, err := r.Next()
		require.NoError(t, err)
		require.NotNil(t, ev)
		assert.Greater(t, runtime.NumGoroutine(), before, "no inflating goroutine")
	}()
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	assert.Equal(t, before, runtime.NumGoroutine(), "the inflating goroutine outlived its reader")
}

// TestReaderGzipReadError passes the error of a source failing after
// several chunks through the inflating goroutine as a *ReadError.
func TestReaderGzipReadError(t *testing.T) {
	var plain bytes.Buffer
	require.NoError(t, trailgen.Write(&plain, trailgen.Config{Records: 2000, ElastiCacheRate: 0.05, Seed: 9}))
	gz := gzipBytes(t, plain.Bytes())
	boom := errors.New("connection reset")
	src := &failingReader{data: gz[:len(gz)/2], err: boom}
	var last error
	n := 0
	for ev, err := range event.NewReader(src).All() {
		if ev != nil {
			n++
		}
		if err != nil {
			last = err
		}
	}
	var re *event.ReadError
	require.ErrorAs(t, last, &re)
	assert.ErrorIs(t, re, boom)
	assert.Greater(t, n, 0)
}

// unseekable is an in-memory reader whose Seek fails, so the reader must
// put back the bytes it looked at.
type unseekable struct{ *bytes.Reader }

func (unseekable) Seek(int64, int) (int64, error) { return 0, errors.New("no seeking") }

// TestReaderInMemorySources reads the same gzipped and plain trails from
// a bytes.Reader (handed to gzip as is), from a reader hiding its
// in-memory kind, and from an in-memory reader that cannot seek back:
// all give the same events.
func TestReaderInMemorySources(t *testing.T) {
	var plain bytes.Buffer
	require.NoError(t, trailgen.Write(&plain, trailgen.Config{Records: 500, ElastiCacheRate: 0.05, Seed: 9}))
	for name, data := range map[string][]byte{"plain": plain.Bytes(), "gzip": gzipBytes(t, plain.Bytes())} {
		t.Run(name, func(t *testing.T) {
			ids := func(r io.Reader) []string {
				var out []string
				for ev, err := range event.NewReader(r).All() {
					require.NoError(t, err)
					out = append(out, ev.EventID)
				}
				return out
			}
			want := ids(bytes.NewReader(data))
			require.Len(t, want, 500)
			assert.Equal(t, want, ids(struct{ io.Reader }{bytes.NewReader(data)}), "hidden kind")
			assert.Equal(t, want, ids(unseekable{bytes.NewReader(data)}), "seek fails")
		})
	}
}
