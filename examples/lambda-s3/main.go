// Command lambda-s3 is an AWS Lambda function that logs the Amazon
// ElastiCache changes in CloudTrail log files as they arrive in S3.
//
// Subscribe it to the trail bucket's ObjectCreated notifications, directly
// or through SNS or SQS, or to the SNS topic CloudTrail notifies. Each
// change becomes one JSON log line (log/slog) in CloudWatch Logs with the
// message "elasticache change". See ../README.md for building and deploying.
package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"

	"github.com/aws/aws-lambda-go/lambda"
)

func main() {
	client, err := newS3Client(context.Background())
	if err != nil {
		fmt.Fprintln(os.Stderr, "lambda-s3:", err)
		os.Exit(1)
	}
	h := &Handler{S3: client, Log: slog.New(slog.NewJSONHandler(os.Stdout, nil))}
	lambda.Start(h.Handle)
}
