package split

import (
	"bytes"
	"strconv"

	"github.com/cachetrail/cachetrail/internal/scan"
)

// item splits off the value starting at pos and yields it. ctx is the
// frame it is in.
func (s *Splitter) item(ctx frameKind, c byte) {
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
func (s *Splitter) start() int {
	in := &s.in
	ctx, c := s.cur.ctx, s.cur.c
	s.sc.Reset(c, ctx != frameRecords, s.cur.nl)
	switch {
	case !s.filtering() || !EarlyReject || s.cur.full:
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
func (s *Splitter) scanItem(p int) {
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
			if size := dropped + int64(np-in.start); size > s.cfg.MaxRecordBytes {
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
		if dropped == 0 && int64(in.end-in.start) > s.cfg.MaxRecordBytes && s.refence(ctx, off, dropped, in.end) {
			p = s.start() // too long, maybe for want of its end: look for records inside
			continue
		}
		if dropped > 0 || int64(in.end-in.start) > s.cfg.MaxRecordBytes {
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
func (s *Splitter) refence(ctx frameKind, off int64, dropped int64, end int) bool {
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
func (s *Splitter) nextLine() (next int, opens bool) {
	in := &s.in
	q := in.pos + 1
	for {
		q = scan.SkipSpace(in.buf[:in.end], q)
		if q < in.end {
			return q, in.buf[q] == '{' || in.buf[q] == '['
		}
		ahead := q - in.pos
		if int64(in.end-in.start) > s.cfg.MaxRecordBytes || !in.fill() {
			return in.end, false
		}
		q = in.pos + ahead
	}
}

// handle yields a complete item. broken is set for a JSON Lines item
// cut short by a newline.
func (s *Splitter) handle(ctx frameKind, b []byte, off int64, broken, hold bool) {
	if ctx == frameRecords {
		ms, again := s.sc.RecordMembers(b)
		if again {
			s.rescans++
		}
		s.emit(Item{Type: Record, Text: b, Offset: off, Members: ms, Broken: broken, Hold: hold})
		return
	}
	if ctx == frameTop && !s.known {
		s.known = true
		s.lines = !broken && bytes.IndexByte(b, '\n') < 0
	}
	s.emit(Item{Type: Value, Text: b, Offset: off, Members: s.sc.Members, Broken: broken, Hold: hold})
}

// truncated yields an item that the end of the input cut short.
func (s *Splitter) truncated(ctx frameKind, off int64, dropped int64) {
	in := &s.in
	switch {
	case in.err != nil:
		e := in.failure()
		e.OfRecord = true
		s.end(e)
	case dropped > 0:
		s.overLimit(off)
		if ctx == frameTop {
			s.end(Item{})
		} else {
			s.end(errorAt(in.offset(in.end), Truncated, "unexpected end of input in array"))
		}
	case ctx == frameTop:
		s.handle(ctx, in.buf[in.start:in.end], off, true, false)
		in.pos = in.end
		in.release()
	default:
		e := errorAt(off, Truncated, "unexpected end of input in record; the array is not terminated")
		e.OfRecord = true
		s.end(e)
	}
}

func (s *Splitter) overLimit(off int64) {
	s.fail(off, Limit, "record longer than "+strconv.FormatInt(s.cfg.MaxRecordBytes, 10)+" bytes")
}
