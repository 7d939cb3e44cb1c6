package elasticache

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/wire"
)

func TestOperations(t *testing.T) {
	ops := Operations()
	require.Len(t, ops, 77)
	assert.True(t, slices.IsSorted(ops), "sorted")
	assert.Equal(t, len(ops), len(slices.Compact(slices.Clone(ops))), "unique")

	ops[0] = "changed"
	assert.Equal(t, "AddTagsToResource", Operations()[0], "Operations returns a fresh slice")

	require.Len(t, operationTable, len(ops))
	for _, name := range Operations() {
		a := newAction(name)
		require.NotNil(t, a, name)
		assert.Equal(t, name, a.Operation())
		info, ok := LookupOperation(name)
		require.True(t, ok, name)
		assert.Equal(t, name, info.Name)
		at := reflect.TypeOf(a).Elem()
		req, _ := at.FieldByName("Request")
		resp, _ := at.FieldByName("Response")
		assert.Equal(t, name+"Request", req.Type.Elem().Name())
		assert.Equal(t, strings.HasPrefix(name, "Describe") || strings.HasPrefix(name, "List"), info.ReadOnly, name)
		assert.Equal(t, "https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_"+name+".html", info.DocURL)
		if info.UnwrappedMember == "" {
			assert.Equal(t, name+"Response", resp.Type.Elem().Name(), name)
		} else {
			assert.NotEqual(t, name+"Response", resp.Type.Elem().Name(), name)
		}
	}
	assert.Nil(t, newAction("NoSuchOperation"))
	assert.Nil(t, newAction(""))
	_, ok := LookupOperation("NoSuchOperation")
	assert.False(t, ok)
	_, ok = LookupOperation("ZZZ")
	assert.False(t, ok)

	info, ok := LookupOperation("CreateCacheCluster")
	require.True(t, ok)
	assert.Equal(t, MemberInfo{Wire: "cacheClusterId", Field: "CacheClusterID", Class: MemberIdentifier}, info.Members[0])
	info.Members, info.subject, info.subjectType = nil, "", ""
	assert.Equal(t, OperationInfo{
		Name:            "CreateCacheCluster",
		UnwrappedMember: "cacheCluster",
		DocURL:          "https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_CreateCacheCluster.html",
	}, info)
}

func TestAccessors(t *testing.T) {
	var nilCluster *CacheCluster
	assert.Equal(t, "", nilCluster.GetCacheClusterID())
	assert.Equal(t, int32(0), nilCluster.GetNumCacheNodes())
	assert.False(t, nilCluster.GetAutoMinorVersionUpgrade())
	assert.True(t, nilCluster.GetCacheClusterCreateTime().IsZero())
	assert.Nil(t, nilCluster.GetConfigurationEndpoint())
	assert.Equal(t, int32(0), nilCluster.GetConfigurationEndpoint().GetPort(), "chained on nil")

	c := &CacheCluster{
		CacheClusterID:          new("test-memcached"),
		NumCacheNodes:           new(int32(2)),
		AutoMinorVersionUpgrade: new(true),
		CacheClusterCreateTime:  new(wire.TimeOf(mustTime(t))),
		ConfigurationEndpoint:   &Endpoint{Port: new(int32(11211))},
	}
	assert.Equal(t, "test-memcached", c.GetCacheClusterID())
	assert.Equal(t, int32(2), c.GetNumCacheNodes())
	assert.True(t, c.GetAutoMinorVersionUpgrade())
	assert.Equal(t, "2014-12-01T22:16:06Z", c.GetCacheClusterCreateTime().Raw())
	assert.Equal(t, int32(11211), c.GetConfigurationEndpoint().GetPort())
	assert.Equal(t, "", (&CacheCluster{}).GetEngine(), "nil field")

	req := &CreateCacheClusterRequest{AZMode: new(AZModeCrossAZ)}
	assert.Equal(t, AZModeCrossAZ, req.GetAZMode())
	assert.Equal(t, AZMode(""), (*CreateCacheClusterRequest)(nil).GetAZMode())

	var a *CreateCacheCluster
	assert.Nil(t, a.GetEvent())
	assert.Nil(t, a.GetRequest())
	assert.Nil(t, a.GetResponse())
	a = &CreateCacheCluster{Request: req, Response: c}
	assert.Same(t, req, a.GetRequest())
	assert.Same(t, c, a.GetResponse())
}

func TestEnumValues(t *testing.T) {
	assert.Equal(t, []AZMode{"single-az", "cross-az"}, AZMode("").Values())
	assert.Len(t, SourceType("").Values(), 9)
	// An unlisted value is kept as it is.
	assert.Equal(t, "three-az", string(AZMode("three-az")))
}

func mustTime(t *testing.T) time.Time {
	t.Helper()
	tm, err := time.Parse(time.RFC3339, "2014-12-01T22:16:06Z")
	require.NoError(t, err)
	return tm
}
