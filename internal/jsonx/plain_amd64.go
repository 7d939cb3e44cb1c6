//go:build !purego

package jsonx

// plainEnd is plainASCII over all of s, which holds at least 16 bytes, 16
// bytes at a time (plain_amd64.s).
//
//go:noescape
func plainEnd(s string) int

// plainTextEnd is plainText over all of s, which holds at least 16
// bytes, 16 bytes at a time (plain_amd64.s).
//
//go:noescape
func plainTextEnd(s string) (int, bool)

// havePlainEnd: SSE2 is part of amd64.
const havePlainEnd = true
