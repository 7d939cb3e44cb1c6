package split

import (
	"bytes"
	"math"

	"github.com/cachetrail/cachetrail/internal/jsonx"
	"github.com/cachetrail/cachetrail/internal/scan"
)

// Resynchronisation. CloudTrail writes valid JSON, so a broken record
// means damage: a cut, a flipped byte, a bad merge of files. The reader
// keeps the damage to the records it hits:
//
//   - A closer that does not match its opener ('}' for '[' or the
//     reverse) ends the record there, with the error at that byte.
//   - A byte between records that is neither ',' nor the array's end (a
//     stray '}', ",,", a missing ','; a ']' of a log file's Records that
//     neither '}' nor ',' and a member name with its ':' follow) is an
//     error at that byte, with a Record of -1, which package event
//     counts in Summary.Damage.
//
// After either, the reader skips to the next record start: a '{'
// followed by a member name that begins records or the envelopes that
// hold them (recordStartNames in internal/scan), as in {"eventVersion":.
// That byte sequence cannot occur inside a JSON string, so the rule holds
// whatever the quotes of the damaged bytes say. In JSON Lines the next record start on the line,
// or else the next line, is the next record.
//
// A record cut short (a truncated record followed by the rest of the
// file) hides the records after it inside itself: the scanner reads
// them as nested values, or, when the cut was inside a string, as the
// wrong side of every quote. When an item ends in a mismatched closer,
// at the end of the input or of its line, grows past the record limit,
// or ends but fails to decode, the reader looks for record starts inside
// it. If there are, it scans it again with them as fences:
//
//   - a fence where no value may start (inside a string, after a name, a
//     member or an object's ',') ends the item, with the error at the
//     fence, and the next record starts there;
//   - a fence where a value may start (an EventBridge event's detail, a
//     record the cut one took as a member's value) is passed. If the item
//     then ends broken, the reader goes back to the first passed fence
//     whose value closed before the damage: a record swallowed whole.
//   - an item that starts at the region's last fence and breaks past the
//     region's end (a fence found in a broken string, followed by a record
//     start broken in its turn) grows the region to its break, so that
//     the record starts there are fences too.
//
// A record start in valid JSON is always where a value may start, so
// fences never split a well-formed record: an attacker who nests
// {"eventVersion":...} in a record's requestParameters gets no record
// of its own out of it, even in a record that fails to decode (too deep).
// The reader looks for fences only in an item that failed, so
// well-formed input costs nothing. Each byte of a damaged region is
// scanned a bounded number of times (going back is capped at twice the
// region), however many broken records follow each other.
//
// What cannot be recovered: a record cut where a value may start (after
// ':', '[' or an array's ',') whose closers after it happen to balance
// ends where they do and decodes, with an error, with the records it
// swallowed (FuzzReaderIsolation leaves these out); a record whose first
// member is not one of recordStartNames is skipped when it follows
// damage; fences are looked for in the first record-limit bytes of a too
// long item only; a CloudWatch Logs payload is decoded whole, so one over
// the record limit is lost whole (each message in it is isolated).

// noFence is the fence offset when no record start is known ahead.
const noFence = math.MaxInt64

// damaged reports whether the item at stream offset off lies in a
// region where record starts are fences.
func (s *Splitter) damaged(off int64) bool { return off < s.damagedEnd }

// findFences, for the broken item that starts at buf[start] and was found
// broken at buf[end], looks for record starts inside it. If there is one,
// the bytes up to end become a damaged region and it returns true.
func (s *Splitter) findFences(start, end int) bool {
	in := &s.in
	i, _ := scan.FindStart(in.buf[:in.end], start+1, end)
	if i < 0 {
		return false
	}
	s.fence = in.offset(i)
	s.damaged0, s.damagedEnd = in.offset(start), in.offset(end)
	s.backtrack = 0
	return true
}

// extendDamage, for an item that starts inside the damaged region and is
// found broken at buf[end], past the region's end, looks for record starts
// between the region's end and end. If there is one, the region grows to
// end and it returns true. Such an item starts at the region's last fence
// (a later fence would have ended it), so each byte of a region is
// scanned again at most once when it grows: the time stays linear.
func (s *Splitter) extendDamage(end int) bool {
	in := &s.in
	if in.offset(end) <= s.damagedEnd {
		return false
	}
	from := max(in.start+1, int(s.damagedEnd-in.off))
	i, _ := scan.FindStart(in.buf[:in.end], from, end)
	if i < 0 {
		return false
	}
	s.fence = in.offset(i)
	s.damagedEnd = in.offset(end)
	return true
}

// passedFence is a record start that the item being scanned holds where
// a value may start, and the depth around it.
type passedFence struct {
	off   int64
	depth int
}

// pass notes the fence at buf[i], which the item goes on over.
func (s *Splitter) pass(i int) {
	s.passed = append(s.passed, passedFence{s.in.offset(i), s.sc.Depth})
}

// canResume, for the item found broken at buf[fail], finds the first
// record it swallowed whole: a passed fence whose depth the scanner came
// back to, so that its value closed before the damage. The reader goes
// back there (resumeBack) rather than lose it, as long as the bytes gone
// back over stay under twice the damaged region: that keeps the time
// linear however the broken records nest.
func (s *Splitter) canResume(fail int) bool {
	for _, f := range s.passed {
		if f.depth >= s.sc.Depth {
			dist := s.in.offset(fail) - f.off
			if s.backtrack+dist > 2*(s.damagedEnd-s.damaged0) {
				return false
			}
			s.backtrack += dist
			s.back = f.off
			return true
		}
	}
	return false
}

// resumeBack goes on at the record start canResume found.
func (s *Splitter) resumeBack() {
	in := &s.in
	in.pos = int(s.back - in.off)
	in.release()
	s.resumed = true
}

// fenceLimit returns the index of the first fence after the item byte at
// index p, or in.end.
func (s *Splitter) fenceLimit(p int) int {
	in := &s.in
	if s.fence <= in.offset(p) {
		s.fence = noFence
		if e := int(s.damagedEnd - in.off); p+1 < e {
			if i, _ := scan.FindStart(in.buf[:in.end], p+1, e); i >= 0 {
				s.fence = in.offset(i)
			}
		}
	}
	if s.fence == noFence || s.fence-in.off > int64(in.end) {
		return in.end
	}
	return int(s.fence - in.off)
}

// decideLines settles JSON Lines detection on a broken first item that
// spans buf[start:end]: a one-line item means JSON Lines.
func (s *Splitter) decideLines(ctx frameKind, start, end int) {
	if ctx == frameTop && !s.known {
		s.known = true
		s.lines = bytes.IndexByte(s.in.buf[start:end], '\n') < 0
	}
}

// mismatch yields the item at off broken by the closer at buf[x] (the
// decoder says so, at that byte or at an earlier fault), and skips to the
// next record start.
func (s *Splitter) mismatch(ctx frameKind, off int64, x int) {
	in := &s.in
	s.emit(Item{Type: Record, Text: in.buf[in.start : x+1], Offset: off, Broken: true})
	s.decideLines(ctx, in.start, x)
	if s.damaged(off) && s.canResume(x) {
		s.resumeBack()
		return
	}
	in.pos = x + 1
	in.release()
	s.skipping = true
}

// cut yields the error of the item at off as unfinished where the record start at
// buf[f] begins, and goes on from there.
func (s *Splitter) cut(ctx frameKind, off int64, f int) {
	in := &s.in
	s.fail(in.offset(f), Syntax, "record not finished where another starts")
	s.decideLines(ctx, in.start, f)
	if s.canResume(f) {
		s.resumeBack()
		return
	}
	in.pos = f
	in.release()
	s.resumed = true
}

// strayClose reports whether the ']' at pos, which would end a log
// file's Records, is stray: in valid JSON only '}' or ',' and a name can
// follow the end of the array (or the input's end, for a cut file). It
// reads ahead as needed, up to the record limit.
func (s *Splitter) strayClose() bool {
	in := &s.in
	q := in.pos + 1
	comma := false
	for {
		q, comma = scan.SkipComma(in.buf[:in.end], q, comma)
		if q < in.end {
			c := in.buf[q]
			switch {
			case c == '}' && !comma:
				return false
			case c == '"' && comma:
				// A next member of the log file object: its name and ':'.
				if ok, more := scan.MemberNameAt(in.buf[:in.end], q); !more {
					return !ok
				}
			default:
				return true
			}
		}
		ahead := q - in.pos
		if int64(in.end-in.start) > s.cfg.MaxRecordBytes || !in.fill() {
			return false
		}
		q = in.pos + ahead
	}
}

// stray yields an error at the byte at pos, where a ',', the end of an array or a
// record was wanted, and skips to the next record start.
func (s *Splitter) stray(c byte, want string) {
	s.damage(s.in.offset(s.in.pos), Syntax, "unexpected "+jsonx.DescribeByte(c)+", want "+want)
	s.skipping = true
}

// resync skips to the next record start; in JSON Lines, to the next one
// on the line or else to the next line.
func (s *Splitter) resync() {
	in := &s.in
	s.skipping = false
	lines := s.stack[len(s.stack)-1].kind == frameTop && s.lines
	for {
		b := in.buf[:in.end]
		if lines {
			if nl := bytes.IndexByte(b[in.pos:], '\n'); nl >= 0 {
				b = b[:in.pos+nl+1]
			}
		}
		i, more := scan.FindStart(b, in.pos, len(b))
		if i >= 0 && !more {
			in.pos = i
			in.release()
			s.resumed = true
			return
		}
		if len(b) < in.end && (i < 0 || b[len(b)-1] == '\n') {
			in.pos = len(b) // the next line
			in.release()
			return
		}
		in.pos = in.end
		if i >= 0 {
			in.pos = i // keep what may be a record start cut by the chunk's end
		}
		in.release()
		if !in.fill() {
			s.end(in.failure())
			return
		}
	}
}
