// Command sqs-consumer is a long-running service that reads EventBridge
// "AWS API Call via CloudTrail" events for Amazon ElastiCache from an SQS
// queue and prints each call as one JSON line, secrets redacted.
//
//	CACHETRAIL_QUEUE_URL=https://sqs.us-east-1.amazonaws.com/123456789012/cachetrail go run .
//
// It long-polls the queue, keeps at most CACHETRAIL_MAX_IN_FLIGHT messages
// (default 20) received and not yet deleted, and deletes a message only
// once processed; a body that is not an event is left for the queue's
// redrive policy. On SIGTERM or SIGINT it stops receiving, finishes and
// deletes the messages in flight, and exits 0; a second signal kills it.
package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strconv"
	"syscall"

	awsconfig "github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
)

// The environment variables it reads, besides the SDK's (AWS_REGION,
// credentials, AWS_ENDPOINT_URL_SQS).
const (
	queueURLEnv    = "CACHETRAIL_QUEUE_URL"
	maxInFlightEnv = "CACHETRAIL_MAX_IN_FLIGHT"
)

const defaultMaxInFlight = 20

func main() {
	os.Exit(run(context.Background(), os.Stdout, os.Stderr))
}

// run serves until SIGTERM or SIGINT and returns the exit status: 0 after
// a graceful stop, 1 when the AWS configuration cannot be loaded, 2 for a
// bad environment.
func run(ctx context.Context, stdout, stderr io.Writer) int {
	log := slog.New(slog.NewJSONHandler(stderr, nil))
	queueURL := os.Getenv(queueURLEnv)
	if queueURL == "" {
		fmt.Fprintf(stderr, "sqs-consumer: %s is not set\n", queueURLEnv)
		return 2
	}
	maxInFlight := defaultMaxInFlight
	if s := os.Getenv(maxInFlightEnv); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			fmt.Fprintf(stderr, "sqs-consumer: %s=%q: want a positive number\n", maxInFlightEnv, s)
			return 2
		}
		maxInFlight = n
	}

	ctx, stop := signal.NotifyContext(ctx, syscall.SIGTERM, os.Interrupt)
	defer stop()
	// After the first signal, the next one gets the default action.
	context.AfterFunc(ctx, stop)

	cfg, err := awsconfig.LoadDefaultConfig(ctx)
	if err != nil {
		fmt.Fprintf(stderr, "sqs-consumer: %v\n", err)
		return 1
	}
	c := NewConsumer(sqs.NewFromConfig(cfg), queueURL, maxInFlight, stdout, log)
	log.Info("consuming", "queueUrl", queueURL, "maxInFlight", maxInFlight)
	c.Run(ctx)
	log.Info("stopped")
	return 0
}
