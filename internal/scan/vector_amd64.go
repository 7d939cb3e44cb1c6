//go:build !purego

package scan

// classifyAVX2 fills ms[0:n] from the 64n bytes at p (vector_amd64.s).
//
//go:noescape
func classifyAVX2(p *byte, n int, ms *[maxBlocks]blockMasks)

func cpuid(leaf, sub uint32) (eax, ebx, ecx, edx uint32)
func xgetbv() (eax, edx uint32)

// haveVector reports whether the CPU has AVX2 and PCLMULQDQ and the OS
// saves the YMM registers, as golang.org/x/sys/cpu checks.
var haveVector = func() bool {
	if maxLeaf, _, _, _ := cpuid(0, 0); maxLeaf < 7 {
		return false
	}
	_, _, ecx1, _ := cpuid(1, 0)
	const pclmulqdq, osxsave, avx = 1 << 1, 1 << 27, 1 << 28
	if ecx1&pclmulqdq == 0 || ecx1&osxsave == 0 || ecx1&avx == 0 {
		return false
	}
	if xcr0, _ := xgetbv(); xcr0&6 != 6 { // XMM and YMM state
		return false
	}
	_, ebx7, _, _ := cpuid(7, 0)
	return ebx7&(1<<5) != 0
}()

// classify fills ms[0:n] for the 64n bytes b[0:64n], which must be there.
func classify(b []byte, n int, ms *[maxBlocks]blockMasks) {
	if n <= 0 {
		return
	}
	_ = b[64*n-1]
	_ = ms[n-1]
	classifyAVX2(&b[0], n, ms)
}
