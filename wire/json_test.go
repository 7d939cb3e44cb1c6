package wire

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAppendQuoted(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   string
		want string
	}{
		{name: "plain", in: "Dec 1, 2014", want: `"Dec 1, 2014"`},
		{name: "quote and backslash", in: `a"b\c`, want: `"a\"b\\c"`},
		{name: "short escapes", in: "a\nb\rc\td", want: `"a\nb\rc\td"`},
		{name: "other control", in: "a\x00b\x1fc", want: `"a\u0000b\u001fc"`},
		{name: "non-ASCII kept", in: "10:16:06\u202fPM", want: "\"10:16:06\u202fPM\""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got := appendQuoted([]byte("x"), tc.in)
			assert.Equal(t, "x"+tc.want, string(got))
			var back string
			require.NoError(t, json.Unmarshal(got[1:], &back))
			assert.Equal(t, tc.in, back)
		})
	}
}

func TestUnquote(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in, want, lit string
		ok                  bool
	}{
		{name: "plain", in: `"abc"`, want: "abc", ok: true},
		{name: "non-ASCII needs no literal", in: "\"a\u202fb\"", want: "a\u202fb", ok: true},
		{name: "escape keeps literal", in: `"a\u0062"`, want: "ab", lit: `"a\u0062"`, ok: true},
		{name: "canonical escape keeps no literal", in: `"a\"b"`, want: `a"b`, ok: true},
		{name: "invalid UTF-8 keeps literal", in: "\"a\xffb\"", want: "a\ufffdb", lit: "\"a\xffb\"", ok: true},
		{name: "empty", in: `""`, want: "", ok: true},
		{name: "one quote", in: `"`},
		{name: "no quotes", in: `abc`},
		{name: "bad escape", in: `"\q"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			s, lit, ok := unquote([]byte(tc.in))
			assert.Equal(t, tc.ok, ok)
			assert.Equal(t, tc.want, s)
			assert.Equal(t, tc.lit, lit)
		})
	}
}
