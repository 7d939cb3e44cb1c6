//go:build !purego

package scan

// skipStepsAVX2 is skipStepsGo in assembly (kernel_amd64.s), for a CPU
// with the vector kernel.
//
//go:noescape
func skipStepsAVX2(p *byte, n int, st *kernelState) int

// skipSteps is skipStepsGo, in assembly where the CPU has the vector
// kernel; b must hold 64n+kernelSlack bytes.
func skipSteps(b []byte, n int, st *kernelState) int {
	if n <= 0 {
		return 0
	}
	_ = b[64*n+kernelSlack-1]
	if !haveVector {
		return skipStepsGo(b, n, st)
	}
	return skipStepsAVX2(&b[0], n, st)
}
