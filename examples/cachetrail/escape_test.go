package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestEscape(t *testing.T) {
	for in, want := range map[string]string{
		"sessions":                "sessions",
		"café ☕":                  "café ☕",
		"a\tb":                    `a\tb`,
		"line1\nline2\r":          `line1\nline2\r`,
		"\x1b[31mred\x1b[0m":      `\x1b[31mred\x1b[0m`,
		"bad\xffutf8":             `bad\xffutf8`,
		"evil\u202egnp.exe":       `evil\u202egnp.exe`,
		"\x00\x7f":                `\x00\x7f`,
		"replacement \uFFFD kept": `replacement \ufffd kept`,
	} {
		assert.Equal(t, want, escape(in), "escape(%q)", in)
	}
}

// A hostile actor name stays on its row.
func TestTableEscapes(t *testing.T) {
	var b strings.Builder
	tbl := NewTable(&b)
	tbl.Add(Row{Time: "t", Actor: "x\nTIME\tforged", Resource: "\x1b]0;title\x07"})
	assert.NoError(t, tbl.Flush())
	assert.Equal(t, 2, strings.Count(b.String(), "\n"))
	assert.NotContains(t, b.String(), "\x1b")
	assert.Contains(t, b.String(), `x\nTIME\tforged`)
}
