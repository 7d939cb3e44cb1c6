package split

import (
	"errors"
	"io"
	"runtime"
	"sync"
)

// Inflating gzip is most of the cost of reading a log file. With more
// than one CPU the reader inflates in its own goroutine, handing chunks
// over a buffered channel, so decompression and parsing overlap.
//
// Chunks of 64 KiB read as fast as chunks of 128 or 256, on one file and
// on a trail directory, where the command's peak RSS was 23-24 MiB against
// 28-36 and 37-60: a reader per file allocates its chunks anew once the
// collector has emptied chunkPool.
const (
	asyncChunk = 64 << 10 // bytes per chunk
	asyncDepth = 4        // chunks in flight besides the one being read
)

// asyncReader reads r in a goroutine. Its buffers are reused, so memory
// stays at about (asyncDepth+2)*asyncChunk however long the stream.
//
// The goroutine runs until the end of r, until pause (the consumer stops
// for now: a later Read starts a new goroutine where the last one
// stopped) or until close (for good). Both wait for it to return, so that
// r is not read after them.
type asyncReader struct {
	r       io.Reader
	free    chan []byte   // chunks the consumer is done with
	quit    chan struct{} // closed by close or the cleanup: stop for good
	quitted sync.Once
	cleanup runtime.Cleanup

	// The current run; nil channels when no goroutine was started since
	// the last pause.
	full  chan []byte   // chunks read, in order; closed when the run ends
	pause chan struct{} // closed to end the run
	done  chan struct{} // closed when the run's goroutine has returned

	// Set by the goroutine before it closes full.
	err     error  // why the stream ended; nil after a pause
	pending []byte // a chunk read but not handed over when paused

	cur []byte // unread part of the chunk being consumed
	buf []byte // the chunk being consumed, to give back
}

// useAsync reports whether inflating in a goroutine can help.
func useAsync() bool { return runtime.GOMAXPROCS(0) > 1 }

// errStopped ends the goroutine's reading when the consumer is gone.
var errStopped = errors.New("event: reader closed")

// errPaused ends a run of the goroutine when the consumer pauses.
var errPaused = errors.New("event: reader paused")

// newAsyncReader starts reading r. As a safety net for a consumer that
// neither reads to the end nor closes, the goroutine also ends once owner
// is unreachable.
func newAsyncReader[T any](r io.Reader, owner *T) *asyncReader {
	a := &asyncReader{
		r:    r,
		free: make(chan []byte, asyncDepth+2),
		quit: make(chan struct{}),
	}
	a.start()
	a.cleanup = runtime.AddCleanup(owner, (*asyncReader).signal, a)
	return a
}

// start begins a run of the goroutine.
func (a *asyncReader) start() {
	a.full = make(chan []byte, asyncDepth)
	a.pause = make(chan struct{})
	a.done = make(chan struct{})
	go a.run(a.full, a.pause, a.done)
}

// signal asks the goroutine to stop for good, without waiting.
func (a *asyncReader) signal() { a.quitted.Do(func() { close(a.quit) }) }

// stopRun ends the current run, if any, and waits for its goroutine. The
// chunks it read stay in full, and pending, for the consumer.
func (a *asyncReader) stopRun() {
	if a.pause == nil {
		return
	}
	close(a.pause)
	a.pause = nil
	<-a.done
}

// close stops the goroutine for good and waits until it has returned, so
// that r is not read after close returns. A Read of r in progress is
// waited for: an io.Reader cannot be interrupted.
func (a *asyncReader) close() {
	a.cleanup.Stop()
	a.signal()
	a.stopRun()
	for b := range a.full { // closed by now
		chunkPool.Put(&b)
	}
	for _, b := range [][]byte{a.pending, a.buf} {
		if b != nil {
			b = b[:cap(b)]
			chunkPool.Put(&b)
		}
	}
	a.cur, a.buf, a.pending = nil, nil, nil
}

// chunkPool keeps chunks between readers: a Lambda function reads one
// file after another, and each would otherwise allocate its chunks anew.
var chunkPool = sync.Pool{New: func() any {
	b := make([]byte, asyncChunk)
	return &b
}}

func (a *asyncReader) run(full chan<- []byte, pause <-chan struct{}, done chan<- struct{}) {
	defer close(done)
	defer close(full)
	defer a.recycle()
	for {
		var b []byte
		select {
		case b = <-a.free:
		default:
			b = *chunkPool.Get().(*[]byte)
		}
		n, err := fillChunk(a.r, b[:cap(b)], pause, a.quit)
		if n > 0 {
			select {
			case full <- b[:n]:
			case <-a.quit:
				a.err = errStopped
				return
			case <-pause:
				a.pending = b[:n] // handed over after the pause
				if err == errPaused {
					err = nil
				}
				a.err = err
				return
			}
		}
		switch err {
		case nil:
		case errPaused:
			return
		default:
			a.err = err
			return
		}
	}
}

// recycle gives the chunks on the free list back to chunkPool once the
// run has ended; chunks still in full or with the consumer are left to
// the collector, or to close.
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

// fillChunk reads into b until it is full, r fails, or pause or quit is
// closed (errPaused, errStopped), returning r's error unchanged
// (io.ReadFull would turn a truncated gzip stream's io.ErrUnexpectedEOF
// into a clean end).
func fillChunk(r io.Reader, b []byte, pause, quit <-chan struct{}) (int, error) {
	n, empty := 0, 0
	for n < len(b) {
		select { // checked before each Read: none starts after a stop
		case <-quit:
			return n, errStopped
		case <-pause:
			return n, errPaused
		default:
		}
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
// is used up, and returns the reading goroutine's error at the end. After
// a pause it hands over what the last run read, then starts a new run.
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
			switch {
			case a.pending != nil:
				b, a.pending = a.pending, nil
			case a.err != nil:
				return 0, a.err
			default: // paused: read on
				a.start()
				continue
			}
		}
		a.cur, a.buf = b, b
	}
	n := copy(p, a.cur)
	a.cur = a.cur[n:]
	return n, nil
}
