package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/elasticache"
	"github.com/cachetrail/cachetrail/event"
	"github.com/cachetrail/cachetrail/internal/secrettest"
)

// These test the helpers lambda-eventbridge repeats (ecview_log.go,
// readonly.go); examples/cachetrail tests the rest of the ecview files.

// failedReboot has unknown members at three levels of the envelope and one
// in requestParameters.
const failedReboot = `{"eventVersion":"1.11","userIdentity":{"type":"AssumedRole",
"arn":"arn:aws:sts::123456789012:assumed-role/CacheAdmin/alice","accountId":"123456789012",
"sessionContext":{"sessionIssuer":{"type":"Role","arn":"arn:aws:iam::123456789012:role/CacheAdmin","accountId":"123456789012"},
"attributes":{"creationDate":"2024-05-01T09:00:00Z","mfaAuthenticated":"false","newAttribute":"x"}},"newIdentityField":1},
"eventTime":"2024-05-01T10:00:00Z","eventSource":"elasticache.amazonaws.com","eventName":"RebootCacheCluster",
"awsRegion":"eu-west-1","sourceIPAddress":"198.51.100.24","userAgent":"console.amazonaws.com",
"errorCode":"InvalidCacheClusterState","errorMessage":"Cluster c1 is not available.",
"requestParameters":{"cacheClusterId":"c1","cacheNodeIdsToReboot":["0001"],"rebootReason":"test"},
"responseElements":null,"eventID":"e1","recipientAccountId":"123456789012","newTopLevel":true}`

// createUser is a CreateUser call as CloudTrail would log it if it did not
// hide the passwords itself.
const createUser = `{"eventVersion":"1.09","eventTime":"2024-05-01T10:00:00Z",
"eventSource":"elasticache.amazonaws.com","eventName":"CreateUser","awsRegion":"eu-west-1",
"requestParameters":{"userId":"u1","userName":"app","engine":"redis","accessString":"on ~* +@all",
"passwords":["Pa55wordMarkerOne"],"authenticationMode":{"type":"password","passwords":["Pa55wordMarkerTwo"]}},
"responseElements":{"userId":"u1","userName":"app"},"eventID":"e2","recipientAccountId":"123456789012"}`

func logChange(t *testing.T, record string) string {
	t.Helper()
	ev, err := event.Parse([]byte(record))
	require.NoError(t, err)
	a, err := elasticache.Decode(ev)
	require.NotNil(t, a, "%v", err)
	var b bytes.Buffer
	LogChange(context.Background(), slog.New(slog.NewJSONHandler(&b, nil)), ev, a)
	return b.String()
}

func TestLogChange(t *testing.T) {
	var got map[string]any
	require.NoError(t, json.Unmarshal([]byte(logChange(t, failedReboot)), &got))
	assert.Equal(t, ChangeMessage, got["msg"])
	assert.Equal(t, "InvalidCacheClusterState", got["outcome"])
	assert.Equal(t, "Cluster c1 is not available.", got["errorMessage"])
	assert.Equal(t, []any{"arn:aws:elasticache:eu-west-1:123456789012:cluster:c1"}, got["resources"])
	assert.Equal(t, map[string]any{"cacheClusterId": "c1", "cacheNodeIdsToReboot": []any{"0001"}, "rebootReason": "test"}, got["request"])
	assert.Len(t, got["unmodeled"], 4)
}

func TestLogChangeHidesSecrets(t *testing.T) {
	out := logChange(t, createUser)
	assert.NotContains(t, out, "Pa55wordMarker")
	assert.Contains(t, out, `"userName":"app"`) // the rest still shows
}

func TestReadOnly(t *testing.T) {
	for name, want := range map[string]bool{"DescribeCacheClusters": true, "ListTagsForResource": true, "CreateUser": false, "DescribeFutureThing": true, "FutureThing": false} {
		ev := event.MustParse(`{"eventSource":"elasticache.amazonaws.com","eventName":"` + name + `"}`)
		a, err := elasticache.Decode(ev)
		require.NoError(t, err)
		assert.Equal(t, want, ReadOnly(a), name)
	}
}

// TestLogChangeHidesEverySecret logs a change with a secret under every
// sensitive member of every operation.
func TestLogChangeHidesEverySecret(t *testing.T) {
	paths := secrettest.Paths(t)
	require.NotEmpty(t, paths)
	for i, p := range paths {
		secret := fmt.Sprintf("S3cr3tMarker%04dZq", i)
		rec := p.Record(p.Payload(`"`+p.Leaf()+`":"`+secret+`"`), "null")
		assert.NotContains(t, logChange(t, rec), secret, p.String())
	}
}
