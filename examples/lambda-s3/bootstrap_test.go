package main

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/examples/internal/lambdatest"
	"github.com/cachetrail/cachetrail/examples/internal/s3test"
)

// TestBootstrap builds the function as it is deployed (a bootstrap binary
// built with -tags lambda.norpc) and runs it the way Lambda does: against
// the Runtime API, here a fake one, with the SDK configured from the
// environment and S3 served in-process.
func TestBootstrap(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a binary")
	}
	s := s3test.Start(t)
	s.Put(t, bucket, key, sampleLog(t))
	bin := lambdatest.Build(t, ".")
	rt := lambdatest.NewRuntime(t)
	p := lambdatest.Start(t, bin, rt, s.Env(t.TempDir())...)

	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()

	res, err := rt.Invoke(ctx, []byte(s3Event("ObjectCreated:Put", bucket, key)))
	require.NoError(t, err, "stderr: %s", p.Stderr())
	require.False(t, res.IsError, "error: %s", res.Payload)
	var got Result
	require.NoError(t, json.Unmarshal(res.Payload, &got))
	assert.Equal(t, Result{Objects: 1, Records: 44, Changes: 11, ReadOnly: 3}, got)

	// The same process takes the next invocation, as a warm Lambda does; a
	// missing object fails it through the Runtime API's error path.
	res, err = rt.Invoke(ctx, []byte(sqsRecord(s3Event("ObjectCreated:Put", bucket, "AWSLogs/gone.json.gz"))))
	require.NoError(t, err)
	assert.True(t, res.IsError)
	assert.Contains(t, string(res.Payload), "gone.json.gz")
	assert.Contains(t, string(res.Payload), `"errorType"`)

	require.Eventually(t, func() bool { return rt.Polls() >= 3 }, 10*time.Second, 10*time.Millisecond,
		"the function polls for its next invocation")
	// Its output reaches us through a pipe, at times after that poll: wait
	// for the last line it writes.
	require.Eventually(t, func() bool {
		out := p.Stdout()
		return strings.Contains(out, `"msg":"log file not read"`) && strings.HasSuffix(out, "\n")
	}, 10*time.Second, 10*time.Millisecond, "stdout: %s", p.Stdout())
	lines := changeLines(parseLog(t, p.Stdout()))
	assert.Equal(t, wantChanges, names(lines))
}
