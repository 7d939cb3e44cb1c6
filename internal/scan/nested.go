package scan

import (
	"bytes"
	"encoding/binary"
	mbits "math/bits"

	"github.com/cachetrail/cachetrail/internal/swar"
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
// string that block is in), or near the end of b or, where newlines mean
// something (JSON Lines), near the next one. In a record rejected early
// (reject.go) it also skips the rest of the top level.
//
// On the benchmark trail, steps of 32 bytes made the whole filtered read
// 8% faster than steps of 8 (16: 2%); steps of 64 were slower, as more of
// the last step is wasted when the nested value ends.

// NestedFastPath lets tests (event's FuzzSkipNested) compare the reader
// with and without skipNested.
var NestedFastPath = true

// skipNested scans from p, outside strings at depth (at least s.floor), and
// returns where the byte loop should go on and the depth there. It reads
// 32 bytes a step: four words, whose masks make one 32-bit mask. It stops
// before lim: len(b), or the next raw newline where newlines mean
// something (see fastLimit).
func (s *Scanner) skipNested(b []byte, lim, p, depth int) (int, int) {
	if VectorFastPath && p < lim && p+64 <= len(b) {
		var done bool
		if p, depth, done = s.skipBlocks(b, lim, p, depth); done {
			return p, depth
		}
	}
	inStr := uint64(0) // 1 while inside a string at the start of a step
	open := p          // the last opening quote, where to go back to from inside a string
	for p+32 <= lim {
		w := (*[32]byte)(b[p : p+32]) // one bounds check for the four loads
		x0 := binary.LittleEndian.Uint64(w[0:8])
		x1 := binary.LittleEndian.Uint64(w[8:16])
		x2 := binary.LittleEndian.Uint64(w[16:24])
		x3 := binary.LittleEndian.Uint64(w[24:32])
		if swar.SomeZero(x0^(swar.Ones*'\\'))|swar.SomeZero(x1^(swar.Ones*'\\'))|swar.SomeZero(x2^(swar.Ones*'\\'))|swar.SomeZero(x3^(swar.Ones*'\\')) != 0 {
			break
		}
		q := swar.GatherBits(swar.Zeros(x0^(swar.Ones*'"'))) | swar.GatherBits(swar.Zeros(x1^(swar.Ones*'"')))<<8 |
			swar.GatherBits(swar.Zeros(x2^(swar.Ones*'"')))<<16 | swar.GatherBits(swar.Zeros(x3^(swar.Ones*'"')))<<24
		k := swar.GatherBits(swar.Brackets(x0)) | swar.GatherBits(swar.Brackets(x1))<<8 |
			swar.GatherBits(swar.Brackets(x2))<<16 | swar.GatherBits(swar.Brackets(x3))<<24
		str := swar.PrefixXOR(q) ^ (-inStr & 0xffffffff) // bits of opening quotes and string contents
		opening := q & str
		seg := ^uint64(0) // the bits from the last bracket on: the strings at depth
		for bs := k &^ str; bs != 0; bs &= bs - 1 {
			i := mbits.TrailingZeros64(bs)
			c := w[i&31]
			if c != '{' && c != '[' && c != '}' && c != ']' {
				continue
			}
			if depth == 1 && s.floor == 1 && !s.suspect {
				s.lookAt(b, p, opening&seg&(1<<i-1)) // rejected early: the top-level strings before it
			}
			seg = ^uint64(0) << i
			switch c {
			case '{', '[':
				depth++
				s.open(depth, c)
			default:
				if depth <= s.floor || !s.closes(depth, c) {
					return p + i, depth
				}
				depth--
			}
		}
		if depth == 1 && s.floor == 1 && !s.suspect {
			s.lookAt(b, p, opening&seg) // the top-level strings of the rest of the step
		}
		if opening != 0 {
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

// useKernel lets tests compare skipBlocks with and without the kernel.
var useKernel = true

// skipBlocks is skipNested's loop in steps of 64 bytes: the kernel's
// (kernel.go) while it takes them whole, else one here, from classify's
// masks (vector.go). It stops where skipNested does, done set. Its last
// step may cross lim, where b goes on past it (the next line of JSON
// Lines): the bits from lim on are dropped, and it stops at lim, or at
// the opening quote of a string that lim cuts, for the byte loop to judge
// the newline there; most records end within 64 bytes of theirs.
// Otherwise it stops, outside a string, less than 64 bytes before the end
// of b, for skipNested's own steps to go on from.
func (s *Scanner) skipBlocks(b []byte, lim, p, depth int) (int, int, bool) {
	inStr := uint64(0) // 1 while inside a string at the start of a step
	open := p          // the last opening quote, where to go back to from inside a string
	for p < lim && p+64 <= len(b) {
		if n := min((lim-p+63)/64, (len(b)-kernelSlack-p)/64); n > 0 && useKernel {
			st := kernelState{depth: depth, floor: s.floor, inStr: inStr, open: open, base: p,
				kinds: &s.arrays, rejWord: s.rejWord, slots: &otherSlots, limit: lim - p, stop: -1}
			if s.floor == 1 && !s.suspect {
				st.watch = 1
			}
			if s.Filter != nil && s.Filter.Items {
				st.items = 1
			}
			k := skipSteps(b[p:], n, &st)
			if st.stop >= 0 {
				return st.stop, st.depth, true
			}
			depth, inStr, open, p = st.depth, st.inStr, st.open, p+64*k
			if k == n {
				continue
			}
		}
		// A step the kernel left, or one that crosses lim.
		var ms [maxBlocks]blockMasks
		classify(b[p:p+64], 1, &ms)
		m := &ms[0]
		valid := ^uint64(0) // the bits before lim
		if left := lim - p; left < 64 {
			valid = 1<<left - 1
		}
		if m.backslash&valid != 0 {
			if inStr != 0 {
				return open, depth, true
			}
			return p, depth, true
		}
		str := m.inside ^ -inStr // bits of opening quotes and string contents
		opening := m.quote & str & valid
		names := ^uint64(0) // the strings lookAt looks at, once needed
		seg := ^uint64(0)   // the bits from the last bracket on: the strings at depth
		for bs := (m.open | m.close) &^ str & valid; bs != 0; bs &= bs - 1 {
			i := mbits.TrailingZeros64(bs)
			if depth == 1 && s.floor == 1 && !s.suspect {
				if names == ^uint64(0) {
					names = opening &^ values(m, str)
				}
				s.lookAt(b, p, names&seg&(1<<i-1)) // rejected early: the top-level strings before it
			}
			seg = ^uint64(0) << i
			c := b[p+i]
			if m.open&(1<<i) != 0 {
				depth++
				s.open(depth, c)
			} else {
				if depth <= s.floor || !s.closes(depth, c) {
					return p + i, depth, true
				}
				depth--
			}
		}
		if depth == 1 && s.floor == 1 && !s.suspect {
			if names == ^uint64(0) {
				names = opening &^ values(m, str)
			}
			s.lookAt(b, p, names&seg) // the top-level strings of the rest of the step
		}
		if opening != 0 {
			open = p + 63 - mbits.LeadingZeros64(opening)
		}
		if valid != ^uint64(0) { // at lim
			if str>>(lim-p-1)&1 != 0 {
				return open, depth, true // inside a string that lim cuts
			}
			return lim, depth, true
		}
		inStr = str >> 63
		p += 64
	}
	if inStr != 0 {
		return open, depth, true
	}
	return p, depth, p >= lim
}

// values returns the opening quotes of the strings in m's block that
// follow a string and a ':' at once, as in "name":"value", outside
// strings: the full scan never takes one for a member's name, so a record
// rejected early need not look at them (see reject.go). A string that
// only white space separates from its ':' is looked at all the same.
func values(m *blockMasks, str uint64) uint64 {
	closing := m.quote &^ str
	return m.quote & str & (m.colon &^ str << 1) & (closing << 2)
}

// fastLimit returns where skipNested must stop, for a step from p: len(b),
// or where newlines mean something the next raw newline, which the byte
// loop judges. nl caches the newline for the Scan call (b does not change
// in it): -1 before the first look, len(b) for none.
func (s *Scanner) fastLimit(b []byte, p int, nl *int) int {
	if s.nl == NLSpace {
		return len(b)
	}
	if *nl < p {
		*nl = len(b)
		if i := bytes.IndexByte(b[p:], '\n'); i >= 0 {
			*nl = p + i
		}
	}
	return *nl
}
