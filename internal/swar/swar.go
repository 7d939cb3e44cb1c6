// Package swar holds the word-at-a-time (SWAR) bit tricks that both byte
// scanners of cachetrail use: the decoder (internal/jsonx) and the record
// framing scanner (internal/scan). It is a leaf of its own because scan
// imports jsonx (it reads escaped names as the decoder does), so the
// helpers they share can live in neither.
//
// A word is 8 bytes read little-endian: byte i of the input is byte i of
// the word, bits 8i to 8i+7.
package swar

const (
	Ones = 0x0101010101010101 // a one in every byte
	High = 0x8080808080808080 // the high bit of every byte
	Lows = 0x7f7f7f7f7f7f7f7f // all but the high bit of every byte

	// gather collects the top bits of the bytes of a word whose other bits
	// are clear into its top byte, byte i's at bit 56+i: the products land
	// on distinct bits, so nothing carries.
	gather = 0x0002040810204081
)

// Load64 reads s[i:i+8] little-endian; the compiler makes it one load.
func Load64(s string, i int) uint64 {
	_ = s[i+7]
	return uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
		uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
}

// SomeZero returns 0x80 in each byte of v that is zero, and maybe in
// bytes above one (a borrow): not exact, but its lowest set bit is, and it
// is zero exactly when no byte of v is zero, at two operations fewer than
// Zeros.
func SomeZero(v uint64) uint64 { return (v - Ones) &^ v & High }

// HasByte returns a mask whose lowest set bit marks the first byte of x
// equal to c, or 0.
func HasByte(x, c uint64) uint64 {
	v := x ^ (Ones * c)
	return (v - Ones) & ^v & High
}

// Zeros returns 0x80 in each byte of v that is zero, exactly (no borrow
// reaches the next byte).
func Zeros(v uint64) uint64 { return ^((v&Lows + Lows) | v | Lows) }

// GatherBits turns the 0x80s of Zeros into a bit per byte, bit i for byte i.
func GatherBits(t uint64) uint64 { return (t * gather) >> 56 }

// ByteMask returns a bit per byte of x (bit i for byte i) that equals c.
func ByteMask(x, c uint64) uint64 { return GatherBits(Zeros(x ^ (Ones * c))) }

// Special marks the bytes of x that end a plain run of JSON string text: a
// quote, a backslash or a control byte. The lowest set bit is exact;
// higher ones may be false (borrows).
func Special(x uint64) uint64 {
	q := x ^ (Ones * '"')
	b := x ^ (Ones * '\\')
	return ((q-Ones) & ^q | (b-Ones) & ^b | (x-Ones*0x20) & ^x) & High
}

// Brackets returns 0x80 in the bytes of x that may be '{', '}', '[' or
// ']': all four read 0x79 with bit 5 set and bits 1-2 cleared (so do 'y',
// 'Y', '_' and DEL), and SomeZero adds a few more; the caller looks at
// each byte it marks.
func Brackets(x uint64) uint64 { return SomeZero((x|Ones*0x20)&^(Ones*0x06) ^ (Ones * 0x79)) }

// PrefixXOR64 sets bit i of the result to the parity of bits 0..i of m:
// with m marking quotes, the bits inside strings (a running parity, as
// simdjson does).
func PrefixXOR64(m uint64) uint64 {
	m ^= m << 1
	m ^= m << 2
	m ^= m << 4
	m ^= m << 8
	m ^= m << 16
	m ^= m << 32
	return m
}

// PrefixXOR is PrefixXOR64 for the low 32 bits of m, which alone decide
// the low 32 bits of the result.
func PrefixXOR(m uint64) uint64 { return PrefixXOR64(m) & 0xffffffff }
