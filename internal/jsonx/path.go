package jsonx

import "strconv"

// AppendPathKey appends the path segment of member key to the dotted path
// b: ".key", or just "key" at the start of a path. A key that is not a
// plain name (letters, digits, '_', '-', '$', '@', ':') is written
// ["quoted"], escaped as strconv.Quote does: member names are chosen by
// callers, and a path reaches error messages and terminals.
func AppendPathKey(b []byte, key string) []byte {
	if !plainKey(key) {
		return append(append(append(b, '['), strconv.Quote(key)...), ']')
	}
	if len(b) > 0 {
		b = append(b, '.')
	}
	return append(b, key...)
}

// AppendPathIndex appends the path segment of element i: "[i]".
func AppendPathIndex(b []byte, i int) []byte {
	b = append(b, '[')
	b = strconv.AppendInt(b, int64(i), 10)
	return append(b, ']')
}

func plainKey(key string) bool {
	if key == "" {
		return false
	}
	for i := 0; i < len(key); i++ {
		c := key[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-' || c == '$' || c == '@' || c == ':') {
			return false
		}
	}
	return true
}
