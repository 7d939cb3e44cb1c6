package wire

import "unicode/utf8"

// hidden is what CloudTrail writes in place of a sensitive value; it is
// shown as is.
const hidden = `"HIDDEN_DUE_TO_SECURITY_REASONS"`

// maxRedactDepth bounds the nesting the redacting walk follows, as the
// decoder's default limit does; deeper text is not shown.
const maxRedactDepth = 10000

// invalidJSON stands for text the walk cannot read: what it cannot read it
// cannot vet, so it shows none of it.
const invalidJSON = `"[invalid JSON]"`

// SensitivePath reports whether the dotted JSON path (such as
// "requestParameters.authenticationMode.passwords[0]") goes through a
// member whose name is sensitive ([SensitiveName]): such a value, or any
// part of it, must not be printed.
func SensitivePath(path string) bool {
	start := 0
	for i := 0; i <= len(path); i++ {
		if i < len(path) && path[i] != '.' && path[i] != '[' && path[i] != ']' {
			continue
		}
		if i > start && SensitiveName(path[start:i]) {
			return true
		}
		start = i + 1
	}
	return false
}

// RedactedKind returns the placeholder that stands for a sensitive value
// of the JSON text raw, keeping only its presence and kind: null and
// CloudTrail's "HIDDEN_DUE_TO_SECURITY_REASONS" as they are, anything else
// as a string such as "[redacted string]" or "[redacted array]".
func RedactedKind(raw []byte) string {
	raw = trimJSONSpace(raw)
	if len(raw) == 0 {
		return `"[redacted]"`
	}
	switch raw[0] {
	case '"':
		switch r := string(raw); r {
		case hidden, `"[redacted]"`, `"[redacted string]"`, `"[redacted number]"`, `"[redacted boolean]"`,
			`"[redacted array]"`, `"[redacted object]"`:
			// Hidden already, or redacted by an earlier walk: a second
			// walk changes nothing.
			return r
		}
		return `"[redacted string]"`
	case '{':
		return `"[redacted object]"`
	case '[':
		return `"[redacted array]"`
	case 't', 'f':
		return `"[redacted boolean]"`
	case 'n':
		if string(raw) == "null" {
			return "null"
		}
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return `"[redacted number]"`
	}
	return `"[redacted]"`
}

// AppendRedacted appends the JSON text raw to dst for printing, with the
// value of every object member whose name is sensitive, at any depth,
// replaced by its [RedactedKind]. White space is dropped. Text that is not
// JSON (or nests deeper than the decoder allows) is replaced as a whole by
// "[invalid JSON]". It takes time linear in len(raw) and never panics.
func AppendRedacted(dst, raw []byte) []byte {
	w := redactor{src: raw, dst: dst}
	w.ws()
	if !w.value(0, false) {
		return append(dst, invalidJSON...)
	}
	if w.ws(); w.i != len(raw) {
		return append(dst, invalidJSON...)
	}
	return w.dst
}

// redactor walks JSON text once, copying it to dst except for the values
// of sensitive members. Trailing commas, which the decoder forgives and
// keeps in raw values, are accepted.
type redactor struct {
	src []byte
	i   int
	dst []byte
}

func (w *redactor) ws() {
	for w.i < len(w.src) && isJSONSpace(w.src[w.i]) {
		w.i++
	}
}

// value reads one value; quiet reads it without copying it.
func (w *redactor) value(depth int, quiet bool) bool {
	if w.i >= len(w.src) || depth > maxRedactDepth {
		return false
	}
	switch c := w.src[w.i]; {
	case c == '{':
		return w.object(depth, quiet)
	case c == '[':
		return w.array(depth, quiet)
	case c == '"':
		start := w.i
		if !w.str() {
			return false
		}
		w.emitString(quiet, w.src[start:w.i])
		return true
	case c == 't':
		return w.literal("true", quiet)
	case c == 'f':
		return w.literal("false", quiet)
	case c == 'n':
		return w.literal("null", quiet)
	case c == '-' || c >= '0' && c <= '9':
		start := w.i
		for w.i < len(w.src) && isNumberByte(w.src[w.i]) {
			w.i++
		}
		w.emit(quiet, w.src[start:w.i])
		return true
	}
	return false
}

func isNumberByte(c byte) bool {
	return c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E'
}

func (w *redactor) emit(quiet bool, b []byte) {
	if !quiet {
		w.dst = append(w.dst, b...)
	}
}

// emitString copies the string literal lit, escaping what a terminal could
// act on: control bytes, which valid JSON has only escaped but the
// tolerant decoder may keep raw, and the runes printableRune rejects.
// Bytes that are not UTF-8 print as \ufffd, as the decoder reads them.
func (w *redactor) emitString(quiet bool, lit []byte) {
	if quiet {
		return
	}
	start := 0
	for i := 0; i < len(lit); {
		c := lit[i]
		if c >= 0x20 && c < 0x7f {
			i++
			continue
		}
		w.dst = append(w.dst, lit[start:i]...)
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(lit[i:])
		}
		if r < utf8.RuneSelf || !printableRune(r) || r == utf8.RuneError && size == 1 {
			w.dst = appendEscape(w.dst, r)
		} else {
			w.dst = append(w.dst, lit[i:i+size]...)
		}
		i += size
		start = i
	}
	w.dst = append(w.dst, lit[start:]...)
}

const hexDigit = "0123456789abcdef"

// printableRune reports whether a rune beyond ASCII may be printed as is:
// not a C1 control (a terminal may act on U+009B as on ESC [), a line or
// paragraph separator, or a bidirectional control, which makes text
// display in another order than it reads. internal/jsonx's encoder
// escapes the same runes.
func printableRune(r rune) bool {
	return r > 0x9f && r != 0x2028 && r != 0x2029 && (r < 0x202a || r > 0x202e) &&
		(r < 0x2066 || r > 0x2069) && r != 0x200e && r != 0x200f && r != 0x061c
}

func (w *redactor) literal(lit string, quiet bool) bool {
	if len(w.src)-w.i < len(lit) || string(w.src[w.i:w.i+len(lit)]) != lit {
		return false
	}
	w.i += len(lit)
	w.emit(quiet, []byte(lit))
	return true
}

// str moves past the string starting at i, reporting whether it ends.
func (w *redactor) str() bool {
	for j := w.i + 1; j < len(w.src); j++ {
		switch w.src[j] {
		case '\\':
			j++
		case '"':
			w.i = j + 1
			return true
		}
	}
	return false
}

func (w *redactor) object(depth int, quiet bool) bool {
	w.i++
	w.emit(quiet, []byte{'{'})
	for n := 0; ; n++ {
		if end, ok := w.next('}', n, quiet); end || !ok {
			return ok
		}
		if w.i >= len(w.src) || w.src[w.i] != '"' {
			return false
		}
		start := w.i
		if !w.str() {
			return false
		}
		key := w.src[start:w.i]
		w.emitString(quiet, key)
		w.ws()
		if w.i >= len(w.src) || w.src[w.i] != ':' {
			return false
		}
		w.i++
		w.emit(quiet, []byte{':'})
		w.ws()
		if !sensitiveKey(key) {
			if !w.value(depth+1, quiet) {
				return false
			}
			continue
		}
		vstart := w.i
		if !w.value(depth+1, true) {
			return false
		}
		if !quiet {
			w.dst = append(w.dst, RedactedKind(w.src[vstart:w.i])...)
		}
	}
}

// next moves to the n-th member or element of the object or array that
// close ends, copying the ',' before it. end reports that close came
// instead (copied); a trailing comma before it is dropped. ok is false
// when the text is not JSON there.
func (w *redactor) next(close byte, n int, quiet bool) (end, ok bool) {
	w.ws()
	if n > 0 && w.i < len(w.src) && w.src[w.i] == ',' {
		w.i++
		w.ws()
		if w.i < len(w.src) && w.src[w.i] != close {
			w.emit(quiet, []byte{','})
			return false, true
		}
	} else if n > 0 && (w.i >= len(w.src) || w.src[w.i] != close) {
		return false, false
	}
	if w.i >= len(w.src) {
		return false, false
	}
	if w.src[w.i] == close {
		w.i++
		w.emit(quiet, []byte{close})
		return true, true
	}
	return false, true
}

func (w *redactor) array(depth int, quiet bool) bool {
	w.i++
	w.emit(quiet, []byte{'['})
	for n := 0; ; n++ {
		if end, ok := w.next(']', n, quiet); end || !ok {
			return ok
		}
		if !w.value(depth+1, quiet) {
			return false
		}
	}
}

// sensitiveKey reports whether the JSON string literal key names a
// sensitive member, once unescaped: "auth\u0054oken" is authToken.
func sensitiveKey(key []byte) bool {
	inner := key[1 : len(key)-1]
	plain := true
	for _, c := range inner {
		if c == '\\' || c >= utf8.RuneSelf {
			plain = false
			break
		}
	}
	if plain {
		return SensitiveName(string(inner))
	}
	s, _, ok := unquote(key)
	if !ok {
		// An escape that does not decode: show nothing under it.
		return true
	}
	return SensitiveName(s)
}
