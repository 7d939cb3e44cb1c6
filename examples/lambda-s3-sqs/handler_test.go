package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"strings"
	"testing"

	"github.com/aws/aws-lambda-go/events"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/examples/internal/s3test"
)

// The good sample's ElastiCache calls, in file order.
var wantNames = []string{
	"CreateCacheCluster", "DescribeCacheClusters", "CreateReplicationGroup", "ListTagsForResource",
	"CreateSnapshot", "ModifyCacheParameterGroup", "RebootCacheCluster", "AddTagsToResource",
	"DeleteReplicationGroup", "ModifyCacheCluster", "CreateCacheCluster", "DescribeReplicationGroups",
	"CreateCacheSubnetGroup", "DeleteCacheCluster",
}

// parseRecords reads the default sink's output.
func parseRecords(t testing.TB, out string) []Record {
	t.Helper()
	var recs []Record
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		var r Record
		require.NoError(t, json.Unmarshal(sc.Bytes(), &r), "line %q", sc.Text())
		recs = append(recs, r)
	}
	return recs
}

func eventNames(recs []Record) []string {
	var out []string
	for _, r := range recs {
		out = append(out, r.EventName)
	}
	return out
}

// newTestProcessor returns a processor reading from s, its sink's output
// and its log.
func newTestProcessor(s *s3test.Server) (*Processor, *bytes.Buffer, *bytes.Buffer) {
	var out, logs bytes.Buffer
	return &Processor{
		S3:   s.Client(),
		Sink: NewJSONLines(&out),
		Log:  slog.New(slog.NewJSONHandler(&logs, nil)),
		Seen: NewSeen(100),
	}, &out, &logs
}

func failedIDs(resp events.SQSEventResponse) []string {
	var ids []string
	for _, f := range resp.BatchItemFailures {
		ids = append(ids, f.ItemIdentifier)
	}
	return ids
}

func TestHandleSQS(t *testing.T) {
	s := s3test.Start(t)
	s.Put(t, trailBucket, goodKey, goodLog(t))
	s.Put(t, trailBucket, truncatedKey, truncatedLog(t))
	p, out, logs := newTestProcessor(s)
	ctx := context.Background()

	batch := events.SQSEvent{Records: []events.SQSMessage{
		sqsMessage("m-missing", s3Body("ObjectCreated:Put", trailBucket, missingKey)),
		sqsMessage("m-good", snsEnvelope(s3Body("ObjectCreated:Put", trailBucket, goodKey))),
		sqsMessage("m-truncated", s3Body("ObjectCreated:Put", trailBucket, truncatedKey)),
		sqsMessage("m-test", `{"Service":"Amazon S3","Event":"s3:TestEvent"}`),
		sqsMessage("m-junk", `{"hello":"world"}`),
	}}
	resp, err := p.HandleSQS(ctx, batch)
	require.NoError(t, err)
	assert.Equal(t, []string{"m-missing", "m-truncated", "m-junk"}, failedIDs(resp))
	assert.Contains(t, logs.String(), "NoSuchKey")
	assert.Contains(t, logs.String(), "read error at offset")

	recs := parseRecords(t, out.String())
	require.NotEmpty(t, recs)
	good := recs[:len(wantNames)]
	assert.Equal(t, wantNames, eventNames(good))
	cutShort := len(recs) - len(wantNames)
	assert.Equal(t, 3, cutShort, "the truncated file's calls before the break are output")

	modify := good[9]
	assert.Equal(t, "ModifyCacheCluster", modify.EventName)
	assert.Equal(t, "2014-12-01T22:32:21Z", modify.EventTime)
	assert.Equal(t, "arn:aws:iam::123456789012:user/elasticache-allow", modify.Actor)
	assert.Equal(t, "ok", modify.Outcome)
	assert.Equal(t, "s3://"+trailBucket+"/"+goodKey, modify.Source)
	assert.JSONEq(t, `{"applyImmediately":true,"numCacheNodes":3,"cacheClusterId":"test-memcached"}`, string(modify.Request))
	assert.Equal(t, "ReplicationGroupNotFoundFault", good[8].Outcome)
	assert.True(t, good[1].ReadOnly)

	// SQS delivers the good message again, and the two failed files are
	// now complete: only calls not output before come out.
	s.Put(t, trailBucket, truncatedKey, otherLog(t))
	s.Put(t, trailBucket, missingKey, otherLog(t))
	out.Reset()
	resp, err = p.HandleSQS(ctx, events.SQSEvent{Records: []events.SQSMessage{
		batch.Records[1], batch.Records[2], batch.Records[0],
	}})
	require.NoError(t, err)
	assert.Empty(t, resp.BatchItemFailures)
	again := parseRecords(t, out.String())
	assert.Len(t, again, 4-cutShort, "the good file's calls are not output twice, nor the cut one's")
	for _, r := range again {
		assert.Equal(t, "s3://"+trailBucket+"/"+truncatedKey, r.Source)
	}
}

func TestHandleSQSRecordErrors(t *testing.T) {
	s := s3test.Start(t)
	good := `{"eventVersion":"1.08","eventTime":"2024-05-01T10:00:00Z","eventSource":"elasticache.amazonaws.com","eventName":"DeleteCacheCluster","awsRegion":"us-east-1","requestParameters":{"cacheClusterId":"c1"},"responseElements":null,"eventID":"%s"}`
	bad := `{"eventVersion":"1.08","eventSource":"elasticache.amazonaws.com","eventName":"ModifyCacheCluster","requestParameters":{"cacheClusterId":`
	s.Put(t, trailBucket, "lines.jsonl", []byte(strings.Replace(good, "%s", "a", 1)+"\n"+bad+"\n"+strings.Replace(good, "%s", "b", 1)+"\n"))
	p, out, logs := newTestProcessor(s)
	resp, err := p.HandleSQS(context.Background(), events.SQSEvent{Records: []events.SQSMessage{
		sqsMessage("m1", s3Body("ObjectCreated:Put", trailBucket, "lines.jsonl")),
	}})
	require.NoError(t, err)
	assert.Empty(t, resp.BatchItemFailures, "a bad record inside a readable file does not fail the message")
	assert.Len(t, parseRecords(t, out.String()), 2)
	assert.Contains(t, logs.String(), `"msg":"record not read"`)
	assert.Contains(t, logs.String(), `"record":1`)
	assert.Contains(t, logs.String(), `"offset":`)
}

func TestHandleSQSSinkError(t *testing.T) {
	s := s3test.Start(t)
	s.Put(t, trailBucket, goodKey, goodLog(t))
	p, _, _ := newTestProcessor(s)
	p.Sink = failingSink{}
	resp, err := p.HandleSQS(context.Background(), events.SQSEvent{Records: []events.SQSMessage{
		sqsMessage("m1", s3Body("ObjectCreated:Put", trailBucket, goodKey)),
	}})
	require.NoError(t, err)
	assert.Equal(t, []string{"m1"}, failedIDs(resp), "output not written is retried")
	assert.False(t, p.Seen.Has("cdc73f9d-aea9-11e3-9d5a-835b769c0d9c"), "a call not written is not remembered")
}

type failingSink struct{}

func (failingSink) Put(context.Context, Record) error { return errors.New("stream closed") }

func TestHandleS3(t *testing.T) {
	s := s3test.Start(t)
	s.Put(t, trailBucket, goodKey, goodLog(t))
	p, out, logs := newTestProcessor(s)
	var ev events.S3Event
	require.NoError(t, json.Unmarshal([]byte(s3Body("ObjectCreated:Put", trailBucket, goodKey)), &ev))
	require.NoError(t, p.HandleS3(context.Background(), ev))
	assert.Equal(t, wantNames, eventNames(parseRecords(t, out.String())))

	var missing events.S3Event
	require.NoError(t, json.Unmarshal([]byte(s3Body("ObjectCreated:Put", trailBucket, missingKey)), &missing))
	missing.Records = append(missing.Records, ev.Records...)
	out.Reset()
	err := p.HandleS3(context.Background(), missing)
	require.ErrorContains(t, err, "get s3://"+trailBucket+"/"+missingKey)
	assert.Empty(t, out.String(), "the good file, read again, outputs nothing twice")
	assert.Contains(t, logs.String(), `"msg":"log file not read"`)
}

func TestRecordRedacts(t *testing.T) {
	s := s3test.Start(t)
	rec := `{"eventVersion":"1.08","eventTime":"2024-05-01T10:00:00Z","eventSource":"elasticache.amazonaws.com","eventName":"CreateUser","awsRegion":"us-east-1","eventID":"u1",` +
		`"requestParameters":{"userId":"alice","userName":"alice","engine":"redis","passwords":["hunter2-secret"],"accessString":"on ~* +@all"},"responseElements":null}`
	s.Put(t, trailBucket, "user.json", []byte(`{"Records":[`+rec+`]}`))
	p, out, _ := newTestProcessor(s)
	resp, err := p.HandleSQS(context.Background(), events.SQSEvent{Records: []events.SQSMessage{
		sqsMessage("m1", s3Body("ObjectCreated:Put", trailBucket, "user.json")),
	}})
	require.NoError(t, err)
	require.Empty(t, resp.BatchItemFailures)
	assert.NotContains(t, out.String(), "hunter2")
	recs := parseRecords(t, out.String())
	require.Len(t, recs, 1)
	assert.JSONEq(t, `{"userId":"alice","userName":"alice","engine":"redis","passwords":"[redacted array]","accessString":"on ~* +@all"}`, string(recs[0].Request))
}
