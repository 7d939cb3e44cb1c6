//go:build !amd64 || purego

package scan

const haveVector = false

func classify(b []byte, n int, ms *[maxBlocks]blockMasks) { classifyBytes(b, n, ms) }

func skipSteps(b []byte, n int, st *kernelState) int { return skipStepsGo(b, n, st) }
