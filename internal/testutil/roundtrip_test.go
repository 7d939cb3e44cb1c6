package testutil

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/wire"
)

func TestSameJSON(t *testing.T) {
	t.Parallel()
	quirks := []wire.Quirk{
		{Kind: wire.QuirkStringAsNumber, Path: "a.n"},
		{Kind: wire.QuirkStringAsBool, Path: "a.b"},
		{Kind: wire.QuirkEmptyObjectAsList, Path: "l[0]"},
	}
	for _, tt := range []struct {
		in, out string
		same    bool
	}{
		{`{"a":{"n":" 2","b":"true"},"l":[{}]}`, `{"a":{"n":2,"b":true},"l":[[]]}`, true},
		{`{"a":{"n":"2"},"x":"2"}`, `{"a":{"n":2},"x":2}`, false},
		{`{"f":0.1000000000000000055511151231257827}`, `{"f":0.1}`, false},
		{`{"f":1E2}`, `{"f":100}`, false},
		{`{"i":-0}`, `{"i":0}`, true},
		{`{"s":""}`, `{}`, false},
		{`{}`, `{"s":""}`, false},
		{`{"s":null}`, `{"s":null}`, true},
	} {
		in, err := ReadJSON([]byte(tt.in))
		require.NoError(t, err)
		out, err := ReadJSON([]byte(tt.out))
		require.NoError(t, err)
		_, same := SameJSON(in, out, "", quirks)
		assert.Equal(t, tt.same, same, "%s vs %s", tt.in, tt.out)
	}
}
