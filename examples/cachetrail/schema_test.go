package main

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/schema"
)

// runArgs runs the command with buffers for output.
func runArgs(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(t.Context(), args, &env{stdout: &out, stderr: &errOut})
	return code, out.String(), errOut.String()
}

func TestSchemaCommand(t *testing.T) {
	code, out, errOut := runArgs(t, "schema")
	require.Equal(t, 0, code, errOut)
	assert.Equal(t, string(schema.Record(false)), out)
	assert.True(t, json.Valid([]byte(out)))

	code, out, _ = runArgs(t, "schema", "-strict", "CreateCacheCluster")
	require.Equal(t, 0, code)
	want, err := schema.Action("CreateCacheCluster", true)
	require.NoError(t, err)
	assert.Equal(t, string(want), out)
}

func TestSchemaCommandUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"schema", "NoSuchAction"},
		{"schema", "a", "b"},
		{"schema", "-list", "CreateCacheCluster"},
		{"schema", "-no-such-flag"},
	} {
		code, out, errOut := runArgs(t, args...)
		assert.Equal(t, 2, code, "%v", args)
		assert.Empty(t, out, "%v", args)
		assert.Contains(t, errOut, "cachetrail schema -", "%v: says how to get help or the names", args)
	}
}
