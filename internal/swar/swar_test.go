package swar

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestByteMask(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		var b [8]byte
		for i := range b {
			switch r.IntN(4) {
			case 0:
				b[i] = '"'
			case 1:
				b[i] = byte(r.IntN(256))
			case 2:
				b[i] = '"' ^ byte(1<<r.IntN(8))
			default:
				b[i] = 0xa2
			}
		}
		x := uint64(0)
		want := uint64(0)
		for i := 7; i >= 0; i-- {
			x = x<<8 | uint64(b[i])
		}
		for i := range b {
			if b[i] == '"' {
				want |= 1 << i
			}
		}
		assert.Equal(t, want, ByteMask(x, '"'), "%q", b[:])
	}
}

func TestPrefixXOR(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for n := range 20000 {
		m := uint64(n) // every 8-bit mask, then random ones with junk above bit 31
		if n >= 256 {
			m = r.Uint64()
		}
		want, parity := uint64(0), uint64(0)
		for i := range 32 {
			parity ^= m >> i & 1
			want |= parity << i
		}
		assert.Equal(t, want, PrefixXOR(m), "%064b", m)
	}
}

// TestPrefixXOR64 compares PrefixXOR64 with a running parity.
func TestPrefixXOR64(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 10000 {
		m := r.Uint64() & r.Uint64()
		var want, parity uint64
		for i := range 64 {
			parity ^= m >> i & 1
			want |= parity << i
		}
		assert.Equal(t, want, PrefixXOR64(m), "%064b", m)
	}
}
