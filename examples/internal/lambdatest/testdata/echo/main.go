// Command echo is a Lambda function for testing the fake Runtime API: it
// answers with what it was given and what the runtime told it, and fails
// when asked to.
package main

import (
	"context"
	"errors"
	"time"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-lambda-go/lambdacontext"
)

type request struct {
	Say  string `json:"say"`
	Fail bool   `json:"fail"`
}

type response struct {
	Said        string `json:"said"`
	RequestID   string `json:"requestId"`
	FunctionARN string `json:"functionArn"`
	HasDeadline bool   `json:"hasDeadline"`
}

func handle(ctx context.Context, r request) (response, error) {
	if r.Fail {
		return response{}, errors.New("asked to fail")
	}
	lc, _ := lambdacontext.FromContext(ctx)
	d, ok := ctx.Deadline()
	return response{Said: r.Say, RequestID: lc.AwsRequestID, FunctionARN: lc.InvokedFunctionArn,
		HasDeadline: ok && time.Until(d) > 0}, nil
}

func main() { lambda.Start(handle) }
