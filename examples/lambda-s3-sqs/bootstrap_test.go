package main

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/examples/internal/lambdatest"
	"github.com/cachetrail/cachetrail/examples/internal/s3test"
)

// TestBootstrapSQS runs the function as deployed (a bootstrap binary built
// with -tags lambda.norpc) against the Runtime API, with S3 served by
// gofakes3: one batch holds a missing object, a truncated gzip and a good
// file, and exactly the two bad messages come back as failures. SQS then
// delivers the good message again, to the same warm process, and it
// outputs nothing new.
func TestBootstrapSQS(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a binary")
	}
	s := s3test.Start(t)
	s.Put(t, trailBucket, goodKey, goodLog(t))
	s.Put(t, trailBucket, truncatedKey, truncatedLog(t))
	bin := lambdatest.Build(t, ".")
	rt := lambdatest.NewRuntime(t)
	p := lambdatest.Start(t, bin, rt, s.Env(t.TempDir())...)

	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	invoke := func(msgs ...events.SQSMessage) events.SQSEventResponse {
		t.Helper()
		payload, err := json.Marshal(events.SQSEvent{Records: msgs})
		require.NoError(t, err)
		res, err := rt.Invoke(ctx, payload)
		require.NoError(t, err, "stderr: %s", p.Stderr())
		require.False(t, res.IsError, "error: %s", res.Payload)
		var resp events.SQSEventResponse
		require.NoError(t, json.Unmarshal(res.Payload, &resp))
		return resp
	}
	good := sqsMessage("7b2e5a50-0001-4c1e-9a55-000000000001", s3Body("ObjectCreated:Put", trailBucket, goodKey))
	missing := sqsMessage("7b2e5a50-0002-4c1e-9a55-000000000002", s3Body("ObjectCreated:Put", trailBucket, missingKey))
	truncated := sqsMessage("7b2e5a50-0003-4c1e-9a55-000000000003", snsEnvelope(cloudTrailNotification(trailBucket, truncatedKey)))

	resp := invoke(missing, good, truncated)
	assert.Equal(t, []string{missing.MessageId, truncated.MessageId}, failedIDs(resp))
	// The response is posted after the last line is written, but the pipe
	// may deliver that line later: wait for the count.
	want := len(wantNames) + 3 // the truncated file's calls before the break
	require.Eventually(t, func() bool { return strings.Count(p.Stdout(), "\n") >= want },
		10*time.Second, 10*time.Millisecond, "stdout: %s\nstderr: %s", p.Stdout(), p.Stderr())
	recs := parseRecords(t, p.Stdout())
	assert.Equal(t, wantNames, eventNames(recs[:len(wantNames)]))
	// stderr, too, may arrive after the response.
	if !assert.Eventually(t, func() bool {
		return strings.Contains(p.Stderr(), missing.MessageId) && strings.Contains(p.Stderr(), "unexpected EOF")
	}, 10*time.Second, 10*time.Millisecond, "the failures' log lines") {
		t.Logf("stderr: %s", p.Stderr())
	}

	resp = invoke(good)
	assert.Empty(t, resp.BatchItemFailures)
	// A third invocation orders the output: once it is answered, all the
	// second one wrote has been written.
	resp = invoke(sqsMessage("7b2e5a50-0004-4c1e-9a55-000000000004", `{"Service":"Amazon S3","Event":"s3:TestEvent"}`))
	assert.Empty(t, resp.BatchItemFailures)
	time.Sleep(100 * time.Millisecond)
	assert.Len(t, parseRecords(t, p.Stdout()), want, "the redelivered message outputs no duplicate")
}
