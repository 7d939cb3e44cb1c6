package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const lookupTarget = "CloudTrail_20131101.LookupEvents" // what the SDK sends

// fakeCloudTrail speaks CloudTrail's JSON protocol for LookupEvents: it
// serves the records in pages of two, chained by NextToken, and throttles
// the first request so that the SDK's retry is exercised.
type fakeCloudTrail struct {
	t       testing.TB
	records []string

	mu       sync.Mutex
	requests []map[string]any
}

func (f *fakeCloudTrail) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	assert.Equal(f.t, lookupTarget, r.Header.Get("X-Amz-Target"))
	assert.Equal(f.t, "application/x-amz-json-1.1", r.Header.Get("Content-Type"))
	assert.Contains(f.t, r.Header.Get("Authorization"), "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/")
	body, _ := io.ReadAll(r.Body)
	var in map[string]any
	require.NoError(f.t, json.Unmarshal(body, &in))
	f.mu.Lock()
	f.requests = append(f.requests, in)
	n := len(f.requests)
	f.mu.Unlock()

	w.Header().Set("Content-Type", "application/x-amz-json-1.1")
	if n == 1 {
		w.WriteHeader(http.StatusBadRequest)
		io.WriteString(w, `{"__type":"ThrottlingException","message":"Rate exceeded"}`)
		return
	}
	start := 0
	if tok, ok := in["NextToken"].(string); ok {
		fmt.Sscanf(tok, "page-%d", &start)
	}
	end := min(start+2, len(f.records))
	var events []map[string]any
	for _, rec := range f.records[start:end] {
		events = append(events, map[string]any{
			"EventId": "x", "EventName": "x", "EventSource": "elasticache.amazonaws.com",
			"EventTime": 1417471235, "CloudTrailEvent": rec,
		})
	}
	out := map[string]any{"Events": events}
	if end < len(f.records) {
		out["NextToken"] = fmt.Sprintf("page-%d", end)
	}
	json.NewEncoder(w).Encode(out)
}

func seedRecords(t testing.TB) []string {
	var out []string
	for _, name := range []string{"modify_cache_cluster.json", "describe_cache_clusters.json", "create_cache_cluster.json"} {
		b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "seed", name))
		require.NoError(t, err)
		out = append(out, strings.TrimSpace(string(b)))
	}
	return out
}

func setEnv(t *testing.T) {
	t.Setenv("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
	t.Setenv("AWS_REGION", "us-west-2")
	t.Setenv("AWS_CONFIG_FILE", filepath.Join(t.TempDir(), "absent"))
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", filepath.Join(t.TempDir(), "absent"))
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
}

func TestLookup(t *testing.T) {
	setEnv(t)
	f := &fakeCloudTrail{t: t, records: append(seedRecords(t), seedRecords(t)[0])}
	srv := httptest.NewServer(f)
	defer srv.Close()

	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"-endpoint", srv.URL,
		"-since", "2014-12-01T00:00:00Z", "-until", "2014-12-02T00:00:00Z"}, &stdout, &stderr)
	require.Equal(t, 0, code, stderr.String())

	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	require.Len(t, lines, 5, stdout.String())
	assert.Regexp(t, `^TIME +REGION +ACCOUNT +ACTOR +ACTION +RESOURCE +OUTCOME$`, lines[0])
	assert.Regexp(t, `^2014-12-01T22:32:21Z +us-west-2 +123456789012 +arn:aws:iam::123456789012:user/elasticache-allow +ModifyCacheCluster +test-memcached +ok$`, lines[1])
	assert.Regexp(t, `DescribeCacheClusters +- +ok$`, lines[2])

	f.mu.Lock()
	defer f.mu.Unlock()
	require.Len(t, f.requests, 3, "a throttled request, then two pages")
	assert.Equal(t, f.requests[0], f.requests[1], "the throttled request is retried as it was")
	assert.Equal(t, "page-2", f.requests[2]["NextToken"])
	for _, req := range f.requests {
		assert.Equal(t, []any{map[string]any{"AttributeKey": "EventSource", "AttributeValue": "elasticache.amazonaws.com"}}, req["LookupAttributes"])
		assert.EqualValues(t, time.Date(2014, 12, 1, 0, 0, 0, 0, time.UTC).Unix(), req["StartTime"])
		assert.EqualValues(t, time.Date(2014, 12, 2, 0, 0, 0, 0, time.UTC).Unix(), req["EndTime"])
	}
}

func TestLookupJSON(t *testing.T) {
	setEnv(t)
	f := &fakeCloudTrail{t: t, records: seedRecords(t)}
	srv := httptest.NewServer(f)
	defer srv.Close()

	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"-endpoint", srv.URL, "-json", "-since", "2014-12-01T00:00:00Z", "-until", "2014-12-02T00:00:00Z"}, &stdout, &stderr)
	require.Equal(t, 0, code, stderr.String())
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	require.Len(t, lines, 3)
	var rec struct {
		Source    string         `json:"source"`
		Index     int            `json:"index"`
		EventName string         `json:"eventName"`
		Response  map[string]any `json:"response"`
	}
	require.NoError(t, json.Unmarshal([]byte(lines[0]), &rec))
	assert.Equal(t, "LookupEvents", rec.Source)
	assert.Equal(t, 0, rec.Index)
	assert.Equal(t, "ModifyCacheCluster", rec.EventName)
	assert.Equal(t, "2014-12-01T22:16:06Z", rec.Response["cacheClusterCreateTime"])
}

func TestLookupUsage(t *testing.T) {
	var stdout, stderr bytes.Buffer
	assert.Equal(t, 2, run(context.Background(), []string{"-since", "last week"}, &stdout, &stderr))
	assert.Contains(t, stderr.String(), "-since")
	assert.Equal(t, 2, run(context.Background(), []string{"extra"}, &stdout, &stderr))
}
