//go:build !amd64 || purego

package jsonx

const havePlainEnd = false

func plainEnd(s string) int { panic("unreachable") }

func plainTextEnd(s string) (int, bool) { panic("unreachable") }
