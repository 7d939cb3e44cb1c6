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

// step reads until it has something to return or the input ends.
func (r *Reader) step() {
	if r.skipping {
		r.resync()
		return
	}
	i := len(r.stack) - 1
	switch r.stack[i].kind {
	case frameTop:
		r.stepTop()
	case frameArray, frameRecords:
		r.stepArray(i)
	case frameLogTail:
		r.stepTail()
	}
}

func (r *Reader) push(k frameKind) { r.stack = append(r.stack, frame{kind: k}) }
func (r *Reader) pop()             { r.stack = r.stack[:len(r.stack)-1] }

// peek skips white space, releasing it, and returns the next byte; ok is
// false at the end of the input.
func (r *Reader) peek() (c byte, ok bool) {
	in := &r.in
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
func (r *Reader) bom() bool {
	in := &r.in
	for in.end-in.pos < 3 && in.fill() {
	}
	if bytes.HasPrefix(in.buf[in.pos:in.end], []byte("\xef\xbb\xbf")) {
		in.pos += 3
		in.release()
		return true
	}
	return false
}

func (r *Reader) stepTop() {
	c, ok := r.peek()
	if !ok {
		r.end(r.failure(-1))
		return
	}
	switch c {
	case '[':
		r.in.pos++
		r.in.release()
		r.push(frameArray)
	case '{':
		r.item(frameTop, c)
	default:
		if c == 0xef && r.bom() {
			return
		}
		if r.known && !r.lines && !r.resumed {
			// Concatenated records: a line is no unit to skip.
			r.stray(c, "a record")
			return
		}
		r.badLine()
	}
}

func (r *Reader) stepArray(i int) {
	kind := r.stack[i].kind
	lineEnd := kind == frameRecords && r.nestedRecords(i) && r.lines && r.newlineAhead()
	c, ok := r.peek()
	if ok && (lineEnd || c == '}') && kind == frameRecords && r.nestedRecords(i) {
		r.endNestedRecords(c, lineEnd)
		return
	}
	if ok && r.resumed && kind == frameRecords && r.nestedRecords(i) && scan.EnvelopeAt(r.in.buf[:r.in.end], r.in.pos) {
		// Resuming after damage at an envelope, such as the next
		// EventBridge event: the broken item's Records ended with it.
		r.pop()
		r.pop()
		return
	}
	if ok && r.stack[i].n > 0 && !r.resumed {
		switch c {
		case ']':
		case ',':
			r.in.pos++
			c, ok = r.peek()
		default:
			r.stray(c, "',' or ']' after an array element")
			return
		}
	}
	r.resumed = false
	if !ok {
		err := r.failure(-1)
		if err == nil {
			err = r.errorf(-1, r.in.offset(r.in.pos), ErrSyntax, "unexpected end of input in array")
		}
		r.end(err)
		return
	}
	if c == ']' {
		if kind == frameRecords && r.strayClose() {
			r.stray(c, "a record") // not the end of Records
			return
		}
		r.in.pos++
		r.in.release()
		r.pop()
		return
	}
	r.stack[i].n++
	switch c {
	case '{', '[', '"':
		r.item(kind, c)
	case ',', '}':
		r.stray(c, "an array element")
	default:
		r.badElem()
	}
}

// nestedRecords reports whether the Records array at stack index i belongs
// to an item of an array or of JSON Lines, such as an EventBridge event,
// rather than to a log file: the item then ends at a '}' closing its '['
// or at the end of its line, and what follows is the next item, not a
// record of a log file.
func (r *Reader) nestedRecords(i int) bool {
	if i < 2 {
		return false
	}
	parent := r.stack[i-2].kind
	return parent == frameArray || parent == frameTop && r.lines
}

// newlineAhead reports whether the white space at the read position holds
// a newline.
func (r *Reader) newlineAhead() bool {
	in := &r.in
	end := scan.SkipSpace(in.buf[:in.end], in.pos)
	return bytes.IndexByte(in.buf[in.pos:end], '\n') >= 0
}

// endNestedRecords ends a nested item's Records array and the item
// itself, broken: at its mismatched '}', consumed, or at its line's end.
func (r *Reader) endNestedRecords(c byte, lineEnd bool) {
	msg := "unexpected " + jsonx.DescribeByte(c) + " in Records, want ',' or ']'"
	if lineEnd {
		msg = "unexpected end of line in Records"
	}
	r.damage(r.errorf(-1, r.in.offset(r.in.pos), ErrSyntax, msg))
	if !lineEnd {
		r.in.pos++
		r.in.release()
	}
	r.pop() // Records
	r.pop() // the item's tail
}

// earlyReject lets tests compare the reader with and without early
// rejection (scan's reject.go).
var earlyReject = true

// item splits off the value starting at pos and handles it. ctx is the
// frame it is in.
func (r *Reader) item(ctx frameKind, c byte) {
	in := &r.in
	r.resumed = false
	off := in.offset(in.pos)
	nl := scan.NLSpace
	switch {
	case ctx != frameTop:
	case r.lines:
		nl = scan.NLCut
	case !r.known:
		nl = scan.NLProbe
	}
	full := false // scan again without early rejection
	start := func() int {
		r.sc.Reset(c, ctx != frameRecords, nl)
		switch {
		case !r.filtering() || !earlyReject || full:
		case ctx == frameRecords:
			r.sc.Filter = &r.filters
		case ctx == frameTop && nl == scan.NLCut && c == '{' && !r.damaged(off):
			r.sc.Filter = &r.itemFilters
		}
		if c == '"' {
			r.sc.InStr = true
			return in.pos + 1
		}
		return in.pos
	}
	p := start()
	r.passed = r.passed[:0]
	var dropped int64 // bytes released after the item outgrew the limit
	for {
		lim := in.end
		if r.damaged(off) && dropped == 0 {
			lim = r.fenceLimit(p)
		}
		np, res := r.sc.Scan(in.buf[:lim], p, in.start)
		in.pos = np
		if ctx == frameTop && r.sc.Suspect() {
			// A JSON Lines item rejected early may be other than a
			// record after all: scan it again, listing every member.
			r.rescans++
			full = true
			in.pos = in.start
			r.passed = r.passed[:0]
			p = start()
			continue
		}
		if res == scan.More && lim < in.end {
			// At a record start inside a damaged region.
			if !r.sc.InStr && r.sc.ValueMayStart(in.buf, np, in.start, r.sc.Depth) {
				r.pass(np) // a nested record, as in an EventBridge event
				p = np
				continue
			}
			r.cut(ctx, off, np)
			return
		}
		if res == scan.Newline {
			next, opens := r.nextLine()
			if !opens {
				// Go on from there: the white space is skipped once,
				// however many lines it spans.
				p = next
				continue
			}
			// A broken first line: the input is JSON Lines.
			r.known, r.lines = true, true
			np, res = in.pos, scan.Cut
		}
		if res == scan.Cut && dropped == 0 && r.refence(ctx, off, dropped, np) {
			p = start() // a line holding the start of another record
			continue
		}
		switch res {
		case scan.Done, scan.Cut:
			if size := dropped + int64(np-in.start); size > r.cfg.maxRecordBytes {
				r.overLimit(off)
			} else {
				r.canHold = res == scan.Done && !r.damaged(off)
				r.handle(ctx, in.buf[in.start:np], off, res == scan.Cut)
				r.canHold, r.hold = false, false
				if err := r.held; err != nil {
					// A scan that ended where it should not have, misled
					// by a broken string: look for records inside.
					r.held = nil
					if r.refence(ctx, off, dropped, np) {
						r.index--
						r.sum.Records--
						p = start()
						continue
					}
					r.fail(err)
				}
			}
			in.release()
			return
		case scan.Records:
			in.release()
			r.push(frameLogTail)
			r.push(frameRecords)
			return
		case scan.Bad:
			if r.refence(ctx, off, dropped, np) {
				p = start()
				continue
			}
			r.mismatch(ctx, off, np)
			return
		}
		if dropped == 0 && int64(in.end-in.start) > r.cfg.maxRecordBytes && r.refence(ctx, off, dropped, in.end) {
			p = start() // too long, maybe for want of its end: look for records inside
			continue
		}
		if dropped > 0 || int64(in.end-in.start) > r.cfg.maxRecordBytes {
			// Too long: go on scanning for its end without keeping it.
			r.sc.Untrack()
			dropped += int64(in.end - in.start)
			in.release()
		}
		if !in.fill() {
			if in.err == nil && r.refence(ctx, off, dropped, in.end) {
				p = start()
				continue
			}
			if in.err == nil && dropped == 0 && r.damaged(off) && r.canResume(in.end) {
				r.handle(ctx, in.buf[in.start:in.end], off, true) // the decoder says where it is cut
				r.resumeBack()
				return
			}
			r.truncated(ctx, off, dropped)
			return
		}
		p = in.pos
	}
}

// refence, for the item at off found broken at buf[end], looks for record
// starts inside it; if there are, it rewinds to the item's start, to scan
// it again with them as fences.
func (r *Reader) refence(ctx frameKind, off int64, dropped int64, end int) bool {
	in := &r.in
	if dropped > 0 {
		return false
	}
	if r.damaged(off) {
		if !r.extendDamage(end) {
			return false
		}
	} else if !r.findFences(in.start, end) {
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
func (r *Reader) nextLine() (next int, opens bool) {
	in := &r.in
	q := in.pos + 1
	for {
		q = scan.SkipSpace(in.buf[:in.end], q)
		if q < in.end {
			return q, in.buf[q] == '{' || in.buf[q] == '['
		}
		ahead := q - in.pos
		if int64(in.end-in.start) > r.cfg.maxRecordBytes || !in.fill() {
			return in.end, false
		}
		q = in.pos + ahead
	}
}

// handle dispatches a complete item. broken is set for a JSON Lines item
// cut short by a newline.
func (r *Reader) handle(ctx frameKind, b []byte, off int64, broken bool) {
	if ctx == frameRecords {
		r.hold = r.canHold
		ms, again := r.sc.RecordMembers(b)
		if again {
			r.rescans++
		}
		r.record(b, off, off, ms, nil, broken)
		return
	}
	if ctx == frameTop && !r.known {
		r.known = true
		r.lines = !broken && bytes.IndexByte(b, '\n') < 0
	}
	r.shape(b, off, r.sc.Members, broken, 0)
}

// truncated reports an item that the end of the input cut short.
func (r *Reader) truncated(ctx frameKind, off int64, dropped int64) {
	in := &r.in
	switch {
	case in.err != nil:
		idx := r.nextIndex()
		r.sum.Failed++
		r.end(r.failure(idx))
	case dropped > 0:
		r.overLimit(off)
		if ctx == frameTop {
			r.end(nil)
		} else {
			r.end(r.errorf(-1, in.offset(in.end), errTruncated, "unexpected end of input in array"))
		}
	case ctx == frameTop:
		r.handle(ctx, in.buf[in.start:in.end], off, true)
		in.pos = in.end
		in.release()
	default:
		idx := r.nextIndex()
		r.sum.Failed++
		r.end(r.errorf(idx, off, errTruncated, "unexpected end of input in record; the array is not terminated"))
	}
}

func (r *Reader) overLimit(off int64) {
	idx := r.nextIndex()
	r.fail(r.errorf(idx, off, ErrLimit, "record longer than "+strconv.FormatInt(r.cfg.maxRecordBytes, 10)+" bytes"))
}

// stepTail skips what follows the Records array in a log file object,
// but reads the records of a second Records member too (encoding/json
// would keep only the last one: reading both loses nothing).
func (r *Reader) stepTail() {
	in := &r.in
	r.sc.ResetTail()
	for {
		// A record start ends the scan: no log file has one after its
		// Records, so it means a broken item made Records look closed.
		lim, cut := in.end, false
		if at, more := scan.FindStart(in.buf[:in.end], in.pos, in.end); at >= 0 {
			lim, cut = at, more // cut: the chunk ends inside what may be one
		}
		np, res := r.sc.Scan(in.buf[:lim], in.pos, in.start)
		in.pos = np
		if res == scan.More && lim < in.end && !cut {
			r.damage(r.errorf(-1, in.offset(lim), ErrSyntax, "a record after the log file's Records; reading records again"))
			in.pos = lim
			in.release()
			r.push(frameRecords)
			return
		}
		switch res {
		case scan.Done:
			in.release()
			r.pop()
			return
		case scan.Records:
			in.release()
			r.push(frameRecords)
			return
		case scan.Bad:
			// The log file's own damage, after its records: report it and
			// go on to its end.
			// It closes whatever is open.
			r.damage(r.errorf(-1, in.offset(np), ErrSyntax, "unexpected "+jsonx.DescribeByte(in.buf[np])+" in log file object"))
			in.pos++
			if r.sc.Depth--; r.sc.Depth <= 0 {
				in.release()
				r.pop()
				return
			}
			continue
		}
		if r.sc.InKey() && int64(in.end-in.start) > r.cfg.maxRecordBytes {
			r.sc.Untrack() // a name too long to keep: no more Records
		}
		if !r.sc.InKey() || !r.sc.Tracking() {
			// Member spans count from the window's start: keep a name
			// that a chunk's end cuts.
			in.release()
			r.sc.Members = r.sc.Members[:0]
		}
		if !in.fill() {
			err := r.failure(-1)
			if err == nil {
				err = r.errorf(-1, in.offset(in.pos), ErrSyntax, "unexpected end of input in log file object")
			}
			r.end(err)
			return
		}
	}
}

// badLine reports a top-level value that does not start a record and
// skips to the next record start on its line or to the next line.
func (r *Reader) badLine() {
	in := &r.in
	off := in.offset(in.pos)
	idx := r.nextIndex()
	tok := r.token()
	in.pos++
	in.release()
	r.fail(r.notObject(idx, off, tok))
	r.skipping = true
}

// badElem reports an array element that is not an object or an array
// and resumes after it.
func (r *Reader) badElem() {
	in := &r.in
	off := in.offset(in.pos)
	idx := r.nextIndex()
	tok := r.token()
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
	r.fail(r.notObject(idx, off, tok))
}

// notObject reports a value that is not an object: tok is its start.
func (r *Reader) notObject(idx int, off int64, tok []byte) *DecodeError {
	k := tok[0]
	switch k {
	case '"':
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		k = '0'
	case 't', 'f', 'n':
		if !scan.IsLiteral(tok) {
			k = '?'
		}
	default:
		k = '?'
	}
	if k == '?' {
		return r.errorf(idx, off, ErrSyntax, "unexpected "+jsonx.DescribeByte(tok[0])+", want a record object")
	}
	return r.errorf(idx, off, ErrNotRecord, "got "+kindNameOf(k)+", want a record object")
}

// token returns the first bytes at pos, enough to name a value's type.
func (r *Reader) token() []byte {
	in := &r.in
	for in.end-in.pos < 6 && in.fill() {
	}
	tok := in.buf[in.pos:min(in.end, in.pos+6)]
	return append([]byte(nil), tok...)
}
