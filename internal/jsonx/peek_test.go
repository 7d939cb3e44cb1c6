package jsonx

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/wire"
)

func peekAll(d *Decoder) []string {
	var names []string
	d.PeekNames(func(n string) bool {
		names = append(names, n)
		return true
	})
	return names
}

func TestPeekNames(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		src  string
		want []string
	}{
		{`{}`, nil},
		{` {"a":1,"b":{"c":[1,{"d":2}]},"e\u0066":"x"}`, []string{"a", "b", "ef"}},
		{`{"a":[1,],"b":2,}`, []string{"a", "b"}},
		{`{"a":1 "b":2}`, []string{"a"}}, // broken: stops, the decode reports it
		{`{"a":`, []string{"a"}},
		{`[{"a":1}]`, nil},
		{`"s"`, nil},
	} {
		d := NewDecoder(tc.src, Options{Path: "p"})
		pos := d.Pos()
		assert.Equal(t, tc.want, peekAll(d), tc.src)
		// Nothing is consumed or recorded.
		assert.Equal(t, pos, d.Pos(), tc.src)
		assert.Nil(t, d.Fatal(), tc.src)
		assert.Empty(t, d.Errors(), tc.src)
		assert.Empty(t, d.Quirks(), tc.src)
	}
}

func TestPeekNamesStops(t *testing.T) {
	t.Parallel()
	d := NewDecoder(`{"a":1,"b":2,"c":3}`, Options{})
	var seen []string
	d.PeekNames(func(n string) bool {
		seen = append(seen, n)
		return n != "b"
	})
	assert.Equal(t, []string{"a", "b"}, seen)
	// The object decodes as if never peeked, quirks included.
	d = NewDecoder(`{"a":[1,],"b":2}`, Options{})
	peekAll(d)
	var m Member
	require.Equal(t, OK, d.ObjectStart(&m))
	var keys []string
	for d.NextMember(&m) {
		keys = append(keys, m.Key)
		d.EndMember(&m, Unknown, new(wire.Members))
	}
	assert.Equal(t, []string{"a", "b"}, keys)
	assert.Len(t, d.Quirks(), 1)
}
