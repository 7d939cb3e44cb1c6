package elasticache_test

import (
	"bytes"
	"errors"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/elasticache"
	"github.com/cachetrail/cachetrail/event"
	"github.com/cachetrail/cachetrail/internal/testutil"
	"github.com/cachetrail/cachetrail/wire"
)

// TestBadNumbers decodes numCacheNodes values out of range for the
// model's int32 from testdata/bad, through Parse and Decode and through
// Actions: a value that does not fit is an ErrType error located at the
// value, kept raw in the request's Unknown members (reason mismatch) and
// written back as read; the typed field stays nil and the rest of the
// request decodes. -1 fits an int32 and is accepted as it is.
func TestBadNumbers(t *testing.T) {
	t.Parallel()
	const valueAt = 158 // offset of the numCacheNodes value in each file
	for _, tc := range []struct {
		file  string
		value string
		msg   string // the error's message, or "" for none
		typed *int32
	}{
		{"num_cache_nodes_1e400.json", "1e400", `want integer, got number "1e400"`, nil},
		{"num_cache_nodes_2_5.json", "2.5", `want integer, got number "2.5"`, nil},
		{"num_cache_nodes_minus1.json", "-1", "", new(int32(-1))},
	} {
		t.Run(tc.file, func(t *testing.T) {
			t.Parallel()
			data, err := os.ReadFile(testutil.Testdata("bad", tc.file))
			require.NoError(t, err)
			ev, err := event.Parse(data)
			require.NoError(t, err, "the envelope is fine")
			fromParse, err := elasticache.Decode(ev)
			checkNumber(t, fromParse, err, -1, tc.value, tc.msg, valueAt, tc.typed)

			var n int
			for act, err := range elasticache.Actions(bytes.NewReader(data)) {
				n++
				checkNumber(t, act, err, 0, tc.value, tc.msg, valueAt, tc.typed)
			}
			assert.Equal(t, 1, n, "actions read")
		})
	}
}

func checkNumber(t *testing.T, act elasticache.Action, err error, record int, value, msg string, offset int64, typed *int32) {
	t.Helper()
	a, ok := act.(*elasticache.CreateCacheCluster)
	require.True(t, ok, "%T", act)
	assert.Equal(t, "c-1", a.Request.GetCacheClusterID(), "the rest decodes")
	assert.Equal(t, typed, a.Request.NumCacheNodes)
	assert.Equal(t, `{"cacheClusterId":"c-1","numCacheNodes":`+value+`}`, string(elasticache.RequestJSON(act)))
	if msg == "" {
		assert.NoError(t, err)
		assert.Empty(t, a.Request.Unknown)
		return
	}
	de, ok := errors.AsType[*event.DecodeError](err)
	require.True(t, ok, "%T: %v", err, err)
	assert.ErrorIs(t, de, event.ErrType)
	assert.Equal(t, record, de.Record)
	assert.Equal(t, offset, de.Offset)
	assert.Equal(t, "requestParameters.numCacheNodes", de.Path)
	assert.Equal(t, msg, de.Msg)
	assert.Equal(t, wire.Members{{Name: "numCacheNodes", Value: []byte(value), Reason: wire.ReasonMismatch, Offset: offset}}, a.Request.Unknown)
}

// TestBadDuplicateNames checks which of a payload's duplicated names
// wins: the last value of a typed member, consistently with the
// envelope's, and for unknown names too: only the last is written back.
func TestBadDuplicateNames(t *testing.T) {
	t.Parallel()
	act, err := elasticache.Decode(record("ModifyCacheCluster", `{"cacheClusterId":"a","cacheClusterId":"b","foo":1,"foo":2}`, "null"))
	require.NoError(t, err)
	a := act.(*elasticache.ModifyCacheCluster)
	assert.Equal(t, "b", a.Request.GetCacheClusterID())
	assert.Equal(t, []string{"foo"}, a.Request.Unknown.Names())
	assert.Equal(t, `{"cacheClusterId":"b","foo":2}`, string(elasticache.RequestJSON(act)))
	var quirks []string
	for _, q := range act.Quirks() {
		quirks = append(quirks, string(q.Kind)+" "+q.Path)
	}
	assert.Equal(t, []string{"duplicate-name requestParameters.cacheClusterId", "duplicate-name requestParameters.foo"}, quirks)
}
