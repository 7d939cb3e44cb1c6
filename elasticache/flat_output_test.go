package elasticache_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/elasticache"
	"github.com/cachetrail/cachetrail/event"
	"github.com/cachetrail/cachetrail/wire"
)

const (
	flatRG = `{"description":"catalog","status":"modifying","replicationGroupId":"rg1","memberClusters":["rg1-001"],"x":1}`
	flatSC = `{"status":"available","aRN":"arn:aws:elasticache:eu-west-1:123456789012:serverlesscache:c1","serverlessCacheName":"c1","engine":"valkey"}`
	wrapRG = `{"replicationGroup":{"replicationGroupId":"rg1","status":"modifying"}}`
)

// flatQuirks returns the flat-output quirks of an action.
func flatQuirks(a elasticache.Action) []wire.Quirk {
	var out []wire.Quirk
	for _, q := range a.Quirks() {
		if q.Kind == wire.QuirkFlatOutput {
			out = append(out, q)
		}
	}
	return out
}

func TestFlatMigrationOutput(t *testing.T) {
	t.Parallel()
	for _, op := range []string{"StartMigration", "CompleteMigration"} {
		t.Run(op+"/replication group", func(t *testing.T) {
			t.Parallel()
			act, err := elasticache.Decode(record(op, "{}", flatRG))
			require.NoError(t, err)
			resp := responseOf(t, act)
			assert.True(t, resp.flat)
			require.NotNil(t, resp.rg)
			assert.Nil(t, resp.sc)
			assert.Equal(t, "rg1", resp.rg.GetReplicationGroupID())
			assert.Equal(t, "catalog", resp.rg.GetDescription())
			assert.Len(t, resp.rg.Unknown, 1, "x stays with the structure")
			q := flatQuirks(act)
			require.Len(t, q, 1)
			assert.Equal(t, "responseElements", q[0].Path)
			assert.Contains(t, q[0].Detail, "ReplicationGroup")
			assert.Equal(t, []elasticache.Unmodeled{{Path: "responseElements.x", Offset: q[0].Offset + int64(len(flatRG)) - 2}},
				act.Unmodeled())
		})
		t.Run(op+"/serverless cache", func(t *testing.T) {
			t.Parallel()
			act, err := elasticache.Decode(record(op, "{}", flatSC))
			require.NoError(t, err)
			resp := responseOf(t, act)
			assert.True(t, resp.flat)
			assert.Nil(t, resp.rg)
			require.NotNil(t, resp.sc)
			assert.Equal(t, "c1", resp.sc.GetServerlessCacheName())
			assert.Equal(t, "available", resp.sc.GetStatus())
			assert.Len(t, flatQuirks(act), 1)
		})
		t.Run(op+"/wrapped", func(t *testing.T) {
			t.Parallel()
			act, err := elasticache.Decode(record(op, "{}", wrapRG), event.Strict())
			require.NoError(t, err, "the model's form is no quirk")
			resp := responseOf(t, act)
			assert.False(t, resp.flat)
			require.NotNil(t, resp.rg)
			assert.Equal(t, "rg1", resp.rg.GetReplicationGroupID())
			assert.Empty(t, flatQuirks(act))
		})
		t.Run(op+"/neither", func(t *testing.T) {
			t.Parallel()
			// Shared and unknown names tell nothing: the wrapped decode keeps them.
			for _, in := range []string{`{}`, `{"status":"available","aRN":"a","y":[1]}`} {
				act, err := elasticache.Decode(record(op, "{}", in), event.Strict())
				require.NoError(t, err, in)
				resp := responseOf(t, act)
				assert.False(t, resp.flat, in)
				assert.Nil(t, resp.rg, in)
				assert.Nil(t, resp.sc, in)
				assert.Len(t, resp.unknown, len(act.Unmodeled()), in)
				assert.Empty(t, flatQuirks(act), in)
				assert.JSONEq(t, in, string(elasticache.ResponseJSON(act)), in)
			}
		})
	}
}

// TestFlatOutputFirstTellingNameDecides checks that the scan stops at the
// first telling name: a wrapping member first means wrapped, a member only
// one structure has means flat, and the rest stays in Unknown.
func TestFlatOutputFirstTellingNameDecides(t *testing.T) {
	t.Parallel()
	for in, flat := range map[string]bool{
		`{"status":"x","replicationGroup":{"status":"y"},"serverlessCacheName":"c1"}`: false,
		`{"status":"x","serverlessCacheName":"c1","replicationGroup":{"status":"y"}}`: true,
		`{"serverlessCacheName":"c1","replicationGroupId":"rg1"}`:                     true,
	} {
		act, err := elasticache.Decode(record("StartMigration", "{}", in))
		require.NoError(t, err, in)
		resp := responseOf(t, act)
		assert.Equal(t, flat, resp.flat, in)
		if flat {
			require.NotNil(t, resp.sc, in)
			assert.Len(t, resp.sc.Unknown, 1, in)
		}
		assert.JSONEq(t, in, string(elasticache.ResponseJSON(act)), in)
	}
}

func TestFlatOutputStrict(t *testing.T) {
	t.Parallel()
	for _, in := range []string{flatRG, flatSC} {
		act, err := elasticache.Decode(record("CompleteMigration", "{}", in), event.Strict())
		require.Error(t, err)
		require.NotNil(t, act)
		var de *event.DecodeError
		require.True(t, errors.As(err, &de), "%v", err)
		assert.Equal(t, wire.QuirkFlatOutput, de.Quirk)
		assert.Equal(t, "responseElements", de.Path)
		assert.True(t, errors.Is(err, event.ErrQuirk))
		// Tolerant mode forgives it.
		_, err = elasticache.Decode(record("CompleteMigration", "{}", in))
		assert.NoError(t, err)
	}
}

// TestFlatOutputRoundTrip checks that each form is written back as read,
// by the action's encoding and by the response's own JSON methods.
func TestFlatOutputRoundTrip(t *testing.T) {
	t.Parallel()
	for _, in := range []string{flatRG, flatSC, wrapRG} {
		act, err := elasticache.Decode(record("StartMigration", "{}", in))
		require.NoError(t, err)
		out := elasticache.ResponseJSON(act)
		assert.JSONEq(t, in, string(out))

		var r elasticache.StartMigrationResponse
		require.NoError(t, json.Unmarshal([]byte(in), &r))
		again, err := json.Marshal(&r)
		require.NoError(t, err)
		assert.JSONEq(t, in, string(again))
		assert.Equal(t, in != wrapRG, r.Flat)
	}
	// Flat with both set cannot be flat: it is written wrapped.
	r := elasticache.StartMigrationResponse{Flat: true, ReplicationGroup: &elasticache.ReplicationGroup{}, ServerlessCache: &elasticache.ServerlessCache{}}
	out, err := json.Marshal(&r)
	require.NoError(t, err)
	assert.JSONEq(t, `{"replicationGroup":{},"serverlessCache":{}}`, string(out))
}

type migrationResponse struct {
	flat    bool
	rg      *elasticache.ReplicationGroup
	sc      *elasticache.ServerlessCache
	unknown wire.Members
}

func responseOf(t *testing.T, a elasticache.Action) migrationResponse {
	t.Helper()
	switch a := a.(type) {
	case *elasticache.StartMigration:
		require.NotNil(t, a.Response)
		return migrationResponse{a.Response.Flat, a.Response.ReplicationGroup, a.Response.ServerlessCache, a.Response.Unknown}
	case *elasticache.CompleteMigration:
		require.NotNil(t, a.Response)
		return migrationResponse{a.Response.Flat, a.Response.ReplicationGroup, a.Response.ServerlessCache, a.Response.Unknown}
	}
	t.Fatalf("%T is not a migration action", a)
	return migrationResponse{}
}
