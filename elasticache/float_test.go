package elasticache_test

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/elasticache"
)

// reservedNode has prices with more digits than float64 holds.
// It is responseElements itself, as CloudTrail writes it.
const reservedNode = `{"reservedCacheNodeId":"r1","fixedPrice":2190.00000000000000000001,"usagePrice":0.1000000000000000055511151231257827,"recurringCharges":[{"recurringChargeAmount":1E-7,"recurringChargeFrequency":"Hourly"}]}`

func purchase(t *testing.T) *elasticache.PurchaseReservedCacheNodesOffering {
	t.Helper()
	act, err := elasticache.Decode(record("PurchaseReservedCacheNodesOffering", `{"reservedCacheNodesOfferingId":"o1"}`, reservedNode))
	require.NoError(t, err)
	p, ok := act.(*elasticache.PurchaseReservedCacheNodesOffering)
	require.True(t, ok, "%T", act)
	require.NotNil(t, p.Response)
	return p
}

// TestFloatsKeepTheirText checks that float64 members are written back as
// read, digits past float64 precision included.
func TestFloatsKeepTheirText(t *testing.T) {
	t.Parallel()
	p := purchase(t)
	assert.JSONEq(t, reservedNode, string(elasticache.ResponseJSON(p)))
	out, err := json.Marshal(p.Response)
	require.NoError(t, err)
	assert.Contains(t, string(out), `"fixedPrice":2190.00000000000000000001`)
	assert.Contains(t, string(out), `"usagePrice":0.1000000000000000055511151231257827`)
	assert.Contains(t, string(out), `"recurringChargeAmount":1E-7`)

	// A value a program changed is written as encoding/json writes it.
	*p.Response.FixedPrice = 2200.5
	out, err = json.Marshal(p.Response)
	require.NoError(t, err)
	assert.Contains(t, string(out), `"fixedPrice":2200.5`)
}

// TestNonFiniteFloatIsAnError checks that MarshalJSON fails on a NaN or an
// infinity instead of writing invalid JSON, and that RequestJSON and
// ResponseJSON write null for it.
func TestNonFiniteFloatIsAnError(t *testing.T) {
	t.Parallel()
	for _, v := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		p := purchase(t)
		*p.Response.UsagePrice = v
		_, err := json.Marshal(p.Response)
		assert.ErrorContains(t, err, "unsupported value", "%v", v)
		_, err = p.Response.MarshalJSON()
		require.Error(t, err)
		out := elasticache.ResponseJSON(p)
		require.True(t, json.Valid(out), "%s", out)
		assert.Contains(t, string(out), `"usagePrice":null`)
	}
}
