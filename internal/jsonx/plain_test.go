package jsonx

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
)

// naive versions of plainASCII and plainText, one byte at a time.
func naivePlain(s string, i int, letWide bool) (int, bool) {
	wide := false
	for ; i < len(s); i++ {
		c := s[i]
		if c == '"' || c == '\\' || c < 0x20 || (!letWide && c >= 0x80) {
			break
		}
		wide = wide || c >= 0x80
	}
	return i, wide
}

// TestPlainMatchesNaive puts each interesting byte at every position of
// strings of every length up to 48, over runs of plain and wide text, and
// compares the SWAR scans with the byte loop.
func TestPlainMatchesNaive(t *testing.T) {
	specials := []byte{'"', '\\', 0, 0x1f, 0x20, 0x21, 0x7f, 0x80, 0xc3, 0xff, '!', '#', '[', ']'}
	r := rand.New(rand.NewPCG(1, 2))
	for n := 0; n <= 48; n++ {
		for pos := 0; pos < n; pos++ {
			for _, c := range specials {
				for _, fill := range []byte{'a', 0xe9} {
					b := make([]byte, n)
					for i := range b {
						b[i] = fill
					}
					b[pos] = c
					if n > 3 && r.IntN(2) == 0 {
						b[r.IntN(n)] = byte(r.IntN(256))
					}
					s := string(b)
					for start := 0; start <= n && start <= 9; start++ {
						want, _ := naivePlain(s, start, false)
						assert.Equal(t, want, plainASCII(s, start), "plainASCII(%q, %d)", s, start)
						want, wantWide := naivePlain(s, start, true)
						got, gotWide := plainText(s, start)
						assert.Equal(t, want, got, "plainText(%q, %d)", s, start)
						assert.Equal(t, wantWide, gotWide, "plainText(%q, %d) wide", s, start)
					}
				}
			}
		}
	}
}
