package split

import (
	"bufio"
	"compress/gzip"
	"errors"
	"io"
)

// errGzipTrailing ends a gzip input whose last member is followed by
// bytes that do not start another member.
var errGzipTrailing = errors.New("trailing garbage after the gzip data")

// GzipStream inflates the members of a gzip stream one at a time, so that
// junk after the last one is told from a truncated member (which
// gzip.Reader's multistream mode reports alike, as an unexpected EOF or
// a bad header).
type GzipStream struct {
	src   io.Reader                              // an io.ByteReader: gzip reads no byte past a member
	unzip func(io.Reader) (io.ReadCloser, error) // Config.Decompress, called for each member; nil: std
	std   *gzip.Reader                           // compress/gzip, reset for each member
	cur   io.Reader                              // the member being inflated; nil once the stream ended
	err   error                                  // why cur is nil
}

// NewGzipStream starts inflating the gzip stream src, an io.ByteReader,
// with unzip (Config.Decompress, called for each member), or with
// compress/gzip if unzip is nil.
func NewGzipStream(src io.Reader, unzip func(io.Reader) (io.ReadCloser, error)) (*GzipStream, error) {
	g := &GzipStream{src: src, unzip: unzip}
	if err := g.member(); err != nil {
		return nil, err
	}
	return g, nil
}

// member starts inflating the member that src is at.
func (g *GzipStream) member() error {
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

// end closes the member being inflated, if unzip opened it, and
// ends the stream with err.
func (g *GzipStream) end(err error) error {
	if c, ok := g.cur.(io.Closer); ok && g.unzip != nil {
		if cerr := c.Close(); err == nil {
			err = cerr
		}
	}
	g.cur, g.err = nil, err
	return err
}

// Close ends the stream: the member's decompressor is closed.
func (g *GzipStream) Close() {
	if g.cur != nil {
		g.end(errStopped)
	}
}

func (g *GzipStream) Read(p []byte) (int, error) {
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
