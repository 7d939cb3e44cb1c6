package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/elasticache"
	"github.com/cachetrail/cachetrail/event"
)

// record has unknown members at three levels of the envelope and one in
// requestParameters.
const record = `{"eventVersion":"1.11","userIdentity":{"type":"AssumedRole",
"arn":"arn:aws:sts::123456789012:assumed-role/CacheAdmin/alice","accountId":"123456789012",
"sessionContext":{"sessionIssuer":{"type":"Role","arn":"arn:aws:iam::123456789012:role/CacheAdmin","accountId":"123456789012"},
"attributes":{"creationDate":"2024-05-01T09:00:00Z","mfaAuthenticated":"false","newAttribute":"x"}},"newIdentityField":1},
"eventTime":"2024-05-01T10:00:00Z","eventSource":"elasticache.amazonaws.com","eventName":"RebootCacheCluster",
"awsRegion":"eu-west-1","sourceIPAddress":"198.51.100.24","userAgent":"console.amazonaws.com","sessionCredentialFromConsole":"true",
"errorCode":"InvalidCacheClusterState","errorMessage":"Cluster c1 is not available.",
"requestParameters":{"cacheClusterId":"c1","cacheNodeIdsToReboot":["0001"],"rebootReason":"test"},
"responseElements":null,"eventID":"e1","recipientAccountId":"123456789012","newTopLevel":true}`

func decode(t testing.TB) (*event.Event, elasticache.Action) {
	t.Helper()
	ev, err := event.Parse([]byte(record), event.WithSourceName("r.json"))
	require.NoError(t, err)
	a, err := elasticache.Decode(ev)
	require.NoError(t, err)
	return ev, a
}

func TestUnmodeled(t *testing.T) {
	ev, a := decode(t)
	var paths []string
	for _, g := range Unmodeled(ev, a) {
		paths = append(paths, g.Path+" "+g.Reason)
		assert.Positive(t, g.Offset)
	}
	assert.Equal(t, []string{
		"userIdentity.sessionContext.attributes.newAttribute unknown",
		"userIdentity.newIdentityField unknown",
		"requestParameters.rebootReason unknown",
		"newTopLevel unknown",
	}, paths)
}

func TestRowAndRecord(t *testing.T) {
	ev, a := decode(t)
	assert.Equal(t, Row{
		Time: "2024-05-01T10:00:00Z", Region: "eu-west-1", Account: "123456789012",
		Actor: "alice (CacheAdmin)", Action: "RebootCacheCluster",
		Resource: "c1", Outcome: "InvalidCacheClusterState",
	}, NewRow(ev, a))

	b, err := json.Marshal(NewRecord(ev, a))
	require.NoError(t, err)
	assert.JSONEq(t, `{"source":"r.json","index":-1,"eventID":"e1","eventTime":"2024-05-01T10:00:00Z",
		"eventName":"RebootCacheCluster","awsRegion":"eu-west-1","accountId":"123456789012",
		"actor":{"type":"AssumedRole","name":"alice","principal":"arn:aws:iam::123456789012:role/CacheAdmin",
		"accountId":"123456789012","role":"CacheAdmin","sessionName":"alice","mfa":false,"consoleSession":true},
		"errorCode":"InvalidCacheClusterState","errorMessage":"Cluster c1 is not available.",
		"request":{"cacheClusterId":"c1","cacheNodeIdsToReboot":["0001"],"rebootReason":"test"},"response":null,
		"resources":[{"type":"cluster","id":"c1","arn":"arn:aws:elasticache:eu-west-1:123456789012:cluster:c1"}],
		"unmodeled":["userIdentity.sessionContext.attributes.newAttribute","userIdentity.newIdentityField",
		"requestParameters.rebootReason","newTopLevel"]}`, string(b))
}

func TestTable(t *testing.T) {
	var b bytes.Buffer
	tbl := NewTable(&b)
	tbl.Add(Row{Time: "2024-05-01T10:00:00Z", Action: "DescribeEvents", Outcome: "ok"})
	tbl.Add(Row{Time: "2024-05-01T10:00:01Z", Region: "us-east-1", Action: "CreateUser", Resource: "u1", Outcome: "ok"})
	require.NoError(t, tbl.Flush())
	assert.Equal(t, 2, tbl.Rows())
	assert.Equal(t, strings.Join([]string{
		"TIME                  REGION     ACCOUNT  ACTOR  ACTION          RESOURCE  OUTCOME",
		"2024-05-01T10:00:00Z  -          -        -      DescribeEvents  -         ok",
		"2024-05-01T10:00:01Z  us-east-1  -        -      CreateUser      u1        ok",
		"",
	}, "\n"), b.String())
}

// BenchmarkUnmodeled measures the walk -json makes for every event.
func BenchmarkUnmodeled(b *testing.B) {
	ev, a := decode(b)
	for b.Loop() {
		Unmodeled(ev, a)
	}
}
