//go:build !purego

package scan

// stopEnd returns the index of the first quote, backslash or c in b, or
// len(b); b holds at least 16 bytes (stop_amd64.s). With c a quote, it
// stops at quotes and backslashes alone.
//
//go:noescape
func stopEnd(b []byte, c byte) int

// haveStopEnd: SSE2 is part of amd64.
const haveStopEnd = true
