package split

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"strconv"
	"strings"
)

// ReadChunk is the splitter's first buffer size and its growth step.
const ReadChunk = 64 << 10

// errInputLimit ends an input that is longer than Config.MaxInputBytes.
var errInputLimit = errors.New("input limit")

// input is the decompressed byte stream with a window on it: buf[start:end]
// holds the bytes not yet released; pos is the next byte to look at.
type input struct {
	src   *srcReader // a separate object: the inflating goroutine reads it, and must not keep the Splitter alive
	r     io.Reader  // the decompressed stream, set on the first fill
	gzip  bool
	gz    *GzipStream                            // the gzip decompressor, for close
	unzip func(io.Reader) (io.ReadCloser, error) // Config.Decompress, or nil for compress/gzip
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
		gz, err := NewGzipStream(src, in.unzip)
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
		in.gz.Close()
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
		nb := make([]byte, max(2*len(in.buf), ReadChunk))
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

// failure describes why the input ended early, as an End whose kind
// is NoError after a clean end.
func (in *input) failure() Item {
	e := Item{Type: End, Offset: in.total}
	switch {
	case in.err == nil:
	case in.err == errGzipTrailing:
		e.Kind, e.Msg = Syntax, "trailing garbage after the gzip data"
	case in.err == errInputLimit:
		e.Kind, e.Msg = Limit, "input longer than "+strconv.FormatInt(in.max, 10)+" bytes (after decompression)"
	case in.gzip && (in.src.err == nil || !errors.Is(in.err, in.src.err)):
		if in.err == io.ErrUnexpectedEOF {
			e.Kind, e.Msg = Truncated, "gzip: unexpected end of gzip data"
		} else {
			e.Kind, e.Msg = Syntax, "gzip: "+strings.TrimPrefix(in.err.Error(), "gzip: ")
		}
	default:
		e.Kind, e.Cause = ReadFailed, in.err
	}
	return e
}
