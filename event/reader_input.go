package event

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"strconv"
	"strings"
)

// readChunk is the reader's first buffer size and its growth step.
const readChunk = 64 << 10

// errInputLimit ends an input that is longer than WithMaxInputBytes.
var errInputLimit = errors.New("input limit")

// input is the decompressed byte stream with a window on it: buf[start:end]
// holds the bytes not yet released; pos is the next byte to look at.
type input struct {
	src   *srcReader // a separate object: the inflating goroutine reads it, and must not keep the Reader alive
	r     io.Reader  // the decompressed stream, set on the first fill
	gzip  bool
	gz    *gzipStream                            // the gzip decompressor, for close
	unzip func(io.Reader) (io.ReadCloser, error) // WithDecompressor's, or nil for compress/gzip
	max   int64
	total int64 // bytes taken from r
	buf   []byte
	off   int64 // stream offset of buf[0]
	start int
	pos   int
	end   int
	eof   bool
	err   error // why the stream ended early
}

// srcReader remembers the error of the underlying reader, to tell a
// failing source from corrupt gzip data.
type srcReader struct {
	r   io.Reader
	err error
}

func (s *srcReader) Read(p []byte) (int, error) {
	n, err := s.r.Read(p)
	if err != nil && err != io.EOF {
		s.err = err
	}
	return n, err
}

func (in *input) init(r io.Reader, max int64, unzip func(io.Reader) (io.ReadCloser, error)) {
	in.src = &srcReader{r: r}
	in.max = max
	in.unzip = unzip
}

// offset returns the stream offset of buf[i].
func (in *input) offset(i int) int64 { return in.off + int64(i) }

// release lets the bytes before pos go.
func (in *input) release() { in.start = in.pos }

// inMemory is the kind of reader bytes.Reader and strings.Reader are: one
// that cannot fail, can look ahead by seeking back, and hands out bytes
// one at a time faster than a bufio.Reader wrapped around it would.
type inMemory interface {
	io.ReadSeeker
	io.ByteReader
}

// open looks at the first bytes and decompresses gzip data.
func (in *input) open() bool {
	var src io.Reader
	var head []byte
	if m, ok := in.src.r.(inMemory); ok {
		var b [2]byte
		n, _ := io.ReadFull(m, b[:])
		if _, err := m.Seek(int64(-n), io.SeekCurrent); err == nil {
			src, head = m, b[:n]
		} else {
			in.src.r = io.MultiReader(bytes.NewReader(b[:n]), m) // put them back
		}
	}
	if src == nil {
		br := bufio.NewReaderSize(in.src, 4096)
		src = br
		head, _ = br.Peek(2)
	}
	in.r = src
	if len(head) == 2 && head[0] == 0x1f && head[1] == 0x8b {
		in.gzip = true
		gz, err := newGzipStream(src, in.unzip)
		if err != nil {
			in.err = err
			return false
		}
		in.r, in.gz = gz, gz
		if useAsync() {
			in.r = newAsyncReader(gz, in)
		}
	}
	return true
}

// pause stops the inflating goroutine, if any, until the next fill: the
// underlying reader is not read until then.
func (in *input) pause() {
	if a, ok := in.r.(*asyncReader); ok {
		a.stopRun()
	}
}

// close stops reading: the underlying reader is not read again.
func (in *input) close() {
	if a, ok := in.r.(*asyncReader); ok {
		a.close()
	}
	if in.gz != nil {
		in.gz.close()
	}
	in.r, in.gz, in.buf = nil, nil, nil
	in.start, in.pos, in.end = 0, 0, 0
	in.eof = true
}

// fill reads more input after buf[end], keeping buf[start:end], and
// reports whether it got any.
func (in *input) fill() bool {
	if in.err != nil || in.eof {
		return false
	}
	if in.r == nil && !in.open() {
		return false
	}
	if in.start > 0 {
		n := copy(in.buf, in.buf[in.start:in.end])
		in.off += int64(in.start)
		in.pos -= in.start
		in.end = n
		in.start = 0
	}
	if in.end == len(in.buf) {
		nb := make([]byte, max(2*len(in.buf), readChunk))
		copy(nb, in.buf[:in.end])
		in.buf = nb
	}
	for range 100 {
		n, err := in.r.Read(in.buf[in.end:])
		if left := in.max - in.total; int64(n) > left {
			n = int(left)
			err = errInputLimit
		}
		in.end += n
		in.total += int64(n)
		switch {
		case err == io.EOF:
			in.eof = true
		case err != nil:
			in.err = err
		}
		if n > 0 {
			return true
		}
		if err != nil {
			return false
		}
	}
	in.err = io.ErrNoProgress
	return false
}

// failure describes why the input ended early, as an itemEnd whose kind
// is kindNone after a clean end.
func (in *input) failure() splitItem {
	e := splitItem{typ: itemEnd, off: in.total}
	switch {
	case in.err == nil:
	case in.err == errGzipTrailing:
		e.kind, e.msg = kindSyntax, "trailing garbage after the gzip data"
	case in.err == errInputLimit:
		e.kind, e.msg = kindLimit, "input longer than "+strconv.FormatInt(in.max, 10)+" bytes (after decompression)"
	case in.gzip && (in.src.err == nil || !errors.Is(in.err, in.src.err)):
		if in.err == io.ErrUnexpectedEOF {
			e.kind, e.msg = kindTruncated, "gzip: unexpected end of gzip data"
		} else {
			e.kind, e.msg = kindSyntax, "gzip: "+strings.TrimPrefix(in.err.Error(), "gzip: ")
		}
	default:
		e.kind, e.cause = kindRead, in.err
	}
	return e
}

// errGzipTrailing ends a gzip input whose last member is followed by
// bytes that do not start another member.
var errGzipTrailing = errors.New("trailing garbage after the gzip data")

// gzipStream inflates the members of a gzip stream one at a time, so that
// junk after the last one is told from a truncated member (which
// gzip.Reader's multistream mode reports alike, as an unexpected EOF or
// a bad header).
type gzipStream struct {
	src   io.Reader                              // an io.ByteReader: gzip reads no byte past a member
	unzip func(io.Reader) (io.ReadCloser, error) // WithDecompressor's, called for each member; nil: std
	std   *gzip.Reader                           // compress/gzip, reset for each member
	cur   io.Reader                              // the member being inflated; nil once the stream ended
	err   error                                  // why cur is nil
}

func newGzipStream(src io.Reader, unzip func(io.Reader) (io.ReadCloser, error)) (*gzipStream, error) {
	g := &gzipStream{src: src, unzip: unzip}
	if err := g.member(); err != nil {
		return nil, err
	}
	return g, nil
}

// member starts inflating the member that src is at.
func (g *gzipStream) member() error {
	if g.unzip != nil {
		rc, err := g.unzip(g.src)
		if err == nil && rc == nil {
			err = errors.New("decompressor returned no reader")
		}
		if err != nil {
			return err
		}
		g.cur = rc
		return nil
	}
	if g.std == nil {
		gz, err := gzip.NewReader(g.src)
		if err != nil {
			return err
		}
		g.std = gz
	} else if err := g.std.Reset(g.src); err != nil {
		return err
	}
	g.std.Multistream(false)
	g.cur = g.std
	return nil
}

// end closes the member being inflated, if WithDecompressor opened it, and
// ends the stream with err.
func (g *gzipStream) end(err error) error {
	if c, ok := g.cur.(io.Closer); ok && g.unzip != nil {
		if cerr := c.Close(); err == nil {
			err = cerr
		}
	}
	g.cur, g.err = nil, err
	return err
}

// close ends the stream: the member's decompressor is closed.
func (g *gzipStream) close() {
	if g.cur != nil {
		g.end(errStopped)
	}
}

func (g *gzipStream) Read(p []byte) (int, error) {
	if g.cur == nil {
		return 0, g.err
	}
	n, err := g.cur.Read(p)
	if err != io.EOF {
		return n, err
	}
	if err := g.end(nil); err != nil {
		return n, err
	}
	head, err := peek2(g.src)
	switch {
	case len(head) < 2 && err != nil && err != io.EOF:
		g.err = err
		return n, err // the source failed: not the data's fault
	case len(head) == 0:
		g.err = io.EOF
		return n, io.EOF
	case len(head) == 2 && head[0] == 0x1f && head[1] == 0x8b:
		if err := g.member(); err != nil {
			g.err = err
			return n, err
		}
		return n, nil
	}
	g.err = errGzipTrailing
	return n, errGzipTrailing
}

// peek2 returns the next two bytes of r without consuming them, or fewer
// at its end; r is a *bufio.Reader or an inMemory reader.
func peek2(r io.Reader) ([]byte, error) {
	switch r := r.(type) {
	case *bufio.Reader:
		return r.Peek(2)
	case inMemory:
		var b [2]byte
		n, err := io.ReadFull(r, b[:])
		if _, serr := r.Seek(int64(-n), io.SeekCurrent); serr != nil {
			return b[:n], serr
		}
		if err == io.ErrUnexpectedEOF {
			err = io.EOF
		}
		return b[:n], err
	}
	return nil, nil
}
