// Package lookup reads ElastiCache events from CloudTrail's event history
// through the LookupEvents API of the AWS SDK for Go v2, as [event.Event]
// values. It is the only package of the module that imports the SDK.
package lookup

import (
	"context"
	"errors"
	"iter"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail/types"

	"github.com/cachetrail/cachetrail/elasticache"
	"github.com/cachetrail/cachetrail/event"
)

// SourceName is the Origin.Source of the events Events returns.
const SourceName = "LookupEvents"

// ErrNoRecord is returned by Convert for a result without the record text
// (CloudTrailEvent), which LookupEvents normally always sends.
var ErrNoRecord = errors.New("lookup: result has no CloudTrailEvent")

// Convert parses the record that comes with one LookupEvents result, its
// CloudTrailEvent member, as event.Parse does with opts.
func Convert(e types.Event, opts ...event.Option) (*event.Event, error) {
	if e.CloudTrailEvent == nil {
		return nil, ErrNoRecord
	}
	return event.Parse([]byte(*e.CloudTrailEvent), opts...)
}

// Events returns the ElastiCache events recorded from start up to end,
// newest first as LookupEvents returns them, reading every page through
// the SDK's paginator (the SDK retries throttled calls). Each event is
// parsed with opts; its Origin has Source SourceName and the event's
// position in the results as Index. A failed call yields its error and
// ends the sequence.
func Events(ctx context.Context, client cloudtrail.LookupEventsAPIClient, start, end time.Time, opts ...event.Option) iter.Seq2[*event.Event, error] {
	return func(yield func(*event.Event, error) bool) {
		p := cloudtrail.NewLookupEventsPaginator(client, &cloudtrail.LookupEventsInput{
			StartTime: aws.Time(start),
			EndTime:   aws.Time(end),
			LookupAttributes: []types.LookupAttribute{{
				AttributeKey:   types.LookupAttributeKeyEventSource,
				AttributeValue: aws.String(elasticache.Source),
			}},
			MaxResults: aws.Int32(50),
		})
		index := 0
		for p.HasMorePages() {
			page, err := p.NextPage(ctx)
			if err != nil {
				yield(nil, err)
				return
			}
			for _, e := range page.Events {
				o := append([]event.Option{event.WithOrigin(event.Origin{Source: SourceName, Index: index})}, opts...)
				index++
				ev, err := Convert(e, o...)
				if !yield(ev, err) {
					return
				}
			}
		}
	}
}
