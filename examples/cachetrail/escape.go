package main

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// escape makes s safe to print in a table cell: control bytes, tabs,
// newlines, invisible format characters (such as bidi overrides) and
// invalid UTF-8 are written as Go escapes, so a hostile value in a record
// can neither move the cursor nor split or realign a row.
func escape(s string) string {
	if !needsEscape(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			b.WriteString(`\x`)
			b.WriteString(strconv.FormatUint(uint64(s[i])|0x100, 16)[1:])
		case safeRune(r):
			b.WriteRune(r)
		default:
			q := strconv.QuoteRuneToASCII(r)
			b.WriteString(q[1 : len(q)-1])
		}
		i += n
	}
	return b.String()
}

func needsEscape(s string) bool {
	for _, r := range s {
		// Invalid UTF-8 reads as utf8.RuneError, which is not safe.
		if !safeRune(r) {
			return true
		}
	}
	return false
}

// safeRune reports whether r prints as itself on one line: a graphic
// character or the ASCII space.
func safeRune(r rune) bool { return r != utf8.RuneError && unicode.IsPrint(r) }
