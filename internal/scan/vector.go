package scan

import "github.com/cachetrail/cachetrail/internal/swar"

// Where the CPU has vector instructions (AVX2 on amd64), skipNested takes
// the masks of a step from classify: two vector loads and ten compares
// for 64 bytes, and the quotes' running parity in one carry-less
// multiplication, where the word-at-a-time tricks take some twenty
// operations for each 8 and a dozen for the parity. The byte-at-a-time
// reference is classifyBytes, which the tests compare classify with.

// blockMasks holds, for 64 bytes of input, a bit per byte (bit i for
// byte i) of each kind of byte skipNested looks at.
type blockMasks struct {
	quote, backslash uint64 // '"', '\\'
	open, close      uint64 // '{' or '[', '}' or ']'
	colon            uint64 // ':'
	inside           uint64 // the running parity of quote (swar.PrefixXOR64)
}

// maxBlocks is the most blocks one classify call reads. skipBlocks asks
// for one, for the steps the kernel (kernel.go) leaves to it; the tests
// and the benchmark ask for more.
const maxBlocks = 8

// VectorFastPath lets tests turn the vector kernel off, to compare the
// word-at-a-time steps with it. It is false where there is no kernel.
var VectorFastPath = haveVector

// classifyBytes fills ms[k] for the 64 bytes b[64k:], for each k < n, a
// byte at a time.
func classifyBytes(b []byte, n int, ms *[maxBlocks]blockMasks) {
	for k := range n {
		var m blockMasks
		for i, c := range b[64*k : 64*k+64] {
			bit := uint64(1) << i
			switch c {
			case '"':
				m.quote |= bit
			case '\\':
				m.backslash |= bit
			case '{', '[':
				m.open |= bit
			case '}', ']':
				m.close |= bit
			case ':':
				m.colon |= bit
			}
		}
		m.inside = swar.PrefixXOR64(m.quote)
		ms[k] = m
	}
}
