//go:build unix

package main

import (
	"bytes"
	"context"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func setEnv(t *testing.T, endpoint string) {
	t.Setenv("AWS_ACCESS_KEY_ID", testAccessKey)
	t.Setenv("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
	t.Setenv("AWS_REGION", "us-east-1")
	t.Setenv("AWS_ENDPOINT_URL_SQS", endpoint)
	t.Setenv("AWS_CONFIG_FILE", filepath.Join(t.TempDir(), "absent"))
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", filepath.Join(t.TempDir(), "absent"))
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
	t.Setenv(queueURLEnv, testQueueURL)
}

// A real SIGTERM to this process stops the service gracefully.
func TestRunStopsOnSIGTERM(t *testing.T) {
	f := newFakeSQS(t)
	srv := httptest.NewServer(f)
	defer srv.Close()
	setEnv(t, srv.URL)
	f.send("m-sample", sampleEvent(t))

	var stdout, stderr syncBuffer
	code := make(chan int, 1)
	go func() { code <- run(context.Background(), &stdout, &stderr) }()
	f.waitDeleted(1) // running, so the signal handler is installed
	require.NoError(t, syscall.Kill(syscall.Getpid(), syscall.SIGTERM))
	select {
	case c := <-code:
		assert.Equal(t, 0, c, stderr.String())
	case <-time.After(10 * time.Second):
		require.FailNow(t, "run did not return after SIGTERM")
	}
	assert.Equal(t, 1, strings.Count(stdout.String(), `"eventName":"CreateCacheParameterGroup"`))
	assert.Contains(t, stderr.String(), `"msg":"stopped"`)
}

func TestRunEnvironment(t *testing.T) {
	setEnv(t, "http://127.0.0.1:1")
	t.Setenv(queueURLEnv, "")
	var stdout, stderr bytes.Buffer
	assert.Equal(t, 2, run(context.Background(), &stdout, &stderr))
	assert.Contains(t, stderr.String(), queueURLEnv)

	t.Setenv(queueURLEnv, testQueueURL)
	t.Setenv(maxInFlightEnv, "0")
	stderr.Reset()
	assert.Equal(t, 2, run(context.Background(), &stdout, &stderr))
	assert.Contains(t, stderr.String(), maxInFlightEnv)
}
