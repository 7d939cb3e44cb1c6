package event

import (
	"encoding/binary"
	mbits "math/bits"
)

// Inside nested values (depth 2 and more) the scanner needs only the
// brackets outside strings: it lists no members there. skipNested finds
// them 32 bytes at a time (four words, their masks made into one 32-bit
// mask): it marks quotes, tells which bytes are inside strings by a
// running parity of the quotes (a prefix XOR, as simdjson does), and looks
// at each bracket outside strings. It leaves anything unusual to the byte
// loop of scan by stopping at a point that loop can go on from: before a
// closer that would end the nested value or does not match its opener,
// before a block with a backslash (or before the opening quote of the
// string that block is in), or near the end of b. In a record rejected
// early (reader_reject.go) it also skips the rest of the top level.
//
// On the benchmark trail, steps of 32 bytes made the whole filtered read
// 8% faster than steps of 8 (16: 2%); steps of 64 were slower, as more of
// the last step is wasted when the nested value ends.

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

// someZero returns 0x80 in each byte of v that is zero, and maybe in
// bytes above one (a borrow): not exact, but zero exactly when no byte
// of v is zero, at two operations fewer than zeros.
func someZero(v uint64) uint64 { return (v - ones) &^ v & high }

// brackets returns 0x80 in the bytes of x that may be '{', '}', '[' or
// ']': all four read 0x79 with bit 5 set and bits 1-2 cleared (so do 'y',
// 'Y', '_' and DEL), and someZero adds a few more; the caller looks at
// each byte it marks.
func brackets(x uint64) uint64 { return someZero((x|ones*0x20)&^(ones*0x06) ^ (ones * 0x79)) }

// prefixXOR sets bit i of the result to the parity of bits 0..i of m,
// for the low 32 bits of m.
func prefixXOR(m uint64) uint64 {
	m ^= m << 1
	m ^= m << 2
	m ^= m << 4
	m ^= m << 8
	m ^= m << 16
	return m & 0xffffffff
}

// skipNested scans from p, outside strings at depth (at least s.floor), and
// returns where the byte loop should go on and the depth there. It reads
// 32 bytes a step: four words, whose masks make one 32-bit mask.
func (s *scanner) skipNested(b []byte, p, depth int) (int, int) {
	inStr := uint64(0) // 1 while inside a string at the start of a step
	open := p          // the last opening quote, where to go back to from inside a string
	for p+32 <= len(b) {
		w := (*[32]byte)(b[p : p+32]) // one bounds check for the four loads
		x0 := binary.LittleEndian.Uint64(w[0:8])
		x1 := binary.LittleEndian.Uint64(w[8:16])
		x2 := binary.LittleEndian.Uint64(w[16:24])
		x3 := binary.LittleEndian.Uint64(w[24:32])
		if someZero(x0^(ones*'\\'))|someZero(x1^(ones*'\\'))|someZero(x2^(ones*'\\'))|someZero(x3^(ones*'\\')) != 0 {
			break
		}
		q := gatherBits(zeros(x0^(ones*'"'))) | gatherBits(zeros(x1^(ones*'"')))<<8 |
			gatherBits(zeros(x2^(ones*'"')))<<16 | gatherBits(zeros(x3^(ones*'"')))<<24
		k := gatherBits(brackets(x0)) | gatherBits(brackets(x1))<<8 |
			gatherBits(brackets(x2))<<16 | gatherBits(brackets(x3))<<24
		str := prefixXOR(q) ^ (-inStr & 0xffffffff) // bits of opening quotes and string contents
		for bs := k &^ str; bs != 0; bs &= bs - 1 {
			i := mbits.TrailingZeros64(bs)
			switch c := w[i&31]; c {
			case '{', '[':
				depth++
				s.open(depth, c)
			case '}', ']':
				if depth <= s.floor || !s.closes(depth, c) {
					if s.floor == 1 && !s.suspect {
						s.lookAt(b, p, q&str&(1<<i-1)) // the strings before the stop
					}
					return p + i, depth
				}
				depth--
			}
		}
		if s.floor == 1 && !s.suspect {
			s.lookAt(b, p, q&str) // rejected early: the strings of the step
		}
		if opening := q & str; opening != 0 {
			open = p + 31 - mbits.LeadingZeros32(uint32(opening))
		}
		inStr = str >> 31 & 1
		p += 32
	}
	if inStr != 0 {
		return open, depth
	}
	return p, depth
}
