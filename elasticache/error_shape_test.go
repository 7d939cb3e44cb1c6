package elasticache_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/elasticache"
	"github.com/cachetrail/cachetrail/event"
)

// assertShape checks the error shape event.Parse and elasticache.Decode
// share: a bare *event.DecodeError for one error, errors.Join of n
// *event.DecodeError for several.
func assertShape(t *testing.T, err error, n int) {
	t.Helper()
	require.Error(t, err)
	if n == 1 {
		_, ok := err.(*event.DecodeError)
		assert.True(t, ok, "one error is a bare *event.DecodeError, got %T", err)
		return
	}
	j, ok := err.(interface{ Unwrap() []error })
	require.True(t, ok, "several errors are joined, got %T", err)
	require.Len(t, j.Unwrap(), n)
	for _, e := range j.Unwrap() {
		_, ok := e.(*event.DecodeError)
		assert.True(t, ok, "each joined error is a *event.DecodeError, got %T", e)
	}
}

func TestErrorShape(t *testing.T) {
	const head = `{"eventVersion":"1.09","eventSource":"elasticache.amazonaws.com","eventName":"ModifyCacheCluster",` +
		`"recipientAccountId":"123456789012","responseElements":null,`
	for _, tc := range []struct {
		name             string
		envelope, params string
		n                int
	}{
		{"one", `"awsRegion":1`, `{"cacheClusterId":1}`, 1},
		{"two", `"awsRegion":1,"userAgent":2`, `{"cacheClusterId":1,"numCacheNodes":"two"}`, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := event.Parse([]byte(head + tc.envelope + `}`))
			assertShape(t, err, tc.n)

			ev, err := event.Parse([]byte(head + `"requestParameters":` + tc.params + `}`))
			require.NoError(t, err)
			act, err := elasticache.Decode(ev)
			require.NotNil(t, act)
			assertShape(t, err, tc.n)

			for _, err := range elasticache.Actions(strings.NewReader(head + `"requestParameters":` + tc.params + `}`)) {
				assertShape(t, err, tc.n)
			}
		})
	}

	// Quirks reported by event.Strict take the same shape.
	ev, err := event.Parse([]byte(head + `"requestParameters":{"cacheClusterId":"c1","numCacheNodes":"2"}}`))
	require.NoError(t, err)
	_, err = elasticache.Decode(ev, event.Strict())
	assertShape(t, err, 1)
	_, err = elasticache.Decode(ev)
	assert.NoError(t, err)
}
