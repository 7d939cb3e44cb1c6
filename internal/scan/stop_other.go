//go:build !amd64 || purego

package scan

const haveStopEnd = false

func stopEnd([]byte, byte) int { panic("unreachable") }
