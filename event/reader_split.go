package event

import (
	"bytes"
	"strconv"

	"github.com/cachetrail/cachetrail/internal/jsonx"
	"github.com/cachetrail/cachetrail/internal/scan"
)

// frameKind is what the reader is inside of.
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
func (s *splitter) step() {
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

func (s *splitter) push(k frameKind) { s.stack = append(s.stack, frame{kind: k}) }
func (s *splitter) pop()             { s.stack = s.stack[:len(s.stack)-1] }

// peek skips white space, releasing it, and returns the next byte; ok is
// false at the end of the input.
func (s *splitter) peek() (c byte, ok bool) {
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
func (s *splitter) bom() bool {
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

func (s *splitter) stepTop() {
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

func (s *splitter) stepArray(i int) {
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
		if e.kind == kindNone {
			e = errorAt(s.in.offset(s.in.pos), kindSyntax, "unexpected end of input in array")
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
func (s *splitter) nestedRecords(i int) bool {
	if i < 2 {
		return false
	}
	parent := s.stack[i-2].kind
	return parent == frameArray || parent == frameTop && s.lines
}

// newlineAhead reports whether the white space at the read position holds
// a newline.
func (s *splitter) newlineAhead() bool {
	in := &s.in
	end := scan.SkipSpace(in.buf[:in.end], in.pos)
	return bytes.IndexByte(in.buf[in.pos:end], '\n') >= 0
}

// endNestedRecords ends a nested item's Records array and the item
// itself, broken: at its mismatched '}', consumed, or at its line's end.
func (s *splitter) endNestedRecords(c byte, lineEnd bool) {
	msg := "unexpected " + jsonx.DescribeByte(c) + " in Records, want ',' or ']'"
	if lineEnd {
		msg = "unexpected end of line in Records"
	}
	s.damage(s.in.offset(s.in.pos), kindSyntax, msg)
	if !lineEnd {
		s.in.pos++
		s.in.release()
	}
	s.pop() // Records
	s.pop() // the item's tail
}

// earlyReject lets tests compare the reader with and without early
// rejection (scan's reject.go).
var earlyReject = true

// item splits off the value starting at pos and yields it. ctx is the
// frame it is in.
func (s *splitter) item(ctx frameKind, c byte) {
	in := &s.in
	s.resumed = false
	s.cur = current{ctx: ctx, c: c, nl: scan.NLSpace, off: in.offset(in.pos)}
	switch {
	case ctx != frameTop:
	case s.lines:
		s.cur.nl = scan.NLCut
	case !s.known:
		s.cur.nl = scan.NLProbe
	}
	p := s.start()
	s.passed = s.passed[:0]
	s.scanItem(p)
}

// start sets the scanner up for the current item, which starts at pos,
// and returns where to scan from.
func (s *splitter) start() int {
	in := &s.in
	ctx, c := s.cur.ctx, s.cur.c
	s.sc.Reset(c, ctx != frameRecords, s.cur.nl)
	switch {
	case !s.filtering() || !earlyReject || s.cur.full:
	case ctx == frameRecords:
		s.sc.Filter = &s.filters
	case ctx == frameTop && s.cur.nl == scan.NLCut && c == '{' && !s.damaged(s.cur.off):
		s.sc.Filter = &s.itemFilters
	}
	if c == '"' {
		s.sc.InStr = true
		return in.pos + 1
	}
	return in.pos
}

// scanItem scans the current item from p on, reading more input as
// needed, and yields it.
func (s *splitter) scanItem(p int) {
	in := &s.in
	ctx, off := s.cur.ctx, s.cur.off
	var dropped int64 // bytes released after the item outgrew the limit
	for {
		lim := in.end
		if s.damaged(off) && dropped == 0 {
			lim = s.fenceLimit(p)
		}
		np, res := s.sc.Scan(in.buf[:lim], p, in.start)
		in.pos = np
		if ctx == frameTop && s.sc.Suspect() {
			// A JSON Lines item rejected early may be other than a
			// record after all: scan it again, listing every member.
			s.rescans++
			s.cur.full = true
			in.pos = in.start
			s.passed = s.passed[:0]
			p = s.start()
			continue
		}
		if res == scan.More && lim < in.end {
			// At a record start inside a damaged region.
			if !s.sc.InStr && s.sc.ValueMayStart(in.buf, np, in.start, s.sc.Depth) {
				s.pass(np) // a nested record, as in an EventBridge event
				p = np
				continue
			}
			s.cut(ctx, off, np)
			return
		}
		if res == scan.Newline {
			next, opens := s.nextLine()
			if !opens {
				// Go on from there: the white space is skipped once,
				// however many lines it spans.
				p = next
				continue
			}
			// A broken first line: the input is JSON Lines.
			s.known, s.lines = true, true
			np, res = in.pos, scan.Cut
		}
		if res == scan.Cut && dropped == 0 && s.refence(ctx, off, dropped, np) {
			p = s.start() // a line holding the start of another record
			continue
		}
		switch res {
		case scan.Done, scan.Cut:
			if size := dropped + int64(np-in.start); size > s.cfg.maxRecordBytes {
				s.overLimit(off)
			} else {
				// A scan that ended where it should not have, misled by
				// a broken string, may make a record that fails to
				// decode: then resplit looks for records inside.
				hold := res == scan.Done && !s.damaged(off)
				s.handle(ctx, in.buf[in.start:np], off, res == scan.Cut, hold)
				s.holding, s.cur.end = hold, np
			}
			in.release()
			return
		case scan.Records:
			in.release()
			s.push(frameLogTail)
			s.push(frameRecords)
			return
		case scan.Bad:
			if s.refence(ctx, off, dropped, np) {
				p = s.start()
				continue
			}
			s.mismatch(ctx, off, np)
			return
		}
		if dropped == 0 && int64(in.end-in.start) > s.cfg.maxRecordBytes && s.refence(ctx, off, dropped, in.end) {
			p = s.start() // too long, maybe for want of its end: look for records inside
			continue
		}
		if dropped > 0 || int64(in.end-in.start) > s.cfg.maxRecordBytes {
			// Too long: go on scanning for its end without keeping it.
			s.sc.Untrack()
			dropped += int64(in.end - in.start)
			in.release()
		}
		if !in.fill() {
			if in.err == nil && s.refence(ctx, off, dropped, in.end) {
				p = s.start()
				continue
			}
			if in.err == nil && dropped == 0 && s.damaged(off) && s.canResume(in.end) {
				s.handle(ctx, in.buf[in.start:in.end], off, true, false) // the decoder says where it is cut
				s.resumeBack()
				return
			}
			s.truncated(ctx, off, dropped)
			return
		}
		p = in.pos
	}
}

// refence, for the item at off found broken at buf[end], looks for record
// starts inside it; if there are, it rewinds to the item's start, to scan
// it again with them as fences.
func (s *splitter) refence(ctx frameKind, off int64, dropped int64, end int) bool {
	in := &s.in
	if dropped > 0 {
		return false
	}
	if s.damaged(off) {
		if !s.extendDamage(end) {
			return false
		}
	} else if !s.findFences(in.start, end) {
		return false
	}
	in.pos = in.start
	return true
}

// nextLine returns the index of the first byte that is not white space
// after the newline at pos, reading more input as needed, and whether it
// is '{' or '[', which starts a new record. The window keeps the item, so
// that it can go on; the look stops at the end of the input or when the
// white space alone is over the record limit.
func (s *splitter) nextLine() (next int, opens bool) {
	in := &s.in
	q := in.pos + 1
	for {
		q = scan.SkipSpace(in.buf[:in.end], q)
		if q < in.end {
			return q, in.buf[q] == '{' || in.buf[q] == '['
		}
		ahead := q - in.pos
		if int64(in.end-in.start) > s.cfg.maxRecordBytes || !in.fill() {
			return in.end, false
		}
		q = in.pos + ahead
	}
}

// handle yields a complete item. broken is set for a JSON Lines item
// cut short by a newline.
func (s *splitter) handle(ctx frameKind, b []byte, off int64, broken, hold bool) {
	if ctx == frameRecords {
		ms, again := s.sc.RecordMembers(b)
		if again {
			s.rescans++
		}
		s.emit(splitItem{typ: itemRecord, text: b, off: off, members: ms, broken: broken, hold: hold})
		return
	}
	if ctx == frameTop && !s.known {
		s.known = true
		s.lines = !broken && bytes.IndexByte(b, '\n') < 0
	}
	s.emit(splitItem{typ: itemValue, text: b, off: off, members: s.sc.Members, broken: broken, hold: hold})
}

// truncated yields an item that the end of the input cut short.
func (s *splitter) truncated(ctx frameKind, off int64, dropped int64) {
	in := &s.in
	switch {
	case in.err != nil:
		e := in.failure()
		e.record = true
		s.end(e)
	case dropped > 0:
		s.overLimit(off)
		if ctx == frameTop {
			s.end(splitItem{})
		} else {
			s.end(errorAt(in.offset(in.end), kindTruncated, "unexpected end of input in array"))
		}
	case ctx == frameTop:
		s.handle(ctx, in.buf[in.start:in.end], off, true, false)
		in.pos = in.end
		in.release()
	default:
		e := errorAt(off, kindTruncated, "unexpected end of input in record; the array is not terminated")
		e.record = true
		s.end(e)
	}
}

func (s *splitter) overLimit(off int64) {
	s.fail(off, kindLimit, "record longer than "+strconv.FormatInt(s.cfg.maxRecordBytes, 10)+" bytes")
}

// stepTail skips what follows the Records array in a log file object,
// but reads the records of a second Records member too (encoding/json
// would keep only the last one: reading both loses nothing).
func (s *splitter) stepTail() {
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
			s.damage(in.offset(lim), kindSyntax, "a record after the log file's Records; reading records again")
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
			s.damage(in.offset(np), kindSyntax, "unexpected "+jsonx.DescribeByte(in.buf[np])+" in log file object")
			in.pos++
			if s.sc.Depth--; s.sc.Depth <= 0 {
				in.release()
				s.pop()
				return
			}
			continue
		}
		if s.sc.InKey() && int64(in.end-in.start) > s.cfg.maxRecordBytes {
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
			if e.kind == kindNone {
				e = errorAt(in.offset(in.pos), kindSyntax, "unexpected end of input in log file object")
			}
			s.end(e)
			return
		}
	}
}

// badLine yields a top-level value that does not start a record and
// skips to the next record start on its line or to the next line.
func (s *splitter) badLine() {
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
func (s *splitter) badElem() {
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
func (s *splitter) notObject(off int64, tok []byte) {
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
		s.fail(off, kindSyntax, "unexpected "+jsonx.DescribeByte(c)+", want a record object")
		return
	}
	s.fail(off, kindNotRecord, "got "+name+", want a record object")
}

// token returns the first bytes at pos, enough to name a value's type.
func (s *splitter) token() []byte {
	in := &s.in
	for in.end-in.pos < 6 && in.fill() {
	}
	tok := in.buf[in.pos:min(in.end, in.pos+6)]
	return append([]byte(nil), tok...)
}
