package elasticache_test

import (
	"bytes"
	"compress/gzip"
	"runtime"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/elasticache"
	"github.com/cachetrail/cachetrail/internal/testutil"
	"github.com/cachetrail/cachetrail/internal/trailgen"
)

// TestActionsBreakStopsReading breaks out of Actions after one action:
// the caller's reader is not read again and no goroutine is left.
func TestActionsBreakStopsReading(t *testing.T) {
	var plain, gz bytes.Buffer
	require.NoError(t, trailgen.Write(&plain, trailgen.Config{Records: 5000, ElastiCacheRate: 0.2, Seed: 9}))
	zw := gzip.NewWriter(&gz)
	_, err := zw.Write(plain.Bytes())
	require.NoError(t, err)
	require.NoError(t, zw.Close())

	before := runtime.NumGoroutine()
	src := &testutil.SlowReader{R: bytes.NewReader(gz.Bytes()), Piece: 512, Delay: 200 * time.Microsecond}
	n := 0
	for act, err := range elasticache.Actions(src) {
		require.NoError(t, err)
		require.NotNil(t, act)
		n++
		break
	}
	require.Equal(t, 1, n)
	testutil.NotReadAfter(t, src, 100*time.Millisecond)
	testutil.NoGoroutineAbove(t, before)
}
