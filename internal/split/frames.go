package split

import (
	"bytes"

	"github.com/cachetrail/cachetrail/internal/jsonx"
	"github.com/cachetrail/cachetrail/internal/scan"
)

// frameKind is what the splitter is inside of.
type frameKind uint8

const (
	frameTop     frameKind = iota // a sequence of top-level values
	frameArray                    // the items of a top-level array
	frameRecords                  // the records of a log file's Records array
	frameLogTail                  // the rest of a log file object after Records
)

type frame struct {
	kind frameKind
	n    int // elements started, for arrays
}

// step reads until it has something to yield or the input ends.
func (s *Splitter) step() {
	if s.again {
		s.again = false
		s.scanItem(s.start())
		return
	}
	if s.skipping {
		s.resync()
		return
	}
	i := len(s.stack) - 1
	switch s.stack[i].kind {
	case frameTop:
		s.stepTop()
	case frameArray, frameRecords:
		s.stepArray(i)
	case frameLogTail:
		s.stepTail()
	}
}

func (s *Splitter) push(k frameKind) { s.stack = append(s.stack, frame{kind: k}) }
func (s *Splitter) pop()             { s.stack = s.stack[:len(s.stack)-1] }

// peek skips white space, releasing it, and returns the next byte; ok is
// false at the end of the input.
func (s *Splitter) peek() (c byte, ok bool) {
	in := &s.in
	for {
		in.pos = scan.SkipSpace(in.buf[:in.end], in.pos)
		in.release()
		if in.pos < in.end {
			return in.buf[in.pos], true
		}
		if !in.fill() {
			return 0, false
		}
	}
}

// bom skips a UTF-8 byte order mark at pos.
func (s *Splitter) bom() bool {
	in := &s.in
	for in.end-in.pos < 3 && in.fill() {
	}
	if bytes.HasPrefix(in.buf[in.pos:in.end], []byte("\xef\xbb\xbf")) {
		in.pos += 3
		in.release()
		return true
	}
	return false
}

func (s *Splitter) stepTop() {
	c, ok := s.peek()
	if !ok {
		s.end(s.in.failure())
		return
	}
	switch c {
	case '[':
		s.in.pos++
		s.in.release()
		s.push(frameArray)
	case '{':
		s.item(frameTop, c)
	default:
		if c == 0xef && s.bom() {
			return
		}
		if s.known && !s.lines && !s.resumed {
			// Concatenated records: a line is no unit to skip.
			s.stray(c, "a record")
			return
		}
		s.badLine()
	}
}

func (s *Splitter) stepArray(i int) {
	kind := s.stack[i].kind
	lineEnd := kind == frameRecords && s.nestedRecords(i) && s.lines && s.newlineAhead()
	c, ok := s.peek()
	if ok && (lineEnd || c == '}') && kind == frameRecords && s.nestedRecords(i) {
		s.endNestedRecords(c, lineEnd)
		return
	}
	if ok && s.resumed && kind == frameRecords && s.nestedRecords(i) && scan.EnvelopeAt(s.in.buf[:s.in.end], s.in.pos) {
		// Resuming after damage at an envelope, such as the next
		// EventBridge event: the broken item's Records ended with it.
		s.pop()
		s.pop()
		return
	}
	if ok && s.stack[i].n > 0 && !s.resumed {
		switch c {
		case ']':
		case ',':
			s.in.pos++
			c, ok = s.peek()
		default:
			s.stray(c, "',' or ']' after an array element")
			return
		}
	}
	s.resumed = false
	if !ok {
		e := s.in.failure()
		if e.Kind == NoError {
			e = errorAt(s.in.offset(s.in.pos), Syntax, "unexpected end of input in array")
		}
		s.end(e)
		return
	}
	if c == ']' {
		if kind == frameRecords && s.strayClose() {
			s.stray(c, "a record") // not the end of Records
			return
		}
		s.in.pos++
		s.in.release()
		s.pop()
		return
	}
	s.stack[i].n++
	switch c {
	case '{', '[', '"':
		s.item(kind, c)
	case ',', '}':
		s.stray(c, "an array element")
	default:
		s.badElem()
	}
}

// nestedRecords reports whether the Records array at stack index i belongs
// to an item of an array or of JSON Lines, such as an EventBridge event,
// rather than to a log file: the item then ends at a '}' closing its '['
// or at the end of its line, and what follows is the next item, not a
// record of a log file.
func (s *Splitter) nestedRecords(i int) bool {
	if i < 2 {
		return false
	}
	parent := s.stack[i-2].kind
	return parent == frameArray || parent == frameTop && s.lines
}

// newlineAhead reports whether the white space at the read position holds
// a newline.
func (s *Splitter) newlineAhead() bool {
	in := &s.in
	end := scan.SkipSpace(in.buf[:in.end], in.pos)
	return bytes.IndexByte(in.buf[in.pos:end], '\n') >= 0
}

// endNestedRecords ends a nested item's Records array and the item
// itself, broken: at its mismatched '}', consumed, or at its line's end.
func (s *Splitter) endNestedRecords(c byte, lineEnd bool) {
	msg := "unexpected " + jsonx.DescribeByte(c) + " in Records, want ',' or ']'"
	if lineEnd {
		msg = "unexpected end of line in Records"
	}
	s.damage(s.in.offset(s.in.pos), Syntax, msg)
	if !lineEnd {
		s.in.pos++
		s.in.release()
	}
	s.pop() // Records
	s.pop() // the item's tail
}

// stepTail skips what follows the Records array in a log file object,
// but reads the records of a second Records member too (encoding/json
// would keep only the last one: reading both loses nothing).
func (s *Splitter) stepTail() {
	in := &s.in
	s.sc.ResetTail()
	for {
		// A record start ends the scan: no log file has one after its
		// Records, so it means a broken item made Records look closed.
		lim, cut := in.end, false
		if at, more := scan.FindStart(in.buf[:in.end], in.pos, in.end); at >= 0 {
			lim, cut = at, more // cut: the chunk ends inside what may be one
		}
		np, res := s.sc.Scan(in.buf[:lim], in.pos, in.start)
		in.pos = np
		if res == scan.More && lim < in.end && !cut {
			s.damage(in.offset(lim), Syntax, "a record after the log file's Records; reading records again")
			in.pos = lim
			in.release()
			s.push(frameRecords)
			return
		}
		switch res {
		case scan.Done:
			in.release()
			s.pop()
			return
		case scan.Records:
			in.release()
			s.push(frameRecords)
			return
		case scan.Bad:
			// The log file's own damage, after its records: report it and
			// go on to its end.
			// It closes whatever is open.
			s.damage(in.offset(np), Syntax, "unexpected "+jsonx.DescribeByte(in.buf[np])+" in log file object")
			in.pos++
			if s.sc.Depth--; s.sc.Depth <= 0 {
				in.release()
				s.pop()
				return
			}
			continue
		}
		if s.sc.InKey() && int64(in.end-in.start) > s.cfg.MaxRecordBytes {
			s.sc.Untrack() // a name too long to keep: no more Records
		}
		if !s.sc.InKey() || !s.sc.Tracking() {
			// Member spans count from the window's start: keep a name
			// that a chunk's end cuts.
			in.release()
			s.sc.Members = s.sc.Members[:0]
		}
		if !in.fill() {
			e := in.failure()
			if e.Kind == NoError {
				e = errorAt(in.offset(in.pos), Syntax, "unexpected end of input in log file object")
			}
			s.end(e)
			return
		}
	}
}

// badLine yields a top-level value that does not start a record and
// skips to the next record start on its line or to the next line.
func (s *Splitter) badLine() {
	in := &s.in
	off := in.offset(in.pos)
	tok := s.token()
	in.pos++
	in.release()
	s.notObject(off, tok)
	s.skipping = true
}

// badElem yields an array element that is not an object or an array
// and resumes after it.
func (s *Splitter) badElem() {
	in := &s.in
	off := in.offset(in.pos)
	tok := s.token()
	in.pos++
	for {
		if e := scan.ScalarEnd(in.buf[:in.end], in.pos); e < in.end {
			in.pos = e
			in.release()
			break
		}
		in.pos = in.end
		in.release()
		if !in.fill() {
			break
		}
	}
	s.notObject(off, tok)
}

// notObject yields the error of a value that is not an object: tok is
// its start.
func (s *Splitter) notObject(off int64, tok []byte) {
	name := ""
	switch c := tok[0]; {
	case c == '"':
		name = "a string"
	case c == '-' || c >= '0' && c <= '9':
		name = "a number"
	case (c == 't' || c == 'f') && scan.IsLiteral(tok):
		name = "a boolean"
	case c == 'n' && scan.IsLiteral(tok):
		name = "null"
	default:
		s.fail(off, Syntax, "unexpected "+jsonx.DescribeByte(c)+", want a record object")
		return
	}
	s.fail(off, NotRecord, "got "+name+", want a record object")
}

// token returns the first bytes at pos, enough to name a value's type.
func (s *Splitter) token() []byte {
	in := &s.in
	for in.end-in.pos < 6 && in.fill() {
	}
	tok := in.buf[in.pos:min(in.end, in.pos+6)]
	return append([]byte(nil), tok...)
}
