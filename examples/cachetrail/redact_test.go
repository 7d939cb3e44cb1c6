package main

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/elasticache"
	"github.com/cachetrail/cachetrail/event"
)

// A CreateUser call as CloudTrail would log it if it did not hide the
// passwords itself: the -json output must still not show them.
const secretRecord = `{"eventVersion":"1.09","eventTime":"2024-05-01T10:00:00Z",
"eventSource":"elasticache.amazonaws.com","eventName":"CreateUser","awsRegion":"eu-west-1",
"requestParameters":{"userId":"u1","userName":"app","engine":"redis","accessString":"on ~* +@all",
"passwords":["Pa55wordMarkerOne"],"authenticationMode":{"type":"password","passwords":["Pa55wordMarkerTwo"]}},
"responseElements":{"userId":"u1","userName":"app"},"eventID":"e2","recipientAccountId":"123456789012"}`

func TestNoSecretInRecord(t *testing.T) {
	ev, err := event.Parse([]byte(secretRecord))
	require.NoError(t, err)
	a, err := elasticache.Decode(ev)
	require.NoError(t, err)
	require.Contains(t, string(elasticache.RequestJSON(a)), "Pa55wordMarkerOne",
		"precondition: the typed request holds the password")

	rec, err := json.Marshal(NewRecord(ev, a))
	require.NoError(t, err)
	assert.NotContains(t, string(rec), "Pa55wordMarker")
	assert.Contains(t, string(rec), `"userName":"app"`) // the rest still shows
}
