package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/event"
	"github.com/cachetrail/cachetrail/examples/internal/lambdatest"
)

// seedEvent wraps a seed record of the AWS documentation in the event
// EventBridge delivers for it. EventBridge forwards the record as a JSON
// object, so it arrives as strict JSON: the seed's trailing comma is gone
// (re-encoding the parsed record drops it) but its other quirks stay.
func seedEvent(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "seed", name))
	require.NoError(t, err)
	ev, err := event.Parse(b)
	require.NoError(t, err)
	detail, err := ev.MarshalJSON()
	require.NoError(t, err)
	return []byte(fmt.Sprintf(`{"version":"0","id":"6f87d04b-9f74-4f04-a780-7acf4b0a9b38",
"detail-type":"AWS API Call via CloudTrail","source":"aws.elasticache","account":"123456789012",
"time":%q,"region":%q,"resources":[],"detail":%s}`,
		ev.EventTime.String(), ev.AWSRegion, detail))
}

type logLine struct {
	Msg       string          `json:"msg"`
	EventName string          `json:"eventName"`
	EventTime string          `json:"eventTime"`
	Actor     string          `json:"actor"`
	Resource  string          `json:"resource"`
	Request   json.RawMessage `json:"request"`
}

func changeLines(t testing.TB, out string) []logLine {
	t.Helper()
	var lines []logLine
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		var l logLine
		require.NoError(t, json.Unmarshal(sc.Bytes(), &l), "log line %q", sc.Text())
		if l.Msg == ChangeMessage {
			lines = append(lines, l)
		}
	}
	return lines
}

func TestHandle(t *testing.T) {
	sample, err := os.ReadFile(filepath.Join("..", "..", "testdata", "samples", "eventbridge-20141202.json"))
	require.NoError(t, err)
	create := seedEvent(t, "create_cache_cluster.json")
	describe := seedEvent(t, "describe_cache_clusters.json")
	modify := seedEvent(t, "modify_cache_cluster.json")
	scheduled := []byte(`{"version":"0","id":"89d1a02d-5ec7-412e-82f5-13505f849b41","detail-type":"Scheduled Event","source":"aws.events","account":"123456789012","time":"2014-12-01T22:00:00Z","region":"us-west-2","resources":["arn:aws:events:us-west-2:123456789012:rule/nightly"],"detail":{}}`)

	tests := []struct {
		name    string
		payload []byte
		want    Result
		changes []string
	}{
		{name: "create", payload: create, want: Result{Changes: 1}, changes: []string{"CreateCacheCluster"}},
		{name: "describe is read-only", payload: describe, want: Result{ReadOnly: 1}},
		{name: "modify", payload: modify, want: Result{Changes: 1}, changes: []string{"ModifyCacheCluster"}},
		{name: "sample", payload: sample, want: Result{Changes: 1}, changes: []string{"CreateCacheParameterGroup"}},
		{name: "not from CloudTrail", payload: scheduled, want: Result{Skipped: 1}},
		{
			name:    "batch",
			payload: []byte("[" + string(create) + "," + string(describe) + "," + string(modify) + "]"),
			want:    Result{Changes: 2, ReadOnly: 1},
			changes: []string{"CreateCacheCluster", "ModifyCacheCluster"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var logs bytes.Buffer
			h := &Handler{Log: slog.New(slog.NewJSONHandler(&logs, nil))}
			res, err := h.Handle(context.Background(), tt.payload)
			require.NoError(t, err)
			assert.Equal(t, tt.want, res)
			var got []string
			for _, l := range changeLines(t, logs.String()) {
				got = append(got, l.EventName)
			}
			assert.Equal(t, tt.changes, got)
		})
	}
}

func TestHandleModifyDetails(t *testing.T) {
	var logs bytes.Buffer
	h := &Handler{Log: slog.New(slog.NewJSONHandler(&logs, nil))}
	_, err := h.Handle(context.Background(), seedEvent(t, "modify_cache_cluster.json"))
	require.NoError(t, err)
	lines := changeLines(t, logs.String())
	require.Len(t, lines, 1)
	assert.Equal(t, "2014-12-01T22:32:21Z", lines[0].EventTime)
	assert.Equal(t, "arn:aws:iam::123456789012:user/elasticache-allow", lines[0].Actor)
	assert.Equal(t, "test-memcached", lines[0].Resource)
	assert.JSONEq(t, `{"applyImmediately":true,"numCacheNodes":3,"cacheClusterId":"test-memcached"}`, string(lines[0].Request))
}

func TestHandleBrokenDetail(t *testing.T) {
	var logs bytes.Buffer
	h := &Handler{Log: slog.New(slog.NewJSONHandler(&logs, nil))}
	payload := `{"version":"0","id":"1","detail-type":"AWS API Call via CloudTrail","source":"aws.elasticache","detail":"not a record"}`
	_, err := h.Handle(context.Background(), []byte(payload))
	require.Error(t, err, "an unreadable record fails the invocation")
	assert.Contains(t, logs.String(), `"msg":"record not read"`)
}

// TestBootstrap runs the built function against a fake Runtime API.
func TestBootstrap(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a binary")
	}
	bin := lambdatest.Build(t, ".")
	rt := lambdatest.NewRuntime(t)
	p := lambdatest.Start(t, bin, rt)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()

	res, err := rt.Invoke(ctx, seedEvent(t, "modify_cache_cluster.json"))
	require.NoError(t, err, "stderr: %s", p.Stderr())
	require.False(t, res.IsError, "error: %s", res.Payload)
	assert.JSONEq(t, `{"changes":1,"readOnly":0,"skipped":0}`, string(res.Payload))

	require.Eventually(t, func() bool { return rt.Polls() >= 2 }, 10*time.Second, 10*time.Millisecond)
	// The function's output reaches us through a pipe, after its next poll
	// at times: wait for the whole line.
	require.Eventually(t, func() bool {
		out := p.Stdout()
		return strings.Contains(out, `"msg":"`+ChangeMessage+`"`) && strings.HasSuffix(out, "\n")
	}, 10*time.Second, 10*time.Millisecond, "stdout: %s", p.Stdout())
	lines := changeLines(t, p.Stdout())
	require.Len(t, lines, 1)
	assert.Equal(t, "ModifyCacheCluster", lines[0].EventName)
}
