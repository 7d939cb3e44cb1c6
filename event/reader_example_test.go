package event_test

import (
	"fmt"
	"strings"

	"github.com/cachetrail/cachetrail/event"
)

// logFile is a small CloudTrail log file as delivered to S3 (gzip or not,
// the reader does not mind): two ElastiCache calls and an S3 call.
const logFile = `{"Records":[
{"eventVersion":"1.09","eventTime":"2024-11-05T10:00:00Z","eventSource":"elasticache.amazonaws.com","eventName":"CreateCacheCluster","awsRegion":"us-east-1","requestParameters":{"cacheClusterId":"sessions","numCacheNodes":1},"responseElements":null},
{"eventVersion":"1.09","eventTime":"2024-11-05T10:00:01Z","eventSource":"s3.amazonaws.com","eventName":"GetObject","awsRegion":"us-east-1","requestParameters":{"bucketName":"logs"},"responseElements":null},
{"eventVersion":"1.09","eventTime":"Nov 5, 2024 10:00:02 AM","eventSource":"elasticache.amazonaws.com","eventName":"RebootCacheCluster","awsRegion":"us-east-1","requestParameters":{"cacheClusterId":"sessions","cacheNodeIdsToReboot":{}},"responseElements":null}
]}`

func ExampleReader_All() {
	r := event.NewReader(strings.NewReader(logFile),
		event.WithSourceName("123456789012_CloudTrail_us-east-1_20241105T1000Z.json.gz"),
		event.WithEventSources("elasticache.amazonaws.com"))
	for ev, err := range r.All() {
		if err != nil {
			fmt.Println(err)
			continue
		}
		o := ev.Origin()
		fmt.Println(o.Index, o.Offset, ev.EventName, ev.EventTime.Time().Format("15:04:05"))
	}
	s := r.Summary()
	fmt.Printf("records %d, returned %d, filtered %d\n", s.Records, s.Returned, s.Filtered)
	// Output:
	// 0 13 CreateCacheCluster 10:00:00
	// 2 471 RebootCacheCluster 10:00:02
	// records 3, returned 2, filtered 1
}

func ExampleWithSkipped() {
	notification := `{"s3Bucket":"trail-bucket","s3ObjectKey":["AWSLogs/123456789012/CloudTrail/us-east-1/2024/11/05/f.json.gz"]}`
	r := event.NewReader(strings.NewReader(notification), event.WithSkipped(func(s event.Skipped) {
		fmt.Println(s.Kind, s.Bucket, s.Keys)
	}))
	for range r.All() {
	}
	// Output:
	// sns trail-bucket [AWSLogs/123456789012/CloudTrail/us-east-1/2024/11/05/f.json.gz]
}

func ExampleParseSNSNotification() {
	msg := `{"Type":"Notification","TopicArn":"arn:aws:sns:us-east-1:123456789012:trail",` +
		`"Message":"{\"s3Bucket\":\"trail-bucket\",\"s3ObjectKey\":[\"a.json.gz\",\"b.json.gz\"]}"}`
	bucket, keys, err := event.ParseSNSNotification([]byte(msg))
	fmt.Println(bucket, keys, err)
	// Output:
	// trail-bucket [a.json.gz b.json.gz] <nil>
}
