package main

import (
	"context"
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"time"
)

// Progress is drawn only for runs longer than progressDelay, every
// progressEvery, and only when stderr is a terminal.
const (
	progressDelay = 500 * time.Millisecond
	progressEvery = 200 * time.Millisecond
)

// progress shows files and bytes done and the rate on one stderr line.
type progress struct {
	w  io.Writer
	on bool

	files atomic.Int64 // inputs finished
	bytes atomic.Int64 // input bytes read, as stored (compressed)
	total int

	mu    sync.Mutex // guards drawn and the writes to the terminal
	drawn bool       // a progress line is on the screen
	begin time.Time
	quit  chan struct{}
	done  chan struct{}
}

func newProgress(w io.Writer, on bool) *progress { return &progress{w: w, on: on} }

// start begins drawing, if enabled, for a run of total inputs.
func (p *progress) start(total int) {
	p.total = total
	if !p.on {
		return
	}
	p.begin = time.Now()
	p.quit, p.done = make(chan struct{}), make(chan struct{})
	go func() {
		defer close(p.done)
		t := time.NewTicker(progressEvery)
		defer t.Stop()
		for {
			select {
			case <-p.quit:
				return
			case now := <-t.C:
				if now.Sub(p.begin) >= progressDelay {
					p.draw(now)
				}
			}
		}
	}()
}

// stop stops drawing and clears the line.
func (p *progress) stop() {
	if !p.on {
		return
	}
	close(p.quit)
	<-p.done
	p.mu.Lock()
	p.clearLocked()
	p.mu.Unlock()
}

func (p *progress) fileDone() { p.files.Add(1) }

func (p *progress) draw(now time.Time) {
	n := p.bytes.Load()
	rate := float64(n) / now.Sub(p.begin).Seconds()
	p.mu.Lock()
	defer p.mu.Unlock()
	fmt.Fprintf(p.w, "\r\033[K%d/%d files  %s  %s/s", p.files.Load(), p.total, size(float64(n)), size(rate))
	p.drawn = true
}

func (p *progress) clearLocked() {
	if p.drawn {
		io.WriteString(p.w, "\r\033[K")
		p.drawn = false
	}
}

// guard returns a writer that clears the progress line before each write,
// so output and messages do not mix with it.
func (p *progress) guard(w io.Writer) io.Writer {
	if !p.on {
		return w
	}
	return &guarded{p: p, w: w}
}

type guarded struct {
	p *progress
	w io.Writer
}

func (g *guarded) Write(b []byte) (int, error) {
	g.p.mu.Lock()
	defer g.p.mu.Unlock()
	g.p.clearLocked()
	return g.w.Write(b)
}

// count returns r counting the bytes read from it, and failing once ctx
// is done so that an interrupt stops a long read.
func (p *progress) count(ctx context.Context, r io.Reader) io.Reader {
	return &counter{ctx: ctx, r: r, n: &p.bytes}
}

type counter struct {
	ctx context.Context
	r   io.Reader
	n   *atomic.Int64
}

func (c *counter) Read(b []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	n, err := c.r.Read(b)
	c.n.Add(int64(n))
	return n, err
}

// size formats a byte count for people.
func size(n float64) string {
	units := []string{"B", "kB", "MB", "GB", "TB"}
	i := 0
	for n >= 1000 && i < len(units)-1 {
		n /= 1000
		i++
	}
	if i == 0 {
		return fmt.Sprintf("%.0f %s", n, units[i])
	}
	return fmt.Sprintf("%.1f %s", n, units[i])
}
