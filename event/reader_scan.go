package event

import (
	"encoding/binary"
	mbits "math/bits"
)

// span is a byte range of an item, relative to the item's first byte.
type span struct{ start, end int }

// member is a top-level member of an object item, as found by the scanner
// without decoding it. The scanner keeps only the members whose names the
// reader looks for (see keyID).
type member struct {
	key    span // the name's text, without its quotes
	val    span // the value's text; scalars may carry trailing space
	kind   byte // '{', '[', '"', or 'x' for a number or literal
	keyEsc bool // the name has escapes
	valEsc bool // the string value has escapes
	id     int8 // the name as an index into keys, or -1
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

// scanResult says why scan stopped.
type scanResult uint8

const (
	scanMore    scanResult = iota // the chunk ended inside the item
	scanDone                      // the item ended
	scanCut                       // a raw newline ended a JSON Lines item early
	scanRecords                   // a top-level "Records" array opened (watch mode)
	scanNewline                   // a raw newline where a next line starting a record would end the item (probe mode)
	scanBad                       // a closer that does not match its opener: the item is broken there
)

// Newline modes: what a raw newline inside an item means to the scanner.
const (
	nlSpace uint8 = iota // white space (or, in a string, an error the decoder reports)
	nlCut                // the end of a JSON Lines item: stop with scanCut
	nlProbe              // maybe the end of a broken first line: stop with scanNewline where '{' or '[' could not follow
)

// scanner finds where one JSON value ends, string-aware and without
// building anything, and lists the members of an object's top level. It
// can stop at the end of a chunk and go on with the next one. It checks
// only what finding the end needs; the decoder finds the rest.
type scanner struct {
	depth   int
	inStr   bool
	esc     bool // a chunk ended just after a backslash inside a string
	strEsc  bool // the current string has escapes
	phase   uint8
	cur     member
	members []member

	// arrays has a bit set for each open container that is an array,
	// for the first maxKinds levels, to tell ']' from '}'.
	arrays [maxKinds / 64]uint64

	track bool  // list top-level members
	watch bool  // stop when a top-level "Records" member opens an array
	nl    uint8 // what a raw newline means: nlSpace, nlCut or nlProbe

	// mayOpen's last answer, for the newline at nlAt (relative to the
	// item; 0 for none, the item's first byte is never a newline), so
	// that a run of newlines is looked back over once, not once per line.
	nlAt  int
	nlYes bool

	// floor is the lowest depth skipNested skips at: 2, or 1 once the
	// record is rejected early (see reader_reject.go).
	floor      int
	filter     *filterSets // the filters to reject a record by, or nil
	rejectedBy int8        // the key of the member that rejected the record, or -1
	suspect    bool        // a string after it may change the verdict
}

// reset prepares s for an item that starts with byte top; nl says what a
// raw newline means in it.
func (s *scanner) reset(top byte, watch bool, nl uint8) {
	*s = scanner{members: s.members[:0], track: top == '{', watch: watch, nl: nl, floor: 2, rejectedBy: -1}
}

// scan reads b from p, where the item starts at base, and returns where it
// stopped: the item's end for scanDone, the newline for scanCut and
// scanNewline, just after '[' for scanRecords, len(b) for scanMore, the
// mismatched closer for scanBad. After scanNewline it goes on from just
// after the newline.
func (s *scanner) scan(b []byte, p, base int) (int, scanResult) {
	if s.inStr {
		var res scanResult
		if p, res = s.stringEnd(b, p); res != scanDone {
			return p, res
		}
		if s.depth == 0 {
			return p, scanDone
		}
		if s.depth == 1 && s.track {
			s.endString(b, p, base)
		}
		s.checkEscapes(s.depth)
	}
	depth := s.depth // kept in a register; stored back before returning
	for p < len(b) {
		switch c := b[p]; c {
		case '"':
			if depth == 1 && s.track {
				s.strEsc = false
				s.startString(p - base)
			} else if s.floor == 1 {
				s.lookAtString(b, p, depth)
			}
			var res scanResult
			if p, res = s.stringEnd(b, p+1); res != scanDone {
				s.depth = depth
				return p, res
			}
			s.checkEscapes(depth)
			if depth == 1 && s.track {
				s.endString(b, p, base)
				if s.floor == 1 && nestedFastPath {
					p, depth = s.skipNested(b, p, depth) // rejected early: skip the rest
				}
			}
			continue
		case '{', '[':
			depth++
			s.open(depth, c)
			if depth == 2 && s.track && s.phase == phValue {
				s.cur.val.start = p - base
				s.cur.kind = c
				s.phase = phInNested
				if c == '[' && s.watch && s.cur.id == kRecords {
					s.depth = depth
					return p + 1, scanRecords
				}
			}
			if depth >= 2 && s.nl == nlSpace && nestedFastPath {
				p, depth = s.skipNested(b, p+1, depth)
				continue
			}
		case '}', ']':
			if !s.closes(depth, c) {
				s.depth = depth
				return p, scanBad // the reader resynchronises (reader_resync.go)
			}
			depth--
			switch {
			case depth <= 0:
				if s.phase == phInScalar {
					s.endScalar(p - base)
				}
				s.depth = depth
				return p + 1, scanDone
			case depth == 1 && s.phase == phInNested:
				s.cur.val.end = p + 1 - base
				s.push()
			}
		case ',':
			if depth == 1 && s.track {
				if s.phase == phInScalar {
					s.endScalar(p - base)
				}
				s.phase = phKey
			} else if depth == 1 && s.floor == 1 && nestedFastPath {
				p, depth = s.skipNested(b, p+1, depth)
				continue
			}
		case ':':
			if depth == 1 && s.phase == phColon {
				s.phase = phValue
			}
		case '\n':
			switch {
			case s.nl == nlCut:
				s.depth = depth
				return p, scanCut
			case s.nl == nlProbe && !s.mayOpen(b, p, base, depth):
				s.depth = depth
				return p, scanNewline
			}
		case ' ', '\t', '\r':
		default:
			if depth == 1 && s.phase == phValue {
				s.cur.val.start = p - base
				s.cur.kind = 'x'
				s.phase = phInScalar
			}
		}
		p++
	}
	s.depth = depth
	return p, scanMore
}

// stringEnd reads the rest of a string from p and returns the index just
// after its closing quote with scanDone, or where it stopped: len(b) with
// scanMore, a newline with scanCut (nlCut) or scanNewline (nlProbe).
//
// It looks at 8 bytes at a time (SWAR), as the strings of a record are
// mostly too short for bytes.IndexByte to pay off.
func (s *scanner) stringEnd(b []byte, p int) (int, scanResult) {
	newlines := s.nl != nlSpace
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
			s.inStr = true
			return len(b), scanMore
		}
		switch b[p] {
		case '"':
			s.inStr = false
			return p + 1, scanDone
		case '\\':
			s.strEsc = true
			if newlines && p+1 < len(b) && b[p+1] == '\n' {
				// A raw newline cannot be escaped: it still ends a line
				// cut just after a backslash.
				return s.stringNewline(p + 1)
			}
			p += 2
			if p > len(b) {
				s.inStr, s.esc = true, true
				return len(b), scanMore
			}
		default:
			return s.stringNewline(p)
		}
	}
}

// stringNewline stops at the raw newline at p inside a string, with
// scanCut (nlCut) or scanNewline (nlProbe).
func (s *scanner) stringNewline(p int) (int, scanResult) {
	s.inStr = true
	if s.nl == nlProbe {
		return p, scanNewline
	}
	return p, scanCut
}

// maxKinds is how deep the scanner tells arrays from objects; deeper
// closers are taken as they come (the decoder rejects such depths anyway).
const maxKinds = 1024

// open records the kind of the container opened at depth.
func (s *scanner) open(depth int, c byte) {
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
func (s *scanner) closes(depth int, c byte) bool {
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
func (s *scanner) mayOpen(b []byte, p, base, depth int) bool {
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

// SWAR constants: a byte of ones and the high bit of every byte.
const (
	ones = 0x0101010101010101
	high = 0x8080808080808080
)

// stringStop returns the index of the first quote or backslash in b at or
// after p, or len(b).
func stringStop(b []byte, p int) int {
	for p+8 <= len(b) {
		x := binary.LittleEndian.Uint64(b[p:])
		if m := hasByte(x, '"') | hasByte(x, '\\'); m != 0 {
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
	for p+8 <= len(b) {
		x := binary.LittleEndian.Uint64(b[p:])
		if m := hasByte(x, '"') | hasByte(x, '\\') | hasByte(x, '\n'); m != 0 {
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

// hasByte returns a mask whose lowest set bit marks the first byte of x
// (little-endian) equal to c, or 0.
func hasByte(x, c uint64) uint64 {
	v := x ^ (ones * c)
	return (v - ones) & ^v & high
}

func (s *scanner) startString(rel int) {
	switch s.phase {
	case phKey:
		s.cur = member{key: span{start: rel + 1}, id: -1}
		s.phase = phInKey
	case phValue:
		s.cur.val.start = rel
		s.cur.kind = '"'
		s.phase = phInString
	}
}

// endString finishes a top-level string ending just before p.
func (s *scanner) endString(b []byte, p, base int) {
	switch s.phase {
	case phInKey:
		s.cur.key.end = p - 1 - base
		s.cur.keyEsc = s.strEsc
		s.cur.id = s.keyID(b, base)
		s.phase = phColon
	case phInString:
		s.cur.val.end = p - base
		s.cur.valEsc = s.strEsc
		s.push()
		if s.filter != nil {
			s.maybeReject(b, base)
		}
	}
}

func (s *scanner) endScalar(rel int) {
	s.cur.val.end = rel
	s.push()
}

// push ends the current member, keeping it if its name is one the reader
// looks for.
func (s *scanner) push() {
	if s.cur.id >= 0 {
		s.members = append(s.members, s.cur)
	}
	s.phase = phAfter
}

// keyID returns the current member's name as an index into keys, or -1.
func (s *scanner) keyID(b []byte, base int) int8 {
	k := b[base+s.cur.key.start : base+s.cur.key.end]
	if s.cur.keyEsc {
		u, ok := unquote(b[base+s.cur.key.start-1 : base+s.cur.key.end+1])
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
func (s *scanner) scanValue(b []byte) (start, end int, ok bool) {
	start = skipSpace(b, 0)
	if start >= len(b) {
		return start, start, false
	}
	switch c := b[start]; c {
	case '{', '[', '"':
		s.reset(c, false, nlSpace)
		if c == '"' {
			s.inStr = true
			end, res := s.scan(b, start+1, start)
			return start, end, res == scanDone
		}
		end, res := s.scan(b, start, start)
		return start, end, res == scanDone
	}
	s.reset('x', false, nlSpace)
	end = scalarEnd(b, start)
	return start, end, true
}

// skipSpace returns the index of the first byte of b at or after p that is
// not JSON white space.
func skipSpace(b []byte, p int) int {
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
func scalarEnd(b []byte, p int) int {
	for p < len(b) {
		switch b[p] {
		case ' ', '\t', '\n', '\r', ',', ':', '{', '}', '[', ']', '"':
			return p
		}
		p++
	}
	return p
}
