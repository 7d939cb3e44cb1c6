package elasticache_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/cachetrail/cachetrail/elasticache"
	"github.com/cachetrail/cachetrail/event"
)

func ExampleDecode() {
	data, err := os.ReadFile("../testdata/seed/modify_cache_cluster.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	ev, err := event.Parse(data)
	if err != nil {
		fmt.Println(err)
		return
	}
	act, err := elasticache.Decode(ev)
	if err != nil {
		fmt.Println(err)
		return
	}
	switch a := act.(type) {
	case *elasticache.ModifyCacheCluster:
		fmt.Println(a.Request.GetCacheClusterID(), a.Request.GetNumCacheNodes(), a.Request.GetApplyImmediately())
		fmt.Println(a.Response.GetCacheClusterStatus(), a.Response.CacheClusterCreateTime.Time())
		fmt.Println(a.Response.PendingModifiedValues.GetNumCacheNodes(), a.Response.ConfigurationEndpoint.GetPort())
	}
	for _, r := range act.Resources() {
		fmt.Println(r.Type, r.ARN)
	}
	// Output:
	// test-memcached 3 true
	// modifying 2014-12-01 22:16:06 +0000 UTC
	// 3 11211
	// cluster arn:aws:elasticache:us-west-2:123456789012:cluster:test-memcached
}

func ExampleActions() {
	trail := `{"Records":[
	 {"eventSource":"ec2.amazonaws.com","eventName":"RunInstances"},
	 {"eventSource":"elasticache.amazonaws.com","eventName":"DeleteCacheCluster","awsRegion":"us-east-1","recipientAccountId":"123456789012","requestParameters":{"cacheClusterId":"old-cache"}}
	]}`
	for act, err := range elasticache.Actions(strings.NewReader(trail)) {
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(act.Operation(), act.Resources()[0].ID)
	}
	// Output:
	// DeleteCacheCluster old-cache
}
