package event_test

import (
	"errors"
	"fmt"

	"github.com/cachetrail/cachetrail/event"
)

// The AWS documentation's own ElastiCache sample, trailing comma and all.
const seedRecord = `{ "eventVersion":"1.01", "userIdentity":{ "type":"IAMUser", "principalId":"EXAMPLEEXAMPLEEXAMPLE", "arn":"arn:aws:iam::123456789012:user/elasticache-allow", "accountId":"123456789012", "accessKeyId":"AKIAIOSFODNN7EXAMPLE", "userName":"elasticache-allow" }, "eventTime":"2014-12-01T22:00:35Z", "eventSource":"elasticache.amazonaws.com", "eventName":"CreateCacheCluster", "awsRegion":"us-west-2", "sourceIPAddress":"192.0.2.01", "userAgent":"AWS CLI/ElastiCache 1.10 API 2014-12-01", "requestParameters":{ "numCacheNodes":2, "cacheClusterId":"test-memcached", "engine":"memcached", "aZMode":"cross-az", "cacheNodeType":"cache.m1.small", }, "responseElements":null, "requestID":"104f30b3-3548-11e4-b7b8-6d79ffe84edd", "eventID":"92762127-7a68-42ce-8787-927d2174cde1" }`

func ExampleParse() {
	ev, err := event.Parse([]byte(seedRecord))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(ev.EventName, ev.EventTime.Time(), ev.AWSRegion)
	fmt.Println(ev.UserIdentity.Actor())
	addr, _ := ev.SourceAddr()
	fmt.Println(addr)
	for _, q := range ev.Quirks() {
		fmt.Println(q.Kind, q.Path)
	}
	// Output:
	// CreateCacheCluster 2014-12-01 22:00:35 +0000 UTC us-west-2
	// arn:aws:iam::123456789012:user/elasticache-allow
	// 192.0.2.1
	// non-canonical-ip sourceIPAddress
	// trailing-comma requestParameters
}

func ExampleStrict() {
	_, err := event.Parse([]byte(seedRecord), event.Strict())
	var de *event.DecodeError
	if errors.As(err, &de) {
		fmt.Println(de.Quirk, de.Path)
	}
	fmt.Println(errors.Is(err, event.ErrQuirk))
	// Output:
	// non-canonical-ip sourceIPAddress
	// true
}

func Example_unknownMembers() {
	ev := event.MustParse(`{"eventName":"X","futureField":{"a":1}}`)
	fmt.Println(ev.Unknown.Names())
	out, _ := ev.MarshalJSON()
	fmt.Println(string(out))
	// Output:
	// [futureField]
	// {"eventName":"X","futureField":{"a":1}}
}
