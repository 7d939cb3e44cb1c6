package main

import (
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/examples/internal/s3test"
)

func TestParseURL(t *testing.T) {
	for _, tt := range []struct {
		in             string
		bucket, prefix string
		ok             bool
	}{
		{"s3://trail/AWSLogs/123/", "trail", "AWSLogs/123/", true},
		{"s3://trail", "trail", "", true},
		{"s3://trail/", "trail", "", true},
		{"s3:///AWSLogs", "", "AWSLogs", false},
		{"/tmp/x.json", "", "", false},
	} {
		bucket, prefix, ok := parseS3URL(tt.in)
		assert.Equal(t, tt.ok, ok, tt.in)
		if ok {
			assert.Equal(t, tt.bucket, bucket, tt.in)
			assert.Equal(t, tt.prefix, prefix, tt.in)
		}
	}
	assert.Equal(t, "s3://b/k.json.gz", s3Object{Bucket: "b", Key: "k.json.gz"}.URL())
}

// noAWS empties the environment of AWS settings: no AWS_* variables, a
// HOME without ~/.aws, and no instance metadata lookups.
func noAWS(t *testing.T) {
	t.Helper()
	for _, kv := range os.Environ() {
		if k, _, _ := strings.Cut(kv, "="); strings.HasPrefix(k, "AWS_") {
			t.Setenv(k, "") // restored after the test
			os.Unsetenv(k)
		}
	}
	t.Setenv("HOME", t.TempDir())
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
}

// TestS3NoCredentials: without credentials an s3:// input fails at once
// with one line and a hint, not the SDK's error chain after its retries.
func TestS3NoCredentials(t *testing.T) {
	noAWS(t)
	start := time.Now()
	code, _, stderr := runIn(t, "", "s3://bucket/prefix")
	took := time.Since(start)
	assert.Equal(t, 1, code)
	assert.Equal(t, "cachetrail: s3://bucket/prefix: no AWS credentials (set AWS_PROFILE, run 'aws sso login', or use -s3-endpoint for a local server)\n", stderr)
	assert.Less(t, took, 2*time.Second)
	t.Logf("failed in %v", took)

	// Other inputs are still read; the check is made once.
	code, stdout, stderr := runIn(t, "", "s3://bucket/a", repoFile(t, "testdata/samples"), "s3://bucket/b")
	assert.Equal(t, 1, code)
	assert.Contains(t, stdout, "CreateCacheCluster")
	assert.Equal(t, "cachetrail: s3://bucket/a: no AWS credentials (set AWS_PROFILE, run 'aws sso login', or use -s3-endpoint for a local server)\n"+
		"cachetrail: s3://bucket/b: no AWS credentials (set AWS_PROFILE, run 'aws sso login', or use -s3-endpoint for a local server)\n", stderr)
}

// TestS3Anonymous: with -s3-endpoint and no credentials, requests go
// unsigned, which the local test server takes.
func TestS3Anonymous(t *testing.T) {
	s := startS3(t)
	noAWS(t)
	code, stdout, stderr := runIn(t, "", "check", "-s3-endpoint", s.URL, "s3://"+trailBucket+"/AWSLogs/")
	require.Equal(t, 0, code, stderr)
	assert.True(t, strings.HasSuffix(stdout, "\nrecords=53 elasticache=19 quirks=11 unmodeled=0 errors=0\n"), stdout) // as in the README
}

// TestS3Unreachable: an endpoint that takes the connection and closes it
// is tried once, and the error is one line naming it.
func TestS3Unreachable(t *testing.T) {
	noAWS(t)
	t.Setenv("AWS_ACCESS_KEY_ID", s3test.AccessKeyID)
	t.Setenv("AWS_SECRET_ACCESS_KEY", s3test.SecretAccessKey)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	var accepted atomic.Int32
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			accepted.Add(1)
			c.Close()
		}
	}()
	t.Cleanup(func() { ln.Close() })
	endpoint := "http://" + ln.Addr().String()

	start := time.Now()
	code, _, stderr := runIn(t, "", "-s3-endpoint", endpoint, "s3://bucket/prefix")
	took := time.Since(start)
	assert.Equal(t, 1, code)
	assert.Regexp(t, `^cachetrail: s3://bucket/prefix: list: no response from S3 at `+regexp.QuoteMeta(endpoint)+`: [^\n]+ \(check -s3-endpoint\)\n$`, stderr)
	assert.Equal(t, int32(1), accepted.Load(), "attempts")
	assert.Less(t, took, 2*time.Second)

	// A closed port: the same, at once.
	ln.Close()
	code, _, stderr = runIn(t, "", "-s3-endpoint", endpoint, "s3://bucket/prefix")
	assert.Equal(t, 1, code)
	assert.Equal(t, "cachetrail: s3://bucket/prefix: list: no response from S3 at "+endpoint+": dial tcp "+ln.Addr().String()+": connect: connection refused (check -s3-endpoint)\n", stderr)
}

// TestS3Region: -region chooses the signing region, and a bucket in
// another region is an error that names it.
func TestS3Region(t *testing.T) {
	noAWS(t)
	t.Setenv("AWS_ACCESS_KEY_ID", s3test.AccessKeyID)
	t.Setenv("AWS_SECRET_ACCESS_KEY", s3test.SecretAccessKey)
	var mu sync.Mutex
	var scopes []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, scope, _ := strings.Cut(r.Header.Get("Authorization"), "Credential="+s3test.AccessKeyID+"/")
		scope, _, _ = strings.Cut(scope, ",")
		mu.Lock()
		scopes = append(scopes, scope[strings.IndexByte(scope, '/')+1:])
		mu.Unlock()
		w.Header().Set("X-Amz-Bucket-Region", "eu-west-1")
		w.Header().Set("Content-Type", "application/xml")
		w.WriteHeader(http.StatusMovedPermanently)
		io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?><Error><Code>PermanentRedirect</Code>`+
			`<Message>The bucket you are attempting to access must be addressed using the specified endpoint.</Message></Error>`)
	}))
	t.Cleanup(srv.Close)

	code, _, stderr := runIn(t, "", "-s3-endpoint", srv.URL, "s3://bucket/prefix")
	assert.Equal(t, 1, code)
	assert.Equal(t, "cachetrail: s3://bucket/prefix: list: the bucket is in eu-west-1, not us-east-1 (use -region eu-west-1)\n", stderr)

	t.Setenv("AWS_REGION", "ap-south-1")
	code, _, stderr = runIn(t, "", "-s3-endpoint", srv.URL, "s3://bucket/prefix")
	assert.Equal(t, 1, code)
	assert.Equal(t, "cachetrail: s3://bucket/prefix: list: the bucket is in eu-west-1, not ap-south-1 (use -region eu-west-1)\n", stderr)

	code, _, stderr = runIn(t, "", "-region", "eu-west-1", "-s3-endpoint", srv.URL, "s3://bucket/prefix")
	assert.Equal(t, 1, code)
	assert.Equal(t, "cachetrail: s3://bucket/prefix: list: PermanentRedirect: The bucket you are attempting to access must be addressed using the specified endpoint.\n", stderr)

	mu.Lock()
	defer mu.Unlock()
	assert.Equal(t, []string{"us-east-1/s3/aws4_request", "ap-south-1/s3/aws4_request", "eu-west-1/s3/aws4_request"}, scopes)
}
