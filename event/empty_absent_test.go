package event_test

import (
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

// TestEmptyStringAsAbsent checks that "" for a typed scalar of the
// envelope, userIdentity and payloads is read as absent with a quirk,
// never an error, and that strict decoding reports it.
func TestEmptyStringAsAbsent(t *testing.T) {
	data, err := os.ReadFile(testutil.Testdata("quirks/empty_string_as_absent.json"))
	require.NoError(t, err)

	ev, err := event.Parse(data)
	require.NoError(t, err)
	assert.Nil(t, ev.ReadOnly)
	assert.Nil(t, ev.ManagementEvent)
	attrs := ev.UserIdentity.SessionContext.Attributes
	require.NotNil(t, attrs)
	assert.True(t, attrs.CreationDate.IsZero())
	act, err := elasticache.Decode(ev)
	require.NoError(t, err)
	req := act.(*elasticache.ModifyReplicationGroup).Request
	assert.Nil(t, req.ApplyImmediately)
	assert.Nil(t, req.SnapshotRetentionLimit)
	require.NotNil(t, req.CacheNodeType, "a string member keeps its empty value")
	assert.Empty(t, *req.CacheNodeType)

	count := func(qs []wire.Quirk) (n int) {
		for _, q := range qs {
			if q.Kind == wire.QuirkEmptyStringAsAbsent {
				n++
			}
		}
		return n
	}
	assert.Equal(t, 6, count(ev.Quirks()), "envelope and userIdentity")
	assert.Equal(t, 5, count(act.Quirks()), "payloads")

	_, err = event.Parse(data, event.Strict())
	assert.ErrorContains(t, err, "empty-string-as-absent")
	_, err = elasticache.Decode(ev, event.Strict())
	var de *event.DecodeError
	assert.True(t, errors.As(err, &de), "%v", err)
	assert.ErrorContains(t, err, "empty-string-as-absent")
}
