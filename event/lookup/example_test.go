package lookup_test

import (
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail/types"

	"github.com/cachetrail/cachetrail/event/lookup"
)

// A LookupEvents result carries the whole record as a string; Convert
// parses it as event.Parse would.
func ExampleConvert() {
	result := types.Event{
		EventId:   aws.String("92762127-7a68-42ce-8787-927d2174cde1"),
		EventName: aws.String("CreateCacheCluster"),
		CloudTrailEvent: aws.String(`{"eventVersion":"1.08","eventTime":"2014-12-01T22:00:35Z",` +
			`"eventSource":"elasticache.amazonaws.com","eventName":"CreateCacheCluster","awsRegion":"us-west-2",` +
			`"eventID":"92762127-7a68-42ce-8787-927d2174cde1","requestParameters":{"cacheClusterId":"test-memcached"}}`),
	}
	ev, err := lookup.Convert(result)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(ev.EventName, ev.AWSRegion, ev.EventID)

	_, err = lookup.Convert(types.Event{EventId: aws.String("no-record")})
	fmt.Println(err)
	// Output:
	// CreateCacheCluster us-west-2 92762127-7a68-42ce-8787-927d2174cde1
	// lookup: result has no CloudTrailEvent
}
