package scan

import (
	"strconv"
	"testing"
)

// BenchmarkClassify measures the masks of one block and of the most one
// call reads.
func BenchmarkClassify(b *testing.B) {
	buf := make([]byte, 64*maxBlocks)
	var ms [maxBlocks]blockMasks
	for _, n := range []int{1, maxBlocks} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.SetBytes(int64(64 * n))
			for b.Loop() {
				classify(buf[:64*n], n, &ms)
			}
		})
	}
}
