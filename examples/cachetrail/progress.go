package main

import (
	"context"
	"fmt"
	"io"
	"os"
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

// progress shows on one stderr line the files done, and the bytes read
// with their rate; with the inputs' total size known, also the share done
// and the time left:
//
//	3/12 files  45%  1.2 GB  310 MB/s  ETA 4s
//
// Sizes and bytes read are both as stored (compressed for .gz files and
// S3 objects, which are read as stored), so their ratio is the share read.
// Output written through guard clears the line first, and the line is
// drawn again as soon as the output's lines are complete.
type progress struct {
	w   io.Writer
	on  bool
	now func() time.Time // the clock, replaced in tests

	files atomic.Int64 // inputs finished
	bytes atomic.Int64 // input bytes read, as stored (compressed)
	total int          // inputs
	size  int64        // their stored bytes, or -1 when one is unknown

	mu      sync.Mutex // guards the fields below and the writes to the terminal
	drawn   bool       // the line is on the screen
	line    string     // the line last drawn, to draw again after output; "" before the first and after stop
	partial int        // guarded writers whose last write left a line incomplete
	begin   time.Time
	quit    chan struct{}
	done    chan struct{}
}

func newProgress(w io.Writer, on bool) *progress {
	return &progress{w: w, on: on, now: time.Now, size: -1}
}

// start begins drawing, if enabled, for a run reading srcs.
func (p *progress) start(srcs []source) {
	p.total, p.size = len(srcs), 0
	for _, s := range srcs {
		if s.size < 0 {
			p.size = -1
			break
		}
		p.size += s.size
	}
	if !p.on {
		return
	}
	p.begin = p.now()
	p.quit, p.done = make(chan struct{}), make(chan struct{})
	go func() {
		defer close(p.done)
		t := time.NewTicker(progressEvery)
		defer t.Stop()
		for {
			select {
			case <-p.quit:
				return
			case <-t.C:
				p.tick(p.now())
			}
		}
	}()
}

// stop stops drawing and clears the line for good.
func (p *progress) stop() {
	if !p.on {
		return
	}
	close(p.quit)
	<-p.done
	p.mu.Lock()
	p.clearLocked()
	p.line = ""
	p.mu.Unlock()
}

func (p *progress) fileDone() { p.files.Add(1) }

// tick draws the line as of now, once the run is older than progressDelay
// and unless output has left a line incomplete.
func (p *progress) tick(now time.Time) {
	if now.Sub(p.begin) < progressDelay {
		return
	}
	line := p.render(now)
	p.mu.Lock()
	defer p.mu.Unlock()
	p.line = line
	if p.partial == 0 {
		p.drawLocked()
	}
}

// render returns the line as of now.
func (p *progress) render(now time.Time) string {
	n := p.bytes.Load()
	rate := float64(n) / now.Sub(p.begin).Seconds()
	s := fmt.Sprintf("%d/%d files", p.files.Load(), p.total)
	if p.size > 0 {
		s += fmt.Sprintf("  %d%%", min(n*100/p.size, 100))
	}
	s += "  " + size(float64(n)) + "  " + size(rate) + "/s"
	if p.size > 0 && rate > 0 {
		left := time.Duration(float64(max(p.size-n, 0)) / rate * float64(time.Second))
		s += "  ETA " + eta(left)
	}
	return s
}

func (p *progress) drawLocked() {
	io.WriteString(p.w, "\r\033[K"+p.line)
	p.drawn = true
}

func (p *progress) clearLocked() {
	if p.drawn {
		io.WriteString(p.w, "\r\033[K")
		p.drawn = false
	}
}

// guard returns a writer that clears the progress line before each write,
// so output and messages do not mix with it, and draws it again after a
// write that leaves every guarded writer at the start of a line. A file
// that is not a terminal, such as stdout sent to a file, a pipe or
// /dev/null, needs no guard, and costs no redrawing.
func (p *progress) guard(w io.Writer) io.Writer {
	if !p.on {
		return w
	}
	if f, ok := w.(*os.File); ok && (!isTerminal(f) || isDevNull(f)) {
		return w
	}
	return &guarded{p: p, w: w}
}

// onTerminal reports whether w is a terminal, whose reader watches the
// output as it comes.
func onTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && isTerminal(f) && !isDevNull(f)
}

// isDevNull reports whether f is the null device, a character device
// that is no terminal.
func isDevNull(f *os.File) bool {
	fi, err := f.Stat()
	if err != nil {
		return false
	}
	null, err := os.Stat(os.DevNull)
	return err == nil && os.SameFile(fi, null)
}

type guarded struct {
	p       *progress
	w       io.Writer
	partial bool // the last write did not end a line
}

func (g *guarded) Write(b []byte) (int, error) {
	p := g.p
	p.mu.Lock()
	defer p.mu.Unlock()
	p.clearLocked()
	n, err := g.w.Write(b)
	if len(b) > 0 {
		if partial := b[len(b)-1] != '\n'; partial != g.partial {
			g.partial = partial
			if partial {
				p.partial++
			} else {
				p.partial--
			}
		}
	}
	if p.line != "" && p.partial == 0 {
		p.drawLocked()
	}
	return n, err
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

// eta formats the time left: 4s, 2m05s, 1h02m.
func eta(d time.Duration) string {
	d = d.Round(time.Second)
	switch {
	case d < time.Minute:
		return fmt.Sprintf("%ds", int(d/time.Second))
	case d < time.Hour:
		return fmt.Sprintf("%dm%02ds", int(d/time.Minute), int(d%time.Minute/time.Second))
	}
	return fmt.Sprintf("%dh%02dm", int(d/time.Hour), int(d%time.Hour/time.Minute))
}
