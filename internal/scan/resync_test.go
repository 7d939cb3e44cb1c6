package scan

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestFindStart(t *testing.T) {
	tests := []struct {
		in   string
		want int
		more bool
	}{
		{`xx{"eventVersion":"1.08"}`, 2, false},
		{"{ \n\"awslogs\"\t: {}", 0, false},
		{`{"a":1}{"eventTime" :`, 7, false},
		{`{"eventVersions":1}`, -1, false}, // not a start name
		{`{"eventVersion" x:`, -1, false},  // no ':'
		{`{"a":{"eventName"`, 5, true},     // cut before the ':'
		{`{"a":{ `, 5, true},               // cut before the name
		{`{"a":1}`, -1, false},
	}
	for _, tc := range tests {
		i, more := FindStart([]byte(tc.in), 0, len(tc.in))
		assert.Equal(t, tc.want, i, "%q", tc.in)
		assert.Equal(t, tc.more, more, "%q more", tc.in)
	}
	// lim bounds where the '{' may be, not what follows it.
	i, _ := FindStart([]byte(`ab{"eventID":`), 0, 3)
	assert.Equal(t, 2, i)
	i, _ = FindStart([]byte(`ab{"eventID":`), 0, 2)
	assert.Equal(t, -1, i)
}

func TestMemberNameAt(t *testing.T) {
	tests := []struct {
		in       string
		ok, more bool
	}{
		{`"a" :1`, true, false},
		{`"a\"b":1`, true, false},
		{`"a",`, false, false},
		{`"a"  `, false, true},
		{`"a\`, false, true},
	}
	for _, tc := range tests {
		ok, more := MemberNameAt([]byte(tc.in), 0)
		assert.Equal(t, []bool{tc.ok, tc.more}, []bool{ok, more}, "%q", tc.in)
	}
}

func TestSkipComma(t *testing.T) {
	p, comma := SkipComma([]byte(" , ,x"), 0, false)
	assert.Equal(t, 3, p)
	assert.True(t, comma)
	p, comma = SkipComma([]byte(" ,x"), 0, true)
	assert.Equal(t, 1, p)
	assert.True(t, comma)
	p, comma = SkipComma([]byte(" \n}"), 0, false)
	assert.Equal(t, 2, p)
	assert.False(t, comma)
}

func TestValueMayStart(t *testing.T) {
	tests := []struct {
		in   string // the value would start at its end
		want bool
	}{
		{`{"a": `, true},
		{`[ `, true},
		{`[1, `, true},
		{`{"a":1, `, false},
		{`{ `, false},
		{`"a" `, false},
	}
	for _, tc := range tests {
		var s Scanner
		b := []byte(tc.in)
		s.Reset(b[0], false, NLSpace)
		s.Scan(b, 0, 0)
		assert.Equal(t, tc.want, s.ValueMayStart(b, len(b), 0, s.Depth), "%q", tc.in)
	}
}

func TestEnvelopeAt(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{`{"version":"0"`, true},
		{"{ \"messageType\" :", true},
		{`{"awslogs":{`, true},
		{`{"eventVersion":"1.09"`, false}, // a record
		{`{"versions":1`, false},          // no start name
		{`{"version"`, false},             // cut before the ':'
		{`["version":`, false},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, EnvelopeAt([]byte(tc.in), 0), "%q", tc.in)
	}
}
