package gen

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLoadModel(t *testing.T) {
	m := loadModel(t)
	assert.Equal(t, SDKModule, m.Module)
	assert.Regexp(t, `^v1\.\d+\.\d+$`, m.Version)
	require.Len(t, m.Operations, 77)
	assert.True(t, slices.IsSortedFunc(m.Operations, func(a, b *Operation) int {
		return strings.Compare(a.Name, b.Name)
	}), "operations sorted")
	assert.Empty(t, m.Unions, "unions")
	assert.Empty(t, m.Oddities, "documents and maps")

	var cc *Operation
	for _, op := range m.Operations {
		if op.Name == "CreateCacheCluster" {
			cc = op
		}
		assert.Nil(t, op.Output.Member("ResultMetadata"), op.Name)
	}
	require.NotNil(t, cc)
	id := cc.Input.Member("CacheClusterId")
	require.NotNil(t, id)
	assert.True(t, id.Required)
	assert.Equal(t, TypeRef{Kind: KindString, Pointer: true}, id.Type)
	assert.Equal(t, "CacheClusterId", id.WireName)
	assert.False(t, cc.Input.Member("Engine").Required)
	assert.Equal(t, TypeRef{Kind: KindEnum, Name: "AZMode"}, cc.Input.Member("AZMode").Type)
	assert.Equal(t, TypeRef{Kind: KindList, Elem: &TypeRef{Kind: KindStruct, Name: "Tag"}}, cc.Input.Member("Tags").Type)
	assert.Equal(t, "CacheClusterId", cc.Input.Members[0].Name, "source order")

	cluster := m.Structs["CacheCluster"]
	require.NotNil(t, cluster)
	assert.True(t, cluster.Response)
	assert.False(t, cluster.Request)
	assert.Equal(t, TypeRef{Kind: KindTime, Pointer: true}, cluster.Member("CacheClusterCreateTime").Type)
	assert.Equal(t, "CacheClusterCreateTime", cluster.Member("CacheClusterCreateTime").WireName)

	want := []EnumValue{{"AZModeSingleAz", "single-az"}, {"AZModeCrossAz", "cross-az"}}
	if diff := cmp.Diff(want, m.Enums["AZMode"].Values); diff != "" {
		t.Errorf("AZMode values mismatch (-want +got):\n%s", diff)
	}
}

func TestEveryStructReachable(t *testing.T) {
	m := loadModel(t)
	for _, s := range m.allStructs() {
		assert.True(t, s.Request || s.Response, "%s is not reachable", s.Name)
	}
}

func TestUnwrapping(t *testing.T) {
	p := resolve(t)
	require.Len(t, p.Operations, 77)

	cc := findOp(t, p, "CreateCacheCluster")
	assert.Nil(t, cc.Response)
	require.NotNil(t, cc.Unwrapped)
	assert.Equal(t, "cacheCluster", cc.Unwrapped.Wire)
	assert.Equal(t, "CacheCluster", cc.ResponseType())

	tags := findOp(t, p, "AddTagsToResource")
	assert.Nil(t, tags.Unwrapped)
	require.NotNil(t, tags.Response)
	assert.Equal(t, "AddTagsToResourceResponse", tags.ResponseType())
	require.Len(t, tags.Response.Fields, 1)
	assert.Equal(t, "TagList", tags.Response.Fields[0].Name)
	assert.Equal(t, "[]Tag", tags.Response.Fields[0].Type.Field())

	del := findOp(t, p, "DeleteCacheSecurityGroup")
	assert.Nil(t, del.Unwrapped)
	require.NotNil(t, del.Response)
	assert.Empty(t, del.Response.Fields)

	// A single non-structure member is not unwrapped.
	mod := findOp(t, p, "ModifyCacheParameterGroup")
	assert.Nil(t, mod.Unwrapped)
	assert.Equal(t, "ModifyCacheParameterGroupResponse", mod.ResponseType())
}

func TestReadOnly(t *testing.T) {
	p := resolve(t)
	tests := map[string]bool{
		"DescribeCacheClusters":            true,
		"ListTagsForResource":              true,
		"ListAllowedNodeTypeModifications": true,
		"CreateCacheCluster":               false,
		"TestFailover":                     false,
	}
	for name, want := range tests {
		assert.Equal(t, want, findOp(t, p, name).ReadOnly, name)
	}
}

func TestFieldTypes(t *testing.T) {
	p := resolve(t)
	byName := map[string]*Shape{}
	for _, s := range p.AllShapes() {
		byName[s.Name] = s
	}
	field := func(shape, name string) *Field {
		t.Helper()
		s := byName[shape]
		require.NotNil(t, s, shape)
		for _, f := range s.Fields {
			if f.Name == name {
				return f
			}
		}
		t.Fatalf("%s has no field %s", shape, name)
		return nil
	}
	tests := []struct{ shape, field, want string }{
		{"CreateCacheClusterRequest", "CacheClusterID", "*string"},
		{"CreateCacheClusterRequest", "NumCacheNodes", "*int32"},
		{"CreateCacheClusterRequest", "AZMode", "*AZMode"},
		{"CreateCacheClusterRequest", "AutoMinorVersionUpgrade", "*bool"},
		{"CreateCacheClusterRequest", "PreferredAvailabilityZones", "[]string"},
		{"CacheCluster", "CacheClusterCreateTime", "*wire.Time"},
		{"CacheCluster", "ConfigurationEndpoint", "*Endpoint"},
		{"CacheCluster", "CacheSecurityGroups", "[]CacheSecurityGroupMembership"},
		{"ReservedCacheNode", "FixedPrice", "*float64"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, field(tt.shape, tt.field).Type.Field(), "%s.%s", tt.shape, tt.field)
	}
	f := field("CacheParameterGroupStatus", "CacheNodeIDsToReboot")
	assert.True(t, f.EmptyListAsObject)
	assert.True(t, field("CreateUserRequest", "Passwords").Sensitive)
	assert.True(t, field("AuthenticationMode", "Passwords").Sensitive)
	assert.False(t, field("CreateUserRequest", "UserName").Sensitive)
}

// TestSDKWireNames checks that a schema wire name differing from the
// member name fails resolution unless an override accepts it, and that such
// an override must explain something.
func TestSDKWireNames(t *testing.T) {
	m := loadModel(t)
	mem := m.Structs["CacheCluster"].Member("Engine")
	mem.WireName = "EngineName"
	_, err := Resolve(m, nil)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "CacheCluster.Engine")

	ov := &Overrides{Entries: []Override{{Shape: "CacheCluster", Member: "Engine", Kind: KindSDKWireName, Evidence: "test"}}}
	_, err = Resolve(m, ov)
	require.NoError(t, err)

	mem.WireName = "Engine"
	_, err = Resolve(m, ov)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "explains nothing")
}

func TestFlatAlternatives(t *testing.T) {
	p := resolve(t)
	for _, name := range []string{"StartMigration", "CompleteMigration"} {
		op := findOp(t, p, name)
		require.NotNil(t, op.Response, name)
		require.Len(t, op.Response.Flat, 2, name)
		assert.Equal(t, "replicationGroup", op.Response.Flat[0].Wire)
		assert.Equal(t, "serverlessCache", op.Response.Flat[1].Wire)
		rg, sc := FlatTells(op.Response, 0), FlatTells(op.Response, 1)
		assert.Contains(t, rg, "replicationGroupId")
		assert.Contains(t, sc, "serverlessCacheName")
		// Shared names tell nothing.
		for _, shared := range []string{"status", "aRN", "description", "engine"} {
			assert.NotContains(t, rg, shared)
			assert.NotContains(t, sc, shared)
		}
	}
	assert.Empty(t, findOp(t, p, "AddTagsToResource").Response.Flat)
}

func TestFlatAlternativesAllOrNone(t *testing.T) {
	m := loadModel(t)
	ov, err := ParseOverrides([]byte(`[{"shape":"StartMigrationOutput","member":"ReplicationGroup","kind":"flat-alternative","evidence":"e"}]`), m)
	require.NoError(t, err)
	_, err = Resolve(m, ov)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "all of its members")
}
