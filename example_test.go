package cachetrail_test

import (
	"fmt"
	"strings"

	"github.com/cachetrail/cachetrail/elasticache"
	"github.com/cachetrail/cachetrail/event"
)

// The README's quick start on an inline trail: read, keep ElastiCache,
// decode, and go on past a bad record.
func Example() {
	trail := `{"Records":[
	 {"eventSource":"elasticache.amazonaws.com","eventName":"CreateCacheCluster","eventTime":"2014-12-01T22:00:35Z","awsRegion":"us-west-2",
	  "userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::123456789012:user/bob"},
	  "requestParameters":{"cacheClusterId":"test-memcached","numCacheNodes":2,},"responseElements":{"cacheClusterStatus":"creating"}},
	 {"eventSource":"s3.amazonaws.com","eventName":"GetObject"},
	 {"eventSource":"elasticache.amazonaws.com","eventName":"RebootCacheCluster","requestParameters":{"cacheClusterId":]}
	]}`
	r := event.NewReader(strings.NewReader(trail), event.WithEventSources(elasticache.Source))
	for ev, err := range r.All() {
		if err != nil {
			fmt.Println("error:", err)
			continue
		}
		act, err := elasticache.Decode(ev)
		if act == nil {
			fmt.Println("error:", err)
			continue
		}
		if a, ok := act.(*elasticache.CreateCacheCluster); ok {
			fmt.Println(a.Request.GetCacheClusterID(), a.Request.GetNumCacheNodes(), a.Response.GetCacheClusterStatus())
		}
		fmt.Println(act.Operation(), ev.UserIdentity.Actor())
	}
	// Output:
	// test-memcached 2 creating
	// CreateCacheCluster arn:aws:iam::123456789012:user/bob
	// error: event: record 2: requestParameters: unexpected ']', want a value at offset 543
}
