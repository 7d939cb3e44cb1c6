package elasticache_test

import (
	"os"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/elasticache"
	"github.com/cachetrail/cachetrail/event"
	"github.com/cachetrail/cachetrail/internal/testutil"
	"github.com/cachetrail/cachetrail/wire"
)

func decodeFixture(t *testing.T, name string) (elasticache.Action, *event.Event) {
	t.Helper()
	data, err := os.ReadFile(testutil.Testdata(name))
	require.NoError(t, err)
	ev, err := event.Parse(data)
	require.NoError(t, err)
	act, err := elasticache.Decode(ev)
	require.NoError(t, err)
	return act, ev
}

func TestSeedCreateCacheCluster(t *testing.T) {
	t.Parallel()
	act, ev := decodeFixture(t, "seed/create_cache_cluster.json")
	a, ok := act.(*elasticache.CreateCacheCluster)
	require.True(t, ok, "got %T", act)
	assert.Same(t, ev, a.Event)
	require.NotNil(t, a.Request)
	assert.Equal(t, int32(2), *a.Request.NumCacheNodes)
	assert.Equal(t, elasticache.AZModeCrossAZ, *a.Request.AZMode)
	assert.Equal(t, "test-memcached", a.Request.GetCacheClusterID())
	require.NotNil(t, a.Response)
	assert.Equal(t, "creating", *a.Response.CacheClusterStatus)
	require.NotNil(t, a.Response.CacheParameterGroup)
	assert.Equal(t, []string{}, a.Response.CacheParameterGroup.CacheNodeIDsToReboot, "{} is an empty list")
	assert.Empty(t, act.Unmodeled())

	var kinds []wire.QuirkKind
	for _, q := range act.Quirks() {
		kinds = append(kinds, q.Kind)
	}
	assert.Equal(t, []wire.QuirkKind{wire.QuirkEmptyObjectAsList}, kinds)
	assert.Equal(t, "responseElements.cacheParameterGroup.cacheNodeIdsToReboot", act.Quirks()[0].Path)

	assert.Equal(t, []elasticache.Resource{{
		Type: elasticache.ResourceTypeCacheCluster,
		ID:   "test-memcached",
		ARN:  "arn:aws:elasticache:us-west-2:123456789012:cluster:test-memcached",
	}}, act.Resources())
}

func TestSeedDescribeCacheClusters(t *testing.T) {
	t.Parallel()
	act, _ := decodeFixture(t, "seed/describe_cache_clusters.json")
	a, ok := act.(*elasticache.DescribeCacheClusters)
	require.True(t, ok, "got %T", act)
	assert.Nil(t, a.Response, "responseElements null")
	assert.False(t, *a.Request.ShowCacheNodeInfo, "explicit false is kept")
	assert.Equal(t, int32(100), *a.Request.MaxRecords)
}

func TestSeedModifyCacheCluster(t *testing.T) {
	t.Parallel()
	act, _ := decodeFixture(t, "seed/modify_cache_cluster.json")
	a, ok := act.(*elasticache.ModifyCacheCluster)
	require.True(t, ok, "got %T", act)
	assert.True(t, *a.Request.ApplyImmediately)
	assert.Equal(t, int32(3), *a.Request.NumCacheNodes)
	r := a.Response
	require.NotNil(t, r)
	assert.Equal(t, "modifying", *r.CacheClusterStatus)
	assert.Equal(t, int32(3), *r.PendingModifiedValues.NumCacheNodes)
	assert.Equal(t, time.Date(2014, 12, 1, 22, 16, 6, 0, time.UTC), r.CacheClusterCreateTime.Time())
	assert.Equal(t, "Dec 1, 2014 10:16:06 PM", r.CacheClusterCreateTime.Raw(), "original text kept")
	assert.Equal(t, int32(11211), *r.ConfigurationEndpoint.Port)

	norm := elasticache.ResponseJSON(act, elasticache.Normalize())
	assert.Contains(t, string(norm), `"cacheClusterCreateTime":"2014-12-01T22:16:06Z"`)
	orig := elasticache.ResponseJSON(act)
	assert.Contains(t, string(orig), `"cacheClusterCreateTime":"Dec 1, 2014 10:16:06 PM"`)
}
