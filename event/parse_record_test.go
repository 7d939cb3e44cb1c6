package event_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/event"
)

// TestParseNotARecord checks that Parse rejects an object with none of a
// record's identifying members, pointing containers to NewReader.
func TestParseNotARecord(t *testing.T) {
	t.Parallel()
	for in, msg := range map[string]string{
		`{}`:        "none of eventVersion, eventTime, eventSource, eventName, eventID",
		`{"foo":1}`: "none of eventVersion",
		`{"awsRegion":"us-east-1","userIdentity":{"type":"Root"},"requestParameters":{}}`: "none of eventVersion",
		`{"Records":[{"eventName":"A"}]}`:                                                 "a CloudTrail log file, not a record: use event.NewReader",
		`{"Records":null}`:                                                                "a CloudTrail log file",
		`{"version":"0","detail-type":"AWS API Call via CloudTrail","source":"aws.elasticache","detail":{"eventName":"A"}}`: "an EventBridge event, not a record: use event.NewReader",
		`{"detail":{}}`: "an EventBridge event",
		`{"messageType":"DATA_MESSAGE","logGroup":"g","logEvents":[{"id":"1","message":"{}"}]}`: "a CloudWatch Logs payload, not a record: use event.NewReader",
		`{"awslogs":{"data":""}}`: "a CloudWatch Logs payload",
	} {
		ev, err := event.Parse([]byte(in))
		assert.Nil(t, ev, in)
		require.ErrorIs(t, err, event.ErrNotRecord, in)
		de, ok := errors.AsType[*event.DecodeError](err)
		require.True(t, ok, "%T", err)
		assert.Contains(t, de.Msg, msg, in)
		assert.Equal(t, int64(0), de.Offset, in)
		assert.Panics(t, func() { event.MustParse(in) }, in)
	}
}

// TestParseIdentifiedRecord checks that any one identifying member, of any
// value, makes an object a record.
func TestParseIdentifiedRecord(t *testing.T) {
	t.Parallel()
	for _, in := range []string{
		`{"eventVersion":"1.08"}`,
		`{"eventTime":"2024-01-02T03:04:05Z"}`,
		`{"eventSource":"elasticache.amazonaws.com"}`,
		`{"eventName":"CreateCacheCluster"}`,
		`{"eventID":"e1"}`,
		`{"eventName":""}`,
		`{"eventID":7}`,         // kept raw, a type error
		`{"eventTime":"never"}`, // kept raw, a type error
		`{"eventName":"A","Records":[]}`,
	} {
		ev, err := event.Parse([]byte(in))
		require.NotNil(t, ev, "%s: %v", in, err)
		assert.NotErrorIs(t, err, event.ErrNotRecord, in)
	}
}

// TestParseNotARecordOffset checks that the error is located at the
// object, in the stream when the origin gives its offset.
func TestParseNotARecordOffset(t *testing.T) {
	t.Parallel()
	_, err := event.Parse([]byte(`  {"foo":1}`), event.WithOrigin(event.Origin{Source: "f.json", Index: 3, Offset: 100}))
	de, ok := errors.AsType[*event.DecodeError](err)
	require.True(t, ok, "%v", err)
	assert.ErrorIs(t, de, event.ErrNotRecord)
	assert.Equal(t, "f.json", de.Source)
	assert.Equal(t, 3, de.Record)
	assert.Equal(t, int64(102), de.Offset)
}
