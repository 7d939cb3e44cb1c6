package main

import (
	"context"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"

	"github.com/cachetrail/cachetrail/elasticache"
	"github.com/cachetrail/cachetrail/event"
)

// process prints the ElastiCache calls of one message and reports whether
// it may be deleted. The body is an EventBridge event; the library's reader
// takes the CloudTrail record out of its detail, and skips events of other
// sources and detail types, which are then done with. A body the reader
// reports an error in is not deleted: SQS delivers it again and, after the
// queue's maxReceiveCount, moves it to the dead-letter queue.
func (c *Consumer) process(ctx context.Context, m types.Message) bool {
	id := aws.ToString(m.MessageId)
	r := event.NewReader(strings.NewReader(aws.ToString(m.Body)),
		event.WithEventSources(elasticache.Source), event.WithSourceName("sqs:"+id))
	defer r.Close()
	var lines []Line
	for ev, err := range r.All() {
		if err != nil {
			c.Log.ErrorContext(ctx, "message not read", "messageId", id, "error", err.Error())
			return false
		}
		a, err := elasticache.Decode(ev)
		if err != nil {
			c.Log.WarnContext(ctx, "payload not fully read", "messageId", id, "eventID", ev.EventID, "error", err.Error())
		}
		if a != nil {
			lines = append(lines, newLine(id, ev, a))
		}
	}
	// Printed only once the whole body has been read: a message left for
	// redrive prints nothing.
	for _, l := range lines {
		if err := c.out.write(l); err != nil {
			c.Log.ErrorContext(ctx, "output not written", "messageId", id, "error", err.Error())
			return false
		}
	}
	return true
}
