package scan

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestClassify compares classify with classifyBytes on random blocks of
// the bytes it marks, their neighbours by one bit and others, at every
// count of blocks.
func TestClassify(t *testing.T) {
	if !haveVector {
		t.Skip("no vector kernel on this machine: classify is classifyBytes")
	}
	r := rand.New(rand.NewPCG(1, 2))
	marked := []byte(`"\{}[]:`)
	buf := make([]byte, 64*maxBlocks+7)
	for range 3000 {
		for i := range buf {
			switch r.IntN(4) {
			case 0:
				buf[i] = marked[r.IntN(len(marked))]
			case 1:
				buf[i] = marked[r.IntN(len(marked))] ^ byte(1<<r.IntN(8))
			default:
				buf[i] = byte(r.IntN(256))
			}
		}
		n := 1 + r.IntN(maxBlocks)
		at := r.IntN(8) // unaligned
		var got, want [maxBlocks]blockMasks
		classify(buf[at:at+64*n], n, &got)
		classifyBytes(buf[at:at+64*n], n, &want)
		assert.Equal(t, want, got, "n=%d at=%d", n, at)
	}
}
