// Command lambda-eventbridge is an AWS Lambda function that logs the
// Amazon ElastiCache changes EventBridge delivers as "AWS API Call via
// CloudTrail" events, one JSON log line (log/slog) per change with the
// message "elasticache change". The rule's event pattern is in
// ../README.md.
package main

import (
	"log/slog"
	"os"

	"github.com/aws/aws-lambda-go/lambda"
)

func main() {
	h := &Handler{Log: slog.New(slog.NewJSONHandler(os.Stdout, nil))}
	lambda.Start(h.Handle)
}
