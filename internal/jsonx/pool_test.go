package jsonx

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestReleaseKeepsNoInput requires a released decoder to hold no string
// of the inputs it read, whatever their names and depths, while Release
// clears only the entries those inputs used.
func TestReleaseKeepsNoInput(t *testing.T) {
	inputs := []string{
		`{"name":"g","endpoints":[{"address":"a","port":1,"x":{"deep":[{"k":1}]}},{"y":2}],"primary":{"address":"b"}}`,
		`{"nodes":["n"],"z":1}`,                               // shorter: the first's entries must still go
		`{` + strings.Repeat(`"k":1,`, 70) + `"name":"many"}`, // past smallObject: a name set
	}
	d := Get("", Options{})
	for _, src := range inputs {
		d.Reset(src, Options{})
		var g group
		require.Equal(t, OK, g.decode(d), src)
	}
	require.NotZero(t, d.keysHigh)
	require.NotZero(t, d.pathHigh)
	d.Release()
	for i, k := range d.keys[:cap(d.keys)] {
		assert.Empty(t, k, "keys[%d]", i)
	}
	for i, s := range d.path[:cap(d.path)] {
		assert.Empty(t, s.key, "path[%d]", i)
	}
	for i, s := range d.sets {
		assert.Empty(t, s, "sets[%d]", i)
	}
	assert.Zero(t, d.keysHigh)
	assert.Zero(t, d.pathHigh)
}
