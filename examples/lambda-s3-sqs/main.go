// Command lambda-s3-sqs is an AWS Lambda function that hands every Amazon
// ElastiCache call in new CloudTrail log files to a sink, by default one
// JSON line each on standard output (CloudWatch Logs in Lambda).
//
// It is built for S3 ObjectCreated notifications delivered through an SQS
// queue (directly, or through SNS, or CloudTrail's own SNS notification)
// and reports partial batch failures, so that SQS retries only the
// messages whose log file could not be read and parks a poison file in the
// dead-letter queue. With CACHETRAIL_TRIGGER=s3 it takes S3's direct
// invocation instead. template.yaml deploys it; see ../README.md.
package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"

	"github.com/aws/aws-lambda-go/lambda"
)

// triggerEnv selects the event the function takes: "sqs" (the default) or
// "s3". The two need different handler signatures, so the choice is made
// once, at start.
const triggerEnv = "CACHETRAIL_TRIGGER"

// seenEventIDs bounds the memory of emitted events: about 100 bytes each.
const seenEventIDs = 100_000

func main() {
	client, err := newS3Client(context.Background())
	if err != nil {
		fmt.Fprintln(os.Stderr, "lambda-s3-sqs:", err)
		os.Exit(1)
	}
	p := &Processor{
		S3:   client,
		Sink: NewJSONLines(os.Stdout),
		Log:  slog.New(slog.NewJSONHandler(os.Stderr, nil)),
		Seen: NewSeen(seenEventIDs),
	}
	switch t := os.Getenv(triggerEnv); t {
	case "", "sqs":
		lambda.Start(p.HandleSQS)
	case "s3":
		lambda.Start(p.HandleS3)
	default:
		fmt.Fprintf(os.Stderr, "lambda-s3-sqs: %s=%q: want sqs or s3\n", triggerEnv, t)
		os.Exit(1)
	}
}
