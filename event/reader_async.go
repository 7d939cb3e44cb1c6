package event

import (
	"io"
	"runtime"
	"sync"
)

// Inflating gzip is most of the cost of reading a log file. With more
// than one CPU the reader inflates in its own goroutine, handing chunks
// over a buffered channel, so decompression and parsing overlap.
const (
	asyncChunk = 256 << 10 // bytes per chunk
	asyncDepth = 4         // chunks in flight besides the one being read
)

// asyncReader reads r in a goroutine. Its buffers are reused, so memory
// stays at about (asyncDepth+2)*asyncChunk however long the stream.
type asyncReader struct {
	full chan []byte   // chunks read, in order; closed at the end
	free chan []byte   // chunks the consumer is done with
	stop chan struct{} // closed when the consumer is gone
	err  error         // why the stream ended; read after full is closed
	cur  []byte        // unread part of the chunk being consumed
	buf  []byte        // the chunk being consumed, to give back
}

// useAsync reports whether inflating in a goroutine can help.
func useAsync() bool { return runtime.GOMAXPROCS(0) > 1 }

// newAsyncReader starts reading r. owner is the object whose lifetime
// bounds the goroutine: once owner is unreachable, the goroutine ends,
// even if the consumer stopped early.
func newAsyncReader[T any](r io.Reader, owner *T) *asyncReader {
	a := &asyncReader{
		full: make(chan []byte, asyncDepth),
		free: make(chan []byte, asyncDepth+2),
		stop: make(chan struct{}),
	}
	go a.run(r)
	runtime.AddCleanup(owner, func(stop chan struct{}) { close(stop) }, a.stop)
	return a
}

// chunkPool keeps chunks between readers: a Lambda function reads one
// file after another, and each would otherwise allocate its chunks anew.
var chunkPool = sync.Pool{New: func() any {
	b := make([]byte, asyncChunk)
	return &b
}}

func (a *asyncReader) run(r io.Reader) {
	defer close(a.full)
	defer a.recycle()
	for {
		var b []byte
		select {
		case b = <-a.free:
		default:
			b = *chunkPool.Get().(*[]byte)
		}
		n, err := fillChunk(r, b[:cap(b)])
		if n > 0 {
			select {
			case a.full <- b[:n]:
			case <-a.stop:
				return
			}
		}
		if err != nil {
			a.err = err
			return
		}
	}
}

// recycle gives the chunks on the free list back to chunkPool once the
// stream has ended; chunks still in full or with the consumer are left
// to the collector.
func (a *asyncReader) recycle() {
	for {
		select {
		case b := <-a.free:
			chunkPool.Put(&b)
		default:
			return
		}
	}
}

// fillChunk reads into b until it is full or r fails, returning r's
// error unchanged (io.ReadFull would turn a truncated gzip stream's
// io.ErrUnexpectedEOF into a clean end).
func fillChunk(r io.Reader, b []byte) (int, error) {
	n, empty := 0, 0
	for n < len(b) {
		m, err := r.Read(b[n:])
		n += m
		if err != nil {
			return n, err
		}
		if m == 0 {
			if empty++; empty == 100 {
				return n, io.ErrNoProgress
			}
		}
	}
	return n, nil
}

// Read copies from the current chunk, waiting for the next one when it
// is used up, and returns the reading goroutine's error at the end.
func (a *asyncReader) Read(p []byte) (int, error) {
	for len(a.cur) == 0 {
		if a.buf != nil {
			select {
			case a.free <- a.buf[:cap(a.buf)]:
			default:
			}
			a.buf = nil
		}
		b, ok := <-a.full
		if !ok {
			return 0, a.err
		}
		a.cur, a.buf = b, b
	}
	n := copy(p, a.cur)
	a.cur = a.cur[n:]
	return n, nil
}
