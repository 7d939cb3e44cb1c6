package elasticache_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/elasticache"
	"github.com/cachetrail/cachetrail/event"
)

// strictErr is a *event.DecodeError with its sentinel named, for cmp.
type strictErr struct {
	event.DecodeError
	Err string
}

// unwrapAll flattens joined errors into their *event.DecodeError leaves.
func unwrapAll(t *testing.T, err error) []strictErr {
	t.Helper()
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []strictErr
		for _, e := range j.Unwrap() {
			out = append(out, unwrapAll(t, e)...)
		}
		return out
	}
	var de *event.DecodeError
	require.ErrorAs(t, err, &de)
	e := strictErr{DecodeError: *de, Err: de.Err.Error()}
	e.DecodeError.Err = nil
	return []strictErr{e}
}

// TestStrictThroughActions reads a record whose only quirk is in its
// payload: Actions with event.Strict reports it as an error, the same
// error as Decode with event.Strict, and Actions without it reports none.
func TestStrictThroughActions(t *testing.T) {
	const rec = `{"eventVersion":"1.09","eventSource":"elasticache.amazonaws.com","eventName":"ModifyCacheCluster",` +
		`"awsRegion":"eu-west-1","recipientAccountId":"123456789012",` +
		`"requestParameters":{"cacheClusterId":"c1","numCacheNodes":"2"},"responseElements":null}`

	ev, err := event.Parse([]byte(rec), event.WithSourceName("a.json"))
	require.NoError(t, err)
	require.Empty(t, ev.Quirks(), "the envelope has no quirk")
	_, err = elasticache.Decode(ev, event.Strict())
	want := unwrapAll(t, err)
	require.Len(t, want, 1)
	assert.True(t, errors.Is(err, event.ErrQuirk))

	var got []strictErr
	n := 0
	for act, err := range elasticache.Actions(strings.NewReader(rec), event.Strict(), event.WithSourceName("a.json")) {
		require.NotNil(t, act)
		got = append(got, unwrapAll(t, err)...)
		n++
	}
	require.Equal(t, 1, n)
	want[0].Record = 0 // the reader numbers records, Parse does not
	assert.Empty(t, cmp.Diff(want, got), "Actions with event.Strict against Decode with event.Strict")

	// Parsed strictly, Decode is strict without its own option.
	ev, err = event.Parse([]byte(rec), event.Strict(), event.WithSourceName("a.json"))
	require.NoError(t, err)
	_, err = elasticache.Decode(ev)
	want[0].Record = -1
	assert.Empty(t, cmp.Diff(want, unwrapAll(t, err)), "Decode of a strictly parsed event")

	for act, err := range elasticache.Actions(strings.NewReader(rec)) {
		require.NotNil(t, act)
		assert.NoError(t, err, "tolerant by default")
	}
}
