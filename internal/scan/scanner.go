package scan

import (
	"encoding/binary"
	"iter"
	mbits "math/bits"

	"github.com/cachetrail/cachetrail/internal/swar"
)

// Span is a byte range of an item, relative to the item's first byte.
type Span struct{ Start, End int }

// Member is a top-level member of an object item, as found by the scanner
// without decoding it. The scanner keeps only the members whose names the
// reader looks for (see keys.go).
type Member struct {
	Key    Span // the name's text, without its quotes
	Val    Span // the value's text; scalars may carry trailing space
	Kind   byte // '{', '[', '"', or 'x' for a number or literal
	KeyEsc bool // the name has escapes
	ValEsc bool // the string value has escapes
	ID     int8 // the name as a Key constant, or -1
}

// Phases of a top-level member, tracked at depth 1 of an object item.
const (
	phKey      uint8 = iota // want a name
	phInKey                 // reading the name
	phColon                 // want ':'
	phValue                 // want the value
	phInString              // reading a string value
	phInNested              // reading an object or array value
	phInScalar              // reading a number or literal
	phAfter                 // want ',' or '}'
)

// Result says why Scan stopped.
type Result uint8

const (
	More    Result = iota // the chunk ended inside the item
	Done                  // the item ended
	Cut                   // a raw newline ended a JSON Lines item early
	Records               // a top-level "Records" array opened (watch mode)
	Newline               // a raw newline where a next line starting a record would end the item (probe mode)
	Bad                   // a closer that does not match its opener: the item is broken there
)

// Newline modes (NL for short): what a raw newline inside an item means to the scanner.
const (
	NLSpace uint8 = iota // white space (or, in a string, an error the decoder reports)
	NLCut                // the end of a JSON Lines item: stop with Cut
	NLProbe              // maybe the end of a broken first line: stop with Newline where '{' or '[' could not follow
)

// Scanner finds where one JSON value ends, string-aware and without
// building anything, and lists the members of an object's top level. It
// can stop at the end of a chunk and go on with the next one. It checks
// only what finding the end needs; the decoder finds the rest.
type Scanner struct {
	Depth   int  // the open containers
	InStr   bool // inside a string
	esc     bool // a chunk ended just after a backslash inside a string
	strEsc  bool // the current string has escapes
	phase   uint8
	cur     Member
	Members []Member // the listed top-level members

	// arrays has a bit set for each open container that is an array,
	// for the first maxKinds levels, to tell ']' from '}'.
	arrays [maxKinds / 64]uint64

	track bool  // list top-level members
	watch bool  // stop when a top-level "Records" member opens an array
	nl    uint8 // what a raw newline means: NLSpace, NLCut or NLProbe

	// mayOpen's last answer, for the newline at nlAt (relative to the
	// item; 0 for none, the item's first byte is never a newline), so
	// that a run of newlines is looked back over once, not once per line.
	nlAt  int
	nlYes bool

	// floor is the lowest depth skipNested skips at: 2, or 1 once the
	// record is rejected early (see reject.go).
	floor      int
	Filter     *Filter // the filters to reject a record by, or nil
	rejectedBy int8    // the key of the member that rejected the record, or -1
	suspect    bool    // a string after it may change the verdict
	rejWord    uint64  // the first eight bytes of the rejecting name, quote included (reject.go)
}

// Reset prepares s for an item that starts with byte top; nl says what a
// raw newline means in it.
func (s *Scanner) Reset(top byte, watch bool, nl uint8) {
	*s = Scanner{Members: s.Members[:0], track: top == '{', watch: watch, nl: nl, floor: 2, rejectedBy: -1}
}

// scan reads b from p, where the item starts at base, and returns where it
// stopped: the item's end for Done, the newline for Cut and
// Newline, just after '[' for Records, len(b) for More, the
// mismatched closer for Bad. After Newline it goes on from just
// after the newline.
func (s *Scanner) Scan(b []byte, p, base int) (int, Result) {
	if s.InStr {
		var res Result
		if p, res = s.stringEnd(b, p); res != Done {
			return p, res
		}
		if s.Depth == 0 {
			return p, Done
		}
		if s.Depth == 1 && s.track {
			s.endString(b, p, base)
		}
		s.checkEscapes(s.Depth)
	}
	depth := s.Depth // kept in a register; stored back before returning
	nl := -1         // the next raw newline, for fastLimit
	for p < len(b) {
		switch c := b[p]; c {
		case '"':
			if depth == 1 && s.track {
				if s.phase == phKey && NestedFastPath {
					if q := s.plainMember(b, p, base); q != p {
						p = q
						if s.floor == 1 { // rejected early: skip the rest
							p, depth = s.skipNested(b, s.fastLimit(b, p, &nl), p, depth)
						}
						continue
					}
				}
				s.strEsc = false
				s.startString(p - base)
			} else if s.floor == 1 {
				s.lookAtString(b, p, depth)
			}
			var res Result
			if p, res = s.stringEnd(b, p+1); res != Done {
				s.Depth = depth
				return p, res
			}
			s.checkEscapes(depth)
			if depth == 1 && s.track {
				s.endString(b, p, base)
				if s.floor == 1 && NestedFastPath {
					p, depth = s.skipNested(b, s.fastLimit(b, p, &nl), p, depth) // rejected early: skip the rest
				}
			}
			continue
		case '{', '[':
			depth++
			s.open(depth, c)
			if depth == 2 && s.track && s.phase == phValue {
				s.cur.Val.Start = p - base
				s.cur.Kind = c
				s.phase = phInNested
				if c == '[' && s.watch && s.cur.ID == KeyRecords {
					s.Depth = depth
					return p + 1, Records
				}
			}
			if depth >= 2 && NestedFastPath {
				p, depth = s.skipNested(b, s.fastLimit(b, p+1, &nl), p+1, depth)
				continue
			}
		case '}', ']':
			if !s.closes(depth, c) {
				s.Depth = depth
				return p, Bad // the reader resynchronizes
			}
			depth--
			switch {
			case depth <= 0:
				if s.phase == phInScalar {
					s.endScalar(p - base)
				}
				s.Depth = depth
				return p + 1, Done
			case depth == 1 && s.phase == phInNested:
				s.cur.Val.End = p + 1 - base
				s.push()
			}
		case ',':
			if depth == 1 && s.track {
				if s.phase == phInScalar {
					s.endScalar(p - base)
				}
				s.phase = phKey
			} else if depth == 1 && s.floor == 1 && NestedFastPath {
				p, depth = s.skipNested(b, s.fastLimit(b, p+1, &nl), p+1, depth)
				continue
			}
		case ':':
			if depth == 1 && s.phase == phColon {
				s.phase = phValue
			}
		case '\n':
			switch {
			case s.nl == NLCut:
				s.Depth = depth
				return p, Cut
			case s.nl == NLProbe && !s.mayOpen(b, p, base, depth):
				s.Depth = depth
				return p, Newline
			}
		case ' ', '\t', '\r':
		default:
			if depth == 1 && s.phase == phValue {
				s.cur.Val.Start = p - base
				s.cur.Kind = 'x'
				s.phase = phInScalar
			}
		}
		p++
	}
	s.Depth = depth
	return p, More
}

// stringEnd reads the rest of a string from p and returns the index just
// after its closing quote with Done, or where it stopped: len(b) with
// More, a newline with Cut (NLCut) or Newline (NLProbe).
//
// It looks at 8 bytes at a time (SWAR), as the strings of a record are
// mostly too short for bytes.IndexByte to pay off.
func (s *Scanner) stringEnd(b []byte, p int) (int, Result) {
	newlines := s.nl != NLSpace
	if s.esc {
		s.esc = false
		if newlines && p < len(b) && b[p] == '\n' {
			return s.stringNewline(p)
		}
		p++
	}
	for {
		if newlines {
			p = stringStopNL(b, p)
		} else {
			p = stringStop(b, p)
		}
		if p >= len(b) {
			s.InStr = true
			return len(b), More
		}
		switch b[p] {
		case '"':
			s.InStr = false
			return p + 1, Done
		case '\\':
			s.strEsc = true
			if newlines && p+1 < len(b) && b[p+1] == '\n' {
				// A raw newline cannot be escaped: it still ends a line
				// cut just after a backslash.
				return s.stringNewline(p + 1)
			}
			p += 2
			if p > len(b) {
				s.InStr, s.esc = true, true
				return len(b), More
			}
		default:
			return s.stringNewline(p)
		}
	}
}

// stringNewline stops at the raw newline at p inside a string, with
// Cut (NLCut) or Newline (NLProbe).
func (s *Scanner) stringNewline(p int) (int, Result) {
	s.InStr = true
	if s.nl == NLProbe {
		return p, Newline
	}
	return p, Cut
}

// maxKinds is how deep the scanner tells arrays from objects; deeper
// closers are taken as they come (the decoder rejects such depths anyway).
const maxKinds = 1024

// open records the kind of the container opened at depth.
func (s *Scanner) open(depth int, c byte) {
	if depth <= maxKinds {
		i, bit := (depth-1)/64, uint64(1)<<((depth-1)%64)
		if c == '[' {
			s.arrays[i] |= bit
		} else {
			s.arrays[i] &^= bit
		}
	}
}

// closes reports whether c closes the container open at depth.
func (s *Scanner) closes(depth int, c byte) bool {
	if depth < 1 || depth > maxKinds {
		return true
	}
	isArray := s.arrays[(depth-1)/64]&(uint64(1)<<((depth-1)%64)) != 0
	return isArray == (c == ']')
}

// mayOpen reports whether a '{' or '[' starting the line after the raw
// newline at p, outside strings at depth, could go on with the item: only
// after ':', '[' or an array's ','. After '{', a member's ',' or a
// complete value the next line cannot belong to the item, so it may be a
// new record. Bytes before base are gone: then it cannot tell and says yes.
// The look back stops at the newline it last answered for: only white
// space lies between, so the answer is the same.
func (s *Scanner) mayOpen(b []byte, p, base, depth int) bool {
	yes := true
	for q := p - 1; q >= base; q-- {
		c := b[q]
		if c == '\n' && q-base == s.nlAt {
			yes = s.nlYes
			break
		}
		if c == ' ' || c == '\t' || c == '\r' || c == '\n' {
			continue
		}
		switch c {
		case ':', '[':
		case ',':
			yes = depth < 1 || depth > maxKinds || s.arrays[(depth-1)/64]&(uint64(1)<<((depth-1)%64)) != 0
		default:
			yes = false
		}
		break
	}
	s.nlAt, s.nlYes = p-base, yes
	return yes
}

// stringStop returns the index of the first quote or backslash in b at or
// after p, or len(b).
func stringStop(b []byte, p int) int {
	if haveStopEnd && p+16 <= len(b) {
		return p + stopEnd(b[p:], '"') // 16 bytes a step (stop_amd64.s)
	}
	for p+8 <= len(b) {
		x := binary.LittleEndian.Uint64(b[p:])
		if m := swar.HasByte(x, '"') | swar.HasByte(x, '\\'); m != 0 {
			return p + mbits.TrailingZeros64(m)>>3
		}
		p += 8
	}
	for ; p < len(b); p++ {
		if c := b[p]; c == '"' || c == '\\' {
			return p
		}
	}
	return p
}

// stringStopNL is stringStop stopping at a newline too.
func stringStopNL(b []byte, p int) int {
	if haveStopEnd && p+16 <= len(b) {
		return p + stopEnd(b[p:], '\n')
	}
	for p+8 <= len(b) {
		x := binary.LittleEndian.Uint64(b[p:])
		if m := swar.HasByte(x, '"') | swar.HasByte(x, '\\') | swar.HasByte(x, '\n'); m != 0 {
			return p + mbits.TrailingZeros64(m)>>3
		}
		p += 8
	}
	for ; p < len(b); p++ {
		if c := b[p]; c == '"' || c == '\\' || c == '\n' {
			return p
		}
	}
	return p
}

// plainMember takes the member of a tracked object's top level whose
// name opens at p, as the byte loop would, where the name has no escapes:
// most members of a record. It returns where the byte loop goes on: after
// the value when that is a string without escapes right after the ':',
// else after the name (to read the ':' and the value), or p itself when
// the name has escapes or b or the line ends in it.
func (s *Scanner) plainMember(b []byte, p, base int) int {
	stop := stringStop
	if s.nl != NLSpace {
		stop = stringStopNL
	}
	q := stop(b, p+1)
	if q >= len(b) || b[q] != '"' {
		return p
	}
	s.strEsc = false
	s.cur = Member{Key: Span{Start: p + 1 - base, End: q - base}, ID: int8(keyID(b[p+1 : q]))}
	s.phase = phColon
	if q+2 >= len(b) || b[q+1] != ':' || b[q+2] != '"' {
		return q + 1
	}
	v := stop(b, q+3)
	if v >= len(b) || b[v] != '"' {
		return q + 1
	}
	s.cur.Val, s.cur.Kind = Span{Start: q + 2 - base, End: v + 1 - base}, '"'
	s.push()
	if s.Filter != nil {
		s.maybeReject(b, base)
	}
	return v + 1
}

func (s *Scanner) startString(rel int) {
	switch s.phase {
	case phKey:
		s.cur = Member{Key: Span{Start: rel + 1}, ID: -1}
		s.phase = phInKey
	case phValue:
		s.cur.Val.Start = rel
		s.cur.Kind = '"'
		s.phase = phInString
	}
}

// endString finishes a top-level string ending just before p.
func (s *Scanner) endString(b []byte, p, base int) {
	switch s.phase {
	case phInKey:
		s.cur.Key.End = p - 1 - base
		s.cur.KeyEsc = s.strEsc
		s.cur.ID = s.nameID(b, base)
		s.phase = phColon
	case phInString:
		s.cur.Val.End = p - base
		s.cur.ValEsc = s.strEsc
		s.push()
		if s.Filter != nil {
			s.maybeReject(b, base)
		}
	}
}

func (s *Scanner) endScalar(rel int) {
	s.cur.Val.End = rel
	s.push()
}

// push ends the current member, keeping it if its name is one the reader
// looks for.
func (s *Scanner) push() {
	if s.cur.ID >= 0 {
		s.Members = append(s.Members, s.cur)
	}
	s.phase = phAfter
}

// nameID returns the current member's name as a Key constant, or -1.
func (s *Scanner) nameID(b []byte, base int) int8 {
	k := b[base+s.cur.Key.Start : base+s.cur.Key.End]
	if s.cur.KeyEsc {
		u, ok := unquote(b[base+s.cur.Key.Start-1 : base+s.cur.Key.End+1])
		if !ok {
			return -1
		}
		k = []byte(u)
	}
	return int8(keyID(k))
}

// scanValue scans the complete value at the start of b (after white
// space) and returns its start, its end and its top-level members; ok is
// false when b does not hold one complete value.
func (s *Scanner) ScanValue(b []byte) (start, end int, ok bool) {
	start = SkipSpace(b, 0)
	if start >= len(b) {
		return start, start, false
	}
	switch c := b[start]; c {
	case '{', '[', '"':
		s.Reset(c, false, NLSpace)
		if c == '"' {
			s.InStr = true
			end, res := s.Scan(b, start+1, start)
			return start, end, res == Done
		}
		end, res := s.Scan(b, start, start)
		return start, end, res == Done
	}
	s.Reset('x', false, NLSpace)
	end = ScalarEnd(b, start)
	return start, end, true
}

// skipSpace returns the index of the first byte of b at or after p that is
// not JSON white space.
func SkipSpace(b []byte, p int) int {
	for p < len(b) {
		switch b[p] {
		case ' ', '\t', '\n', '\r':
			p++
		default:
			return p
		}
	}
	return p
}

// scalarEnd returns where the number or literal (or garbage) starting at p
// ends: at white space or a structural byte.
func ScalarEnd(b []byte, p int) int {
	for p < len(b) {
		switch b[p] {
		case ' ', '\t', '\n', '\r', ',', ':', '{', '}', '[', ']', '"':
			return p
		}
		p++
	}
	return p
}

// Untrack stops listing members and watching for Records, for an item the
// reader no longer keeps (too long): its bytes are released as it goes, so
// the scanner keeps no offsets into them either.
func (s *Scanner) Untrack() {
	s.track, s.watch = false, false
	s.nlAt = 0
}

// ResetTail prepares s for the rest of a log file object after its
// Records array: depth 1, after a member, watching for a second Records.
func (s *Scanner) ResetTail() {
	s.Reset('{', true, NLSpace)
	s.Depth, s.phase = 1, phAfter
}

// InKey reports whether s stopped inside a top-level member name.
func (s *Scanner) InKey() bool { return s.phase == phInKey }

// Tracking reports whether s lists top-level members.
func (s *Scanner) Tracking() bool { return s.track }

// Elements scans the elements of the array arr, held whole, one at a time:
// for each it yields its span in arr and whether it is one complete value,
// with its top-level members in s.Members.
func (s *Scanner) Elements(arr []byte) iter.Seq2[Span, bool] {
	return func(yield func(Span, bool) bool) {
		for p := SkipSpace(arr, 1); p < len(arr) && arr[p] != ']'; {
			start, end, ok := s.ScanValue(arr[p:])
			if !yield(Span{p + start, p + end}, ok) {
				return
			}
			p = SkipSpace(arr, p+max(end, start+1))
			if p < len(arr) && arr[p] == ',' {
				p = SkipSpace(arr, p+1)
			}
		}
	}
}
