package gen

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLoadOverrides(t *testing.T) {
	m := loadModel(t)
	ov, err := LoadOverrides("overrides.json", m)
	require.NoError(t, err)
	assert.True(t, ov.Has("CacheParameterGroupStatus", "CacheNodeIdsToReboot", KindEmptyListAsObject))
	for _, shape := range []string{"CreateCacheClusterInput", "CreateReplicationGroupInput", "ModifyCacheClusterInput", "ModifyReplicationGroupInput"} {
		assert.True(t, ov.Has(shape, "AuthToken", KindSensitive), shape)
	}
	for _, shape := range []string{"CreateUserInput", "ModifyUserInput", "AuthenticationMode"} {
		assert.True(t, ov.Has(shape, "Passwords", KindSensitive), shape)
	}
	assert.False(t, ov.Has("CacheCluster", "Engine", KindSensitive))
}

func TestParseOverridesErrors(t *testing.T) {
	m := loadModel(t)
	tests := []struct{ name, json, want string }{
		{"unknown shape", `[{"shape":"NoSuchShape","member":"X","kind":"sensitive","evidence":"e"}]`, "no shape"},
		{"unknown member", `[{"shape":"CacheCluster","member":"NoSuchMember","kind":"sensitive","evidence":"e"}]`, "no member"},
		{"unknown kind", `[{"shape":"CacheCluster","member":"Engine","kind":"odd","evidence":"e"}]`, "unknown kind"},
		{"no evidence", `[{"shape":"CacheCluster","member":"Engine","kind":"sensitive"}]`, "no evidence"},
		{"not a list", `[{"shape":"CacheCluster","member":"Engine","kind":"empty-list-as-object","evidence":"e"}]`, "not a list"},
		{"duplicate", `[{"shape":"CacheCluster","member":"Engine","kind":"sensitive","evidence":"e"},{"shape":"CacheCluster","member":"Engine","kind":"sensitive","evidence":"f"}]`, "duplicate"},
		{"unknown field", `[{"shape":"CacheCluster","member":"Engine","kind":"sensitive","evidence":"e","extra":1}]`, "unknown field"},
		{"flat not a structure", `[{"shape":"CacheCluster","member":"Engine","kind":"flat-alternative","evidence":"e"}]`, "flat alternatives"},
		{"flat not an output", `[{"shape":"CacheCluster","member":"ConfigurationEndpoint","kind":"flat-alternative","evidence":"e"}]`, "flat alternatives"},
		{"not an array", `{}`, "cannot unmarshal"},
		{"trailing data", `[] []`, "after the array"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseOverrides([]byte(tt.json), m)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}
