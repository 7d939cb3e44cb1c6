package scan

import (
	"encoding/binary"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// naiveStop is stringStop (nl false) or stringStopNL (nl true), a byte at
// a time.
func naiveStop(b []byte, p int, nl bool) int {
	for ; p < len(b); p++ {
		if c := b[p]; c == '"' || c == '\\' || (nl && c == '\n') {
			return p
		}
	}
	return p
}

// TestStringStopMatchesNaive puts each stop byte, and bytes near it, at
// every position of strings up to 48 bytes, with a quote after it or not,
// and compares the scans a word or 16 bytes at a time with the byte loop.
func TestStringStopMatchesNaive(t *testing.T) {
	for n := 0; n <= 48; n++ {
		for pos := 0; pos < n; pos++ {
			for _, c := range []byte{'"', '\\', '\n', '!', '#', '[', 0x0b, 0xa2, 0xdc} {
				b := []byte(strings.Repeat("a", n))
				b[pos] = c
				if pos%3 == 1 {
					b[n-1] = '"' // a later stop must not win
				}
				for start := 0; start <= n && start <= 19; start++ {
					assert.Equal(t, naiveStop(b, start, false), stringStop(b, start), "stringStop(%q, %d)", b, start)
					assert.Equal(t, naiveStop(b, start, true), stringStopNL(b, start), "stringStopNL(%q, %d)", b, start)
				}
			}
		}
	}
}

func TestScanValue(t *testing.T) {
	tests := []struct {
		in         string
		start, end int
		ok         bool
		members    int
	}{
		{` {"eventSource":"a","x":{"eventName":"b"},"eventName":"c"} tail`, 1, 58, true, 2},
		{`"a\"b" x`, 0, 6, true, 0},
		{` [1,{"}":"]"}] `, 1, 14, true, 0},
		{`12 ,`, 0, 2, true, 0},
		{`{"a":[}`, 0, 6, false, 0}, // a closer that does not match
		{`{"a":1`, 0, 6, false, 0},
		{"  ", 2, 2, false, 0},
	}
	for _, tc := range tests {
		var s Scanner
		start, end, ok := s.ScanValue([]byte(tc.in))
		assert.Equal(t, []any{tc.start, tc.end, tc.ok, tc.members}, []any{start, end, ok, len(s.Members)}, "%q", tc.in)
	}
}

func TestScanMembers(t *testing.T) {
	b := []byte(`{"eventSource" : "s3.amazonaws.com", "event\u004eame":"Get","n":1,"Records":[{}],"detail":{"a":"}"}}`)
	var s Scanner
	_, end, ok := s.ScanValue(b)
	require.True(t, ok)
	require.Equal(t, len(b), end)
	require.Len(t, s.Members, 4)
	want := []struct {
		id   int8
		kind byte
		val  string
	}{
		{KeyEventSource, '"', `"s3.amazonaws.com"`},
		{KeyEventName, '"', `"Get"`},
		{KeyRecords, '[', `[{}]`},
		{KeyDetail, '{', `{"a":"}"}`},
	}
	for i, w := range want {
		m := s.Members[i]
		assert.Equal(t, w.id, m.ID, "member %d", i)
		assert.Equal(t, w.kind, m.Kind, "member %d", i)
		assert.Equal(t, w.val, string(b[m.Val.Start:m.Val.End]), "member %d", i)
	}
	assert.True(t, s.Members[1].KeyEsc)
	v, ok := StringValue(b, &s.Members[0])
	assert.True(t, ok)
	assert.Equal(t, "s3.amazonaws.com", v)
}

func TestStringBytesUnescapes(t *testing.T) {
	b := []byte(`{"eventName":"a\u0062\n","eventSource":"x` + "\xff" + `"}`)
	var s Scanner
	_, _, ok := s.ScanValue(b)
	require.True(t, ok)
	require.Len(t, s.Members, 2)
	v, ok := StringBytes(b, &s.Members[0])
	assert.True(t, ok)
	assert.Equal(t, "ab\n", string(v))
	v, ok = StringBytes(b, &s.Members[1])
	assert.True(t, ok)
	assert.Equal(t, "x\uFFFD", string(v))
}

func TestElements(t *testing.T) {
	arr := []byte(`[ {"eventName":"a"} , {"eventName":"b"},[], 5 ]`)
	var s Scanner
	var got []string
	var names []int
	for el, ok := range s.Elements(arr) {
		require.True(t, ok)
		got = append(got, string(arr[el.Start:el.End]))
		names = append(names, len(s.Members))
	}
	assert.Equal(t, []string{`{"eventName":"a"}`, `{"eventName":"b"}`, `[]`, `5`}, got)
	assert.Equal(t, []int{1, 1, 0, 0}, names)
}

func TestLiteralsAndKinds(t *testing.T) {
	for tok, want := range map[string]bool{"true": true, "null,": true, "false]": true, "trueish": false, "nul": false, "x": false} {
		assert.Equal(t, want, IsLiteral([]byte(tok)), tok)
	}
	for v, want := range map[string]string{"": "missing", "{}": "an object", "[": "an array", `"x"`: "a string",
		"null": "null", "true": "a boolean", "-1": "a number or literal"} {
		assert.Equal(t, want, ValueKind([]byte(v)), v)
	}
	assert.True(t, EmptyObject([]byte("{ \n}")))
	assert.False(t, EmptyObject([]byte(`{"a":1}`)))
	assert.Equal(t, 3, ScalarEnd([]byte("123,"), 0))
	assert.Equal(t, 2, SkipSpace([]byte(" \tx"), 0))
}

// TestOtherNames requires otherNames to be exactly the names keyID knows
// that recordKey does not, each with a prefix mayBeOther says yes to.
func TestOtherNames(t *testing.T) {
	for _, name := range otherNames {
		if id := keyID([]byte(name)); id < 0 || recordKey(id) {
			t.Errorf("%s: keyID %d", name, id)
		}
		q := []byte(`"` + name + `"` + "  ")
		if !mayBeOther(binary.LittleEndian.Uint64(q)) {
			t.Errorf("%s: mayBeOther says no", name)
		}
		if !otherName(append(q, ':')) || otherName(append(q, ',')) {
			t.Errorf("%s: otherName wrong", name)
		}
		for i := 1; i < len(q)-2; i++ {
			if !otherName(q[:i]) {
				t.Errorf("%s: otherName says no to %q", name, q[:i])
			}
		}
	}
	slots := 0
	for _, w := range otherSlots {
		if w != 0 {
			slots++
		}
	}
	for _, s := range []string{`"eventTime"`, `"accountId"`, `"detXil"`, `"Types"`, `"mesXage"`} {
		if mayBeOther(binary.LittleEndian.Uint64([]byte(s + "        "))) {
			t.Errorf("mayBeOther says yes to %s", s)
		}
	}
	if slots != 10 {
		t.Errorf("otherSlots holds %d prefixes, want 10: otherHash maps two to one slot", slots)
	}
	n := 0
	for id := range NumKeys {
		if !recordKey(id) {
			n++
		}
	}
	// KeyDigest has five names.
	if want := n + 4; len(otherNames) != want {
		t.Errorf("%d other names, want %d", len(otherNames), want)
	}
	for _, s := range []string{`"eventSource":`, `"Typo":`, `"x`, `"Records\u0020":`, `"` + strings.Repeat("a", 40)} {
		if otherName([]byte(s)) {
			t.Errorf("otherName says yes to %s", s)
		}
	}
}

// TestValidText requires validText to agree with utf8.Valid, with the
// invalid byte in the words it reads whole and in the tail.
func TestValidText(t *testing.T) {
	for _, s := range []string{"", "a", "elasticache.amazonaws.com", "é", "12345678é", "1234567\xff",
		"12345678\xff", "\xff", "12345678123456781234567\xe2\x82", "abcdefgh\xe2\x82\xac", "\xed\xa0\x80xxxxx"} {
		if got, want := validText([]byte(s)), utf8.Valid([]byte(s)); got != want {
			t.Errorf("validText(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestStringStopRandom compares the scans with the byte loop on random
// strings up to 200 bytes, from an alphabet dense in stop bytes, from
// random starts.
func TestStringStopRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []byte("a\"\\\nb\x00\x7f\xc3")
	for range 20000 {
		b := make([]byte, rng.IntN(201))
		for i := range b {
			b[i] = 'a'
			if rng.IntN(12) == 0 {
				b[i] = alphabet[rng.IntN(len(alphabet))]
			}
		}
		start := rng.IntN(len(b) + 1)
		if naiveStop(b, start, false) != stringStop(b, start) || naiveStop(b, start, true) != stringStopNL(b, start) {
			t.Fatalf("stringStop(%q, %d) = %d, stringStopNL = %d; want %d and %d", b, start,
				stringStop(b, start), stringStopNL(b, start), naiveStop(b, start, false), naiveStop(b, start, true))
		}
	}
}
