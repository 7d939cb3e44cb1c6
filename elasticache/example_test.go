package elasticache_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/cachetrail/cachetrail/elasticache"
	"github.com/cachetrail/cachetrail/event"
)

// modifyCacheCluster is the AWS documentation's ModifyCacheCluster sample,
// inline so that the example needs no file: a Gson-style timestamp, "{ }"
// for an empty list and a leading-zero IP address, as CloudTrail wrote it.
const modifyCacheCluster = `{"eventVersion":"1.01",
 "userIdentity":{"type":"IAMUser","principalId":"EXAMPLEEXAMPLEEXAMPLE","arn":"arn:aws:iam::123456789012:user/elasticache-allow","accountId":"123456789012","accessKeyId":"AKIAIOSFODNN7EXAMPLE","userName":"elasticache-allow"},
 "eventTime":"2014-12-01T22:32:21Z","eventSource":"elasticache.amazonaws.com","eventName":"ModifyCacheCluster",
 "awsRegion":"us-west-2","sourceIPAddress":"192.0.2.01","userAgent":"AWS CLI/ElastiCache 1.10 API 2014-12-01",
 "requestParameters":{"applyImmediately":true,"numCacheNodes":3,"cacheClusterId":"test-memcached"},
 "responseElements":{"engine":"memcached","cacheParameterGroup":{"cacheParameterGroupName":"default.memcached1.4","cacheNodeIdsToReboot":{ },"parameterApplyStatus":"in-sync"},
  "cacheClusterCreateTime":"Dec 1, 2014 10:16:06 PM","numCacheNodes":2,"cacheNodeType":"cache.m1.small","cacheClusterStatus":"modifying",
  "cacheClusterId":"test-memcached","engineVersion":"1.4.14",
  "configurationEndpoint":{"address":"test-memcached.example.cfg.use1prod.cache.amazonaws.com","port":11211},
  "pendingModifiedValues":{"numCacheNodes":3}},
 "requestID":"807f4bc3-354c-11e4-9376-c1d979ba565a","eventID":"e9163565-376f-4223-96e9-9f50528da645"}`

func ExampleDecode() {
	ev, err := event.Parse([]byte(modifyCacheCluster))
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

// Decode returns no action for another service's record: check the action,
// not only the error, before using it.
func ExampleDecode_otherService() {
	ev := event.MustParse(`{"eventSource":"s3.amazonaws.com","eventName":"GetObject"}`)
	act, err := elasticache.Decode(ev)
	fmt.Println(act == nil, errors.Is(err, elasticache.ErrNotElastiCache))
	// Output:
	// true true
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
