package main

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// eventBridge wraps a CloudTrail record as EventBridge delivers it.
func eventBridge(source, record string) string {
	return `{"version":"0","id":"6a7e8feb-b491-4cf7-a9f1-bf3703467718","detail-type":"AWS API Call via CloudTrail",` +
		`"source":"` + source + `","account":"123456789012","time":"2024-05-01T10:00:00Z","region":"eu-west-1",` +
		`"resources":[],"detail":` + record + `}`
}

// createUser is a CreateUser call as CloudTrail would log it if it did not
// hide the passwords itself.
const createUser = `{"eventVersion":"1.09","eventTime":"2024-05-01T10:00:00Z",
"eventSource":"elasticache.amazonaws.com","eventName":"CreateUser","awsRegion":"eu-west-1",
"userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::123456789012:user/bob","accountId":"123456789012"},
"requestParameters":{"userId":"u1","userName":"app","engine":"redis","accessString":"on ~* +@all",
"passwords":["Pa55wordMarkerOne"]},"responseElements":{"userId":"u1","userName":"app"},
"eventID":"e-create-user","recipientAccountId":"123456789012"}`

const s3Call = `{"eventVersion":"1.09","eventTime":"2024-05-01T10:00:00Z","eventSource":"s3.amazonaws.com",
"eventName":"CreateBucket","awsRegion":"eu-west-1","requestParameters":{"bucketName":"b"},"eventID":"e-s3"}`

func sampleEvent(t testing.TB) string {
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "samples", "eventbridge-20141202.json"))
	require.NoError(t, err)
	return string(b)
}

// newClient returns the SDK's SQS client talking to f.
func newClient(t testing.TB, f *fakeSQS) *sqs.Client {
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	return sqs.New(sqs.Options{
		Region:       "us-east-1",
		BaseEndpoint: aws.String(srv.URL),
		Credentials:  credentials.NewStaticCredentialsProvider(testAccessKey, "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", ""),
	})
}

// start runs c until the returned stop is called; stop waits for Run to
// return, failing the test if it takes long.
func start(t *testing.T, c *Consumer) (cancel func(), done <-chan struct{}) {
	ctx, cancel := context.WithCancel(context.Background())
	ch := make(chan struct{})
	go func() {
		defer close(ch)
		c.Run(ctx)
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case <-ch:
		case <-time.After(10 * time.Second):
			t.Error("Run did not return")
		}
	})
	return cancel, ch
}

func waitDone(t *testing.T, done <-chan struct{}) {
	t.Helper()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		require.FailNow(t, "Run did not return")
	}
}

// syncBuffer is a bytes.Buffer safe for the consumer's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

func TestConsumerDeletesOnlyProcessed(t *testing.T) {
	f := newFakeSQS(t)
	f.send("m-sample", sampleEvent(t))
	f.send("m-bad", eventBridge("aws.elasticache", `{"eventSource":"elasticache.amazonaws.com","eventName":"CreateUser"`))
	f.send("m-user", eventBridge("aws.elasticache", createUser))
	f.send("m-s3", eventBridge("aws.s3", s3Call))
	f.send("m-scheduled", `{"version":"0","detail-type":"Scheduled Event","source":"aws.events","detail":{}}`)

	var out, logs syncBuffer
	c := NewConsumer(newClient(t, f), testQueueURL, 10, &out, slog.New(slog.NewJSONHandler(&logs, nil)))
	cancel, done := start(t, c)
	f.waitDeleted(4)
	cancel()
	waitDone(t, done)

	deleted, visible, _ := f.state()
	assert.ElementsMatch(t, []string{"m-sample", "m-user", "m-s3", "m-scheduled"}, deleted, "all but the unreadable body")
	assert.Zero(t, visible)
	f.mu.Lock()
	assert.Len(t, f.inFlight, 1, "m-bad is left to become visible again")
	f.mu.Unlock()

	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	require.Len(t, lines, 2, out.String())
	assert.JSONEq(t, `{"messageId":"m-sample","eventID":"868b66e4-929a-41a7-803c-57f516d66f2f",
		"eventTime":"2014-12-02T11:45:09Z","eventName":"CreateCacheParameterGroup","awsRegion":"us-west-2",
		"accountId":"123456789012","actor":"arn:aws:iam::123456789012:role/CacheAdmin","outcome":"ok",
		"resources":["arn:aws:elasticache:us-west-2:123456789012:parametergroup:redis28-orders"],
		"request":{"cacheParameterGroupName":"redis28-orders","cacheParameterGroupFamily":"redis2.8","description":"orders cache"}}`, lines[0])
	assert.Contains(t, lines[1], `"messageId":"m-user"`)
	assert.Contains(t, lines[1], `"userName":"app"`)
	assert.NotContains(t, out.String(), "Pa55wordMarker", "no secret in the output")
	assert.Contains(t, logs.String(), `"msg":"message not read","messageId":"m-bad"`)
	assert.NotContains(t, out.String(), "m-bad", "nothing printed from a broken record")
}

// blockingWriter holds the first write until released, so that a test can
// act while a message is being processed.
type blockingWriter struct {
	syncBuffer
	once             sync.Once
	started, release chan struct{}
}

func newBlockingWriter(t *testing.T) *blockingWriter {
	w := &blockingWriter{started: make(chan struct{}), release: make(chan struct{})}
	t.Cleanup(w.unblock)
	return w
}

func (w *blockingWriter) unblock() {
	select {
	case <-w.release:
	default:
		close(w.release)
	}
}

func (w *blockingWriter) Write(p []byte) (int, error) {
	w.once.Do(func() {
		close(w.started)
		<-w.release
	})
	return w.syncBuffer.Write(p)
}

func TestShutdownFinishesInFlight(t *testing.T) {
	f := newFakeSQS(t)
	f.send("m-sample", sampleEvent(t))
	f.send("m-user", eventBridge("aws.elasticache", createUser))
	out := newBlockingWriter(t)
	c := NewConsumer(newClient(t, f), testQueueURL, 10, out, slog.New(slog.NewJSONHandler(io.Discard, nil)))
	cancel, done := start(t, c)

	<-out.started
	f.waitFor("the next long poll", func() bool { return f.polling == 1 })
	cancel() // as SIGTERM does
	f.waitFor("the long poll abandoned", func() bool { return f.polling == 0 })
	_, _, asked := f.state()
	f.send("m-late", sampleEvent(t))
	select {
	case <-done:
		require.FailNow(t, "Run returned with a message in flight")
	case <-time.After(100 * time.Millisecond):
	}
	out.unblock()
	waitDone(t, done)

	deleted, visible, askedAfter := f.state()
	assert.ElementsMatch(t, []string{"m-sample", "m-user"}, deleted, "in-flight messages finished and deleted")
	assert.Equal(t, 1, visible, "m-late not received")
	assert.Equal(t, asked, askedAfter, "no ReceiveMessage after the cancellation")
	assert.Equal(t, 2, strings.Count(out.String(), "\n"))
}

func TestMaxInFlight(t *testing.T) {
	f := newFakeSQS(t)
	for _, id := range []string{"m1", "m2", "m3", "m4", "m5", "m6", "m7"} {
		f.send(id, sampleEvent(t))
	}
	out := newBlockingWriter(t)
	c := NewConsumer(newClient(t, f), testQueueURL, 3, out, slog.New(slog.NewJSONHandler(io.Discard, nil)))
	cancel, done := start(t, c)

	<-out.started
	time.Sleep(200 * time.Millisecond) // room for a receive that must not happen
	_, visible, asked := f.state()
	assert.Equal(t, 4, visible, "three in flight")
	assert.Equal(t, []int{3}, asked, "no receive while three are in flight")

	out.unblock()
	f.waitDeleted(7)
	cancel()
	waitDone(t, done)
	_, _, asked = f.state()
	for _, n := range asked {
		assert.LessOrEqual(t, n, 3)
	}
}
