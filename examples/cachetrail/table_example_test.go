package main

import (
	"fmt"
	"os"

	"github.com/cachetrail/cachetrail/elasticache"
	"github.com/cachetrail/cachetrail/event"
)

// The table of the cachetrail command, for one record given inline.
func ExampleTable() {
	ev := event.MustParse(`{"eventSource":"elasticache.amazonaws.com","eventName":"RebootCacheCluster",
	 "eventTime":"Dec 1, 2014 10:21:30 PM","awsRegion":"us-west-2","recipientAccountId":"123456789012",
	 "userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::123456789012:user/bob"},
	 "requestParameters":{"cacheClusterId":"test-memcached","cacheNodeIdsToReboot":{ }}}`)
	act, err := elasticache.Decode(ev)
	if act == nil {
		fmt.Println(err)
		return
	}
	t := NewTable(os.Stdout)
	t.Add(NewRow(ev, act))
	if err := t.Flush(); err != nil {
		fmt.Println(err)
	}
	// Output:
	// TIME                  REGION     ACCOUNT       ACTOR  ACTION              RESOURCE        OUTCOME
	// 2014-12-01T22:21:30Z  us-west-2  123456789012  bob    RebootCacheCluster  test-memcached  ok
}
