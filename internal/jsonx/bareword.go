package jsonx

import (
	"strconv"
	"strings"
)

// A bare word such as nonsense, tralala or -x starts like a literal or a
// number but is neither: Kind reports it as a syntax error at its first
// byte, not as the kind its first byte suggests.

// validLiteral checks that true, false or null (as c says) is at pos,
// whole.
func (d *Decoder) validLiteral(c byte) bool {
	lit := "null"
	switch c {
	case 't':
		lit = "true"
	case 'f':
		lit = "false"
	}
	rest := d.src[d.pos:]
	if strings.HasPrefix(rest, lit) && (len(rest) == len(lit) || !isIdentByte(rest[len(lit)])) {
		return true
	}
	d.badWord("literal")
	return false
}

// validNumberAt checks that a whole JSON number is at pos, without
// consuming it.
func (d *Decoder) validNumberAt() bool {
	pos := d.pos
	_, ok := d.readNumber()
	if ok && (d.pos >= len(d.src) || !isIdentByte(d.src[d.pos])) {
		d.pos = pos
		return true
	}
	if !ok && (d.pos >= len(d.src) || isNumberByte(d.src[d.pos]) || !isIdentByte(d.src[d.pos])) {
		return false // a malformed number, such as 01: located at its bad byte
	}
	d.fatal = nil
	d.pos = pos
	d.badWord("number")
	return false
}

// badWord reports the bare word at pos. Only a top-level word is quoted
// (at most maxWordQuote bytes): deeper, it may be a sensitive member's
// value, so only its length is given.
func (d *Decoder) badWord(what string) {
	end := d.pos
	for end < len(d.src) && (isIdentByte(d.src[end]) || isNumberByte(d.src[end])) {
		end++
	}
	end = max(end, d.pos+1)
	word := d.src[d.pos:end]
	if len(d.path) == 0 && d.prefix == "" {
		const maxWordQuote = 20
		q := strconv.Quote(word[:min(len(word), maxWordQuote)])
		if len(word) > maxWordQuote {
			q += "..."
		}
		d.syntaxError("invalid " + what + " " + q)
		return
	}
	d.syntaxError("invalid " + what + " (" + strconv.Itoa(len(word)) + " bytes)")
}
