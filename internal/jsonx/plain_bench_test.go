package jsonx

import (
	"strconv"
	"strings"
	"testing"
)

// BenchmarkPlainASCII measures plainASCII on a string of each length,
// quote included, inside a longer source as the decoder sees it. A
// penalty for mixing SSE with the scanner's AVX2 would show as hundreds
// of nanoseconds a call.
func BenchmarkPlainASCII(b *testing.B) {
	for _, n := range []int{8, 24, 100} {
		s := strings.Repeat("a", n) + `","next":"value"}`
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.SetBytes(int64(n))
			for b.Loop() {
				if plainASCII(s, 0) != n {
					b.Fatal("wrong end")
				}
			}
		})
	}
}
