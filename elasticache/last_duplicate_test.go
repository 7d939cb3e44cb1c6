package elasticache_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/elasticache"
)

// TestLastDuplicateWins checks that re-encoding a payload with duplicated
// names reads, for encoding/json (which keeps the last), as the input did.
func TestLastDuplicateWins(t *testing.T) {
	t.Parallel()
	for _, req := range []string{
		`{"cacheClusterId":null,"cacheClusterId":"c1"}`,
		`{"cacheClusterId":"c1","cacheClusterId":null}`,
		`{"cacheClusterId":"c1","cacheClusterId":7}`,
		`{"numCacheNodes":2,"numCacheNodes":"x"}`,
		`{"cacheSecurityGroupNames":["a"],"cacheSecurityGroupNames":null}`,
		`{"tags":[{"key":"k"}],"tags":"hidden"}`,
		`{"foo":1,"foo":2,"bar":3,"foo":null}`,
		`{"cacheClusterId":"c","x1":1,"x2":1,"x3":1,"x4":1,"x5":1,"x6":1,"x7":1,"x8":1,"x9":1,"x10":1,"x11":1,"x12":1,"x13":1,"x14":1,"x15":1,"x16":1,"x17":1,"x3":2,"cacheClusterId":null,"x17":3,"x1":{},"x3":[4]}`,
	} {
		act, _ := elasticache.Decode(record("CreateCacheCluster", req, "null"))
		require.NotNil(t, act, req)
		var want, got map[string]any
		require.NoError(t, json.Unmarshal([]byte(req), &want))
		out := elasticache.RequestJSON(act)
		require.NoError(t, json.Unmarshal(out, &got), "%s", out)
		assert.Equal(t, want, got, "%s gave %s", req, out)
	}
}
