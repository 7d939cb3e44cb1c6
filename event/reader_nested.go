package event

import (
	"encoding/binary"
	mbits "math/bits"
)

// Inside nested values (depth 2 and more) the scanner needs only the
// brackets outside strings: it lists no members there. skipNested finds
// them 8 bytes at a time: it marks quotes, tells which bytes are inside
// strings by a running parity of the quotes (a prefix XOR, as simdjson
// does), and looks at each bracket outside strings. It leaves anything
// unusual to the byte loop of scan by stopping at a point that loop can
// go on from: before a closer that would end the nested value or does not
// match its opener, before the opening quote of a string with a
// backslash, or near the end of b.

// nestedFastPath lets tests compare the scanner with and without
// skipNested.
var nestedFastPath = true

const (
	lows = 0x7f7f7f7f7f7f7f7f
	// gather collects the top bits of the bytes of a word whose other bits
	// are clear into its top byte, byte i's at bit 56+i: the products land
	// on distinct bits, so nothing carries.
	gather = 0x0002040810204081
)

// zeros returns 0x80 in each byte of v that is zero, exactly (no borrow
// reaches the next byte).
func zeros(v uint64) uint64 { return ^((v&lows + lows) | v | lows) }

// gatherBits turns the 0x80s of zeros into a bit per byte, bit i for byte i.
func gatherBits(t uint64) uint64 { return (t * gather) >> 56 }

// byteMask returns a bit per byte of x (bit i for byte i) that equals c.
func byteMask(x, c uint64) uint64 { return gatherBits(zeros(x ^ (ones * c))) }

// prefixXOR sets bit i of the result to the parity of bits 0..i of m.
func prefixXOR(m uint64) uint64 {
	m ^= m << 1
	m ^= m << 2
	m ^= m << 4
	return m & 0xff
}

// skipNested scans from p, outside strings at depth (at least 2), and
// returns where the byte loop should go on and the depth there.
func (s *scanner) skipNested(b []byte, p, depth int) (int, int) {
	inStr := uint64(0) // 0xff while inside a string at the start of a word
	open := p          // the last opening quote, where to go back to from inside a string
	for p+8 <= len(b) {
		x := binary.LittleEndian.Uint64(b[p:])
		tq := zeros(x ^ (ones * '"'))
		tb := zeros(x ^ (ones * '\\'))
		// '{' '}' '[' ']' all read 0x79 with bit 5 set and bits 1-2
		// cleared (so do 'y', 'Y' and DEL, which the switch skips).
		tk := zeros((x|ones*0x20)&^(ones*0x06) ^ (ones * 0x79))
		if tq|tb|tk == 0 {
			p += 8 // no quote, backslash or bracket: inside a string or not, nothing changes
			continue
		}
		if tb != 0 {
			break
		}
		q := gatherBits(tq)
		str := prefixXOR(q) ^ inStr // bits of opening quotes and string contents
		for brackets := gatherBits(tk) &^ str; brackets != 0; brackets &= brackets - 1 {
			i := mbits.TrailingZeros64(brackets)
			switch c := b[p+i]; c {
			case '{', '[':
				depth++
				s.open(depth, c)
			case '}', ']':
				if depth <= 2 || !s.closes(depth, c) {
					return p + i, depth
				}
				depth--
			}
		}
		if opening := q & str; opening != 0 {
			open = p + 7 - mbits.LeadingZeros8(uint8(opening))
		}
		inStr = -(str >> 7 & 1) & 0xff
		p += 8
	}
	if inStr != 0 {
		return open, depth
	}
	return p, depth
}
