package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/examples/internal/s3test"
)

// sampleLog is the bundled gzipped CloudTrail log file: 44 records, 14 of
// them ElastiCache, 3 of those read-only.
func sampleLog(t testing.TB) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "samples", "cloudtrail-20141201.json.gz"))
	require.NoError(t, err)
	return b
}

// wantChanges are the sample's ElastiCache changes, in file order.
var wantChanges = []string{
	"CreateCacheCluster", "CreateReplicationGroup", "CreateSnapshot", "ModifyCacheParameterGroup",
	"RebootCacheCluster", "AddTagsToResource", "DeleteReplicationGroup", "ModifyCacheCluster",
	"CreateCacheCluster", "CreateCacheSubnetGroup", "DeleteCacheCluster",
}

// logLine is the part of a change log line the tests look at.
type logLine struct {
	Level     string          `json:"level"`
	Msg       string          `json:"msg"`
	EventName string          `json:"eventName"`
	EventTime string          `json:"eventTime"`
	Actor     string          `json:"actor"`
	Resource  string          `json:"resource"`
	Outcome   string          `json:"outcome"`
	Source    string          `json:"source"`
	Request   json.RawMessage `json:"request"`
}

func parseLog(t testing.TB, out string) []logLine {
	t.Helper()
	var lines []logLine
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		var l logLine
		require.NoError(t, json.Unmarshal(sc.Bytes(), &l), "log line %q", sc.Text())
		lines = append(lines, l)
	}
	return lines
}

// changeLines keeps the lines that log a change.
func changeLines(lines []logLine) []logLine {
	var out []logLine
	for _, l := range lines {
		if l.Msg == ChangeMessage {
			out = append(out, l)
		}
	}
	return out
}

func names(lines []logLine) []string {
	var out []string
	for _, l := range lines {
		out = append(out, l.EventName)
	}
	return out
}

func TestHandlerS3(t *testing.T) {
	s := s3test.Start(t)
	s.Put(t, bucket, key, sampleLog(t))
	var logs bytes.Buffer
	h := &Handler{S3: s.Client(), Log: slog.New(slog.NewJSONHandler(&logs, nil))}

	for _, tt := range []struct{ name, payload string }{
		{"S3", s3Event("ObjectCreated:Put", bucket, key)},
		{"S3 in SNS in SQS", sqsRecord(snsEnvelope(s3Event("ObjectCreated:Put", bucket, key)))},
		{"CloudTrail notification in SNS", snsRecord(cloudTrailNotification(bucket, key))},
	} {
		t.Run(tt.name, func(t *testing.T) {
			logs.Reset()
			res, err := h.Handle(context.Background(), json.RawMessage(tt.payload))
			require.NoError(t, err)
			assert.Equal(t, Result{Objects: 1, Records: 44, Changes: 11, ReadOnly: 3}, res)
			lines := changeLines(parseLog(t, logs.String()))
			assert.Equal(t, wantChanges, names(lines))
			require.Len(t, lines, len(wantChanges))

			modify := lines[7]
			assert.Equal(t, "2014-12-01T22:32:21Z", modify.EventTime)
			assert.Equal(t, "arn:aws:iam::123456789012:user/elasticache-allow", modify.Actor)
			assert.Equal(t, "test-memcached", modify.Resource)
			assert.Equal(t, "ok", modify.Outcome)
			assert.Equal(t, "s3://"+bucket+"/"+key, modify.Source)
			assert.JSONEq(t, `{"applyImmediately":true,"numCacheNodes":3,"cacheClusterId":"test-memcached"}`, string(modify.Request))

			failed := lines[6]
			assert.Equal(t, "DeleteReplicationGroup", failed.EventName)
			assert.Equal(t, "ReplicationGroupNotFoundFault", failed.Outcome)
		})
	}
}

func TestHandlerMissingObject(t *testing.T) {
	s := s3test.Start(t)
	s.Put(t, bucket, key, sampleLog(t))
	var logs bytes.Buffer
	h := &Handler{S3: s.Client(), Log: slog.New(slog.NewJSONHandler(&logs, nil))}
	res, err := h.Handle(context.Background(), json.RawMessage(snsRecord(cloudTrailNotification(bucket, "AWSLogs/missing.json.gz", key))))
	require.ErrorContains(t, err, "get s3://example-trail-bucket/AWSLogs/missing.json.gz")
	assert.Equal(t, 1, res.Objects, "the other file is still read")
	assert.Equal(t, 11, res.Changes)
	assert.Contains(t, logs.String(), `"msg":"log file not read"`)
}

func TestHandlerBadRecords(t *testing.T) {
	s := s3test.Start(t)
	good := `{"eventVersion":"1.08","eventTime":"2024-05-01T10:00:00Z","eventSource":"elasticache.amazonaws.com","eventName":"DeleteCacheCluster","awsRegion":"us-east-1","requestParameters":{"cacheClusterId":"c1"},"responseElements":null,"eventID":"a"}`
	bad := `{"eventVersion":"1.08","eventSource":"elasticache.amazonaws.com","eventName":"ModifyCacheCluster","requestParameters":{"cacheClusterId":`
	s.Put(t, bucket, "lines.jsonl", []byte(good+"\n"+bad+"\n"+good+"\n"))
	var logs bytes.Buffer
	h := &Handler{S3: s.Client(), Log: slog.New(slog.NewJSONHandler(&logs, nil))}
	res, err := h.Handle(context.Background(), json.RawMessage(s3Event("ObjectCreated:Put", bucket, "lines.jsonl")))
	require.NoError(t, err, "a bad record does not fail the invocation")
	assert.Equal(t, Result{Objects: 1, Records: 3, Changes: 2, Errors: 1}, res)
	assert.Contains(t, logs.String(), `"msg":"record not read"`)
	assert.Contains(t, logs.String(), "record 1")
}

func TestHandlerUnrecognised(t *testing.T) {
	h := &Handler{Log: slog.New(slog.NewJSONHandler(&bytes.Buffer{}, nil))}
	_, err := h.Handle(context.Background(), json.RawMessage(`{"hello":"world"}`))
	assert.ErrorIs(t, err, errUnrecognised)
}
