package jsonx

import "math/bits"

// Strings are scanned 8 bytes at a time (SWAR): most of a record's bytes
// are in strings, and they are mostly too short for strings.IndexByte to
// pay off.

const (
	ones = 0x0101010101010101
	high = 0x8080808080808080
)

// load64 reads s[i:i+8] little-endian; the compiler makes it one load.
func load64(s string, i int) uint64 {
	_ = s[i+7]
	return uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
		uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
}

// special marks the bytes of x that end a plain run of string text: a
// quote, a backslash or a control byte. The lowest set bit is exact;
// higher ones may be false (borrows).
func special(x uint64) uint64 {
	q := x ^ (ones * '"')
	b := x ^ (ones * '\\')
	return ((q-ones) & ^q | (b-ones) & ^b | (x-ones*0x20) & ^x) & high
}

// plainASCII returns the index of the first byte of s at or after i that
// is a quote, a backslash, a control byte or not ASCII.
func plainASCII(s string, i int) int {
	for i+8 <= len(s) {
		x := load64(s, i)
		if m := special(x) | x&high; m != 0 {
			return i + bits.TrailingZeros64(m)>>3
		}
		i += 8
	}
	for i < len(s) {
		if c := s[i]; c == '"' || c == '\\' || c < 0x20 || c >= 0x80 {
			return i
		}
		i++
	}
	return i
}

// plainText is plainASCII letting non-ASCII bytes through; wide reports
// whether it passed any.
func plainText(s string, i int) (j int, wide bool) {
	for i+8 <= len(s) {
		x := load64(s, i)
		if m := special(x); m != 0 {
			j = i + bits.TrailingZeros64(m)>>3
			// Only the bytes before the stop count.
			return j, wide || x&high&(1<<(8*(j-i))-1) != 0
		}
		wide = wide || x&high != 0
		i += 8
	}
	for i < len(s) {
		c := s[i]
		if c == '"' || c == '\\' || c < 0x20 {
			return i, wide
		}
		wide = wide || c >= 0x80
		i++
	}
	return i, wide
}
