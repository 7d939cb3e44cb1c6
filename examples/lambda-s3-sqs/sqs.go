package main

import (
	"context"
	"errors"

	"github.com/aws/aws-lambda-go/events"
)

// HandleSQS reads the log files each message announces and names, in its
// response, exactly the messages that failed: SQS deletes the others and
// delivers these again, until the queue's redrive policy moves them to the
// dead-letter queue. The event source mapping must enable
// ReportBatchItemFailures, or the response is ignored and the whole batch
// counts as processed.
//
// Messages are independent, as on a standard queue. A message fails when
// one of its files could not be read through or its body is not a
// notification; files of it read before the failure are read again on
// retry, and Seen keeps their calls from being output twice.
func (p *Processor) HandleSQS(ctx context.Context, ev events.SQSEvent) (events.SQSEventResponse, error) {
	var resp events.SQSEventResponse
	for _, m := range ev.Records {
		if err := p.message(ctx, m.Body); err != nil {
			p.Log.ErrorContext(ctx, "message failed", "messageId", m.MessageId, "error", err.Error())
			resp.BatchItemFailures = append(resp.BatchItemFailures, events.SQSBatchItemFailure{ItemIdentifier: m.MessageId})
		}
	}
	return resp, nil
}

// message reads the log files one message announces.
func (p *Processor) message(ctx context.Context, body string) error {
	if err := ctx.Err(); err != nil {
		return err // out of time: leave it to the next delivery
	}
	objs, err := objectsIn(body)
	if err != nil {
		return err
	}
	var failed []error
	for _, o := range objs {
		if err := p.read(ctx, o); err != nil {
			failed = append(failed, err)
		}
	}
	return errors.Join(failed...)
}
