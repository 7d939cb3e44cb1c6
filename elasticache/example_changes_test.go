package elasticache_test

import (
	"fmt"
	"strings"

	"github.com/cachetrail/cachetrail/elasticache"
	"github.com/cachetrail/cachetrail/event"
)

func ExampleChanges() {
	ev, err := event.Parse([]byte(modifyCacheCluster))
	if err != nil {
		fmt.Println(err)
		return
	}
	act, _ := elasticache.Decode(ev)
	for _, c := range elasticache.Changes(act) {
		fmt.Println(c)
	}
	// Output:
	// set cluster/test-memcached numCacheNodes=3 (pending 3)
}

func ExampleHistory() {
	var h elasticache.History
	for _, numCacheNodes := range []string{"3", "5"} {
		ev, err := event.Parse([]byte(strings.Replace(modifyCacheCluster, `"numCacheNodes":3,`, `"numCacheNodes":`+numCacheNodes+`,`, 1)))
		if err != nil {
			fmt.Println(err)
			return
		}
		act, _ := elasticache.Decode(ev)
		for _, st := range h.Add(act) {
			for _, s := range st.Settings {
				before := "unknown"
				if s.HasBefore {
					before = string(s.BeforeJSON)
				}
				fmt.Printf("%s %s %s: %s -> %s\n", st.Person, st.Resource.ID, s.Setting, before, s.AfterJSON)
			}
		}
	}
	// Output:
	// elasticache-allow test-memcached numCacheNodes: unknown -> 3
	// elasticache-allow test-memcached numCacheNodes: 3 -> 5
}

func ExampleLookupOperation_members() {
	info, _ := elasticache.LookupOperation("ModifyReplicationGroup")
	for _, m := range info.Members[:5] {
		fmt.Printf("%s %s %q\n", m.Wire, m.Class, m.Security)
	}
	// Output:
	// replicationGroupId identifier ""
	// applyImmediately flag ""
	// authToken setting "engine AUTH token, a credential"
	// authTokenUpdateStrategy setting "how the engine AUTH token changes"
	// autoMinorVersionUpgrade setting ""
}
