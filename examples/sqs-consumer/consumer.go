package main

import (
	"context"
	"io"
	"log/slog"
	"strconv"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"
)

// SQS limits: messages per ReceiveMessage and entries per
// DeleteMessageBatch, and the longest long poll.
const (
	maxBatch        = 10
	waitTimeSeconds = 20
)

// Consumer reads EventBridge events from an SQS queue and prints the
// ElastiCache calls they carry.
type Consumer struct {
	Client   *sqs.Client
	QueueURL string
	// MaxInFlight bounds the messages received and not yet deleted, which
	// bounds memory and the work a shutdown waits for.
	MaxInFlight int
	Log         *slog.Logger

	out *lineWriter
}

// NewConsumer returns a Consumer printing to out.
func NewConsumer(client *sqs.Client, queueURL string, maxInFlight int, out io.Writer, log *slog.Logger) *Consumer {
	return &Consumer{Client: client, QueueURL: queueURL, MaxInFlight: max(maxInFlight, 1), Log: log, out: newLineWriter(out)}
}

// Run receives until ctx ends, then waits for the messages in flight to
// be processed and deleted, and returns. Messages are deleted only once
// processed, so a crash loses none: SQS delivers them again after their
// visibility timeout (and lines may then repeat; eventID identifies them).
func (c *Consumer) Run(ctx context.Context) {
	slots := make(chan struct{}, c.MaxInFlight)
	// Work already received is finished even after ctx ends.
	work := context.WithoutCancel(ctx)
	var wg sync.WaitGroup
	backoff := time.Second
	for {
		n := acquire(ctx, slots, min(maxBatch, c.MaxInFlight))
		if n == 0 {
			break
		}
		out, err := c.Client.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{
			QueueUrl:            aws.String(c.QueueURL),
			MaxNumberOfMessages: int32(n),
			WaitTimeSeconds:     waitTimeSeconds,
		})
		if err != nil {
			release(slots, n)
			if ctx.Err() != nil {
				break
			}
			// The SDK has retried already; wait before polling again.
			c.Log.ErrorContext(ctx, "receive failed", "error", err.Error(), "retryIn", backoff.String())
			select {
			case <-ctx.Done():
			case <-time.After(backoff):
			}
			backoff = min(2*backoff, time.Minute)
			continue
		}
		backoff = time.Second
		release(slots, n-len(out.Messages))
		if len(out.Messages) == 0 {
			continue
		}
		wg.Add(1)
		go func(msgs []types.Message) {
			defer wg.Done()
			defer release(slots, len(msgs))
			c.handle(work, msgs)
		}(out.Messages)
	}
	wg.Wait()
}

// handle processes one received batch and deletes what was processed.
func (c *Consumer) handle(ctx context.Context, msgs []types.Message) {
	var done []types.DeleteMessageBatchRequestEntry
	for i, m := range msgs {
		if c.process(ctx, m) {
			done = append(done, types.DeleteMessageBatchRequestEntry{Id: aws.String(strconv.Itoa(i)), ReceiptHandle: m.ReceiptHandle})
		}
	}
	if len(done) == 0 {
		return
	}
	out, err := c.Client.DeleteMessageBatch(ctx, &sqs.DeleteMessageBatchInput{QueueUrl: aws.String(c.QueueURL), Entries: done})
	if err != nil {
		c.Log.ErrorContext(ctx, "delete failed; the messages will be delivered again", "messages", len(done), "error", err.Error())
		return
	}
	for _, f := range out.Failed {
		i, _ := strconv.Atoi(aws.ToString(f.Id))
		c.Log.ErrorContext(ctx, "delete failed; the message will be delivered again",
			"messageId", aws.ToString(msgs[i].MessageId), "code", aws.ToString(f.Code), "error", aws.ToString(f.Message))
	}
}

// acquire waits for one free slot, then takes up to limit-1 more without
// waiting, and returns how many it took: 0 when ctx ended first.
func acquire(ctx context.Context, slots chan struct{}, limit int) int {
	select {
	case <-ctx.Done():
		return 0
	case slots <- struct{}{}:
	}
	n := 1
	for n < limit {
		select {
		case slots <- struct{}{}:
			n++
		default:
			return n
		}
	}
	return n
}

func release(slots chan struct{}, n int) {
	for range n {
		<-slots
	}
}
