package elasticache

import (
	"hash/maphash"
	"math/bits"
	"strings"

	"github.com/cachetrail/cachetrail/event"
)

// ResourceType names a kind of ElastiCache resource. The values are the
// resource-type words of ElastiCache ARNs.
type ResourceType string

// The resource types an action can name.
const (
	ResourceTypeCacheCluster            ResourceType = "cluster"
	ResourceTypeReplicationGroup        ResourceType = "replicationgroup"
	ResourceTypeGlobalReplicationGroup  ResourceType = "globalreplicationgroup"
	ResourceTypeServerlessCache         ResourceType = "serverlesscache"
	ResourceTypeSnapshot                ResourceType = "snapshot"
	ResourceTypeServerlessCacheSnapshot ResourceType = "serverlesscachesnapshot"
	ResourceTypeUser                    ResourceType = "user"
	ResourceTypeUserGroup               ResourceType = "usergroup"
	ResourceTypeCacheParameterGroup     ResourceType = "parametergroup"
	ResourceTypeCacheSubnetGroup        ResourceType = "subnetgroup"
	ResourceTypeCacheSecurityGroup      ResourceType = "securitygroup"
	ResourceTypeReservedCacheNode       ResourceType = "reserved-instance"
)

// Resource is an ElastiCache resource an action names.
type Resource struct {
	Type ResourceType
	ID   string // the identifier or name as the call gave it
	// ARN is derived from the event's region and account, or is the ID
	// itself when the call named the resource by ARN. It is empty when
	// the account is unknown.
	ARN string
}

// newResource builds a Resource for id, deriving the ARN. An id that is
// an ElastiCache ARN gives its own type and name.
func newResource(ev *event.Event, t ResourceType, id string) Resource {
	if strings.HasPrefix(id, "arn:") {
		// arn:PARTITION:elasticache:REGION:ACCOUNT:TYPE:NAME, cut without
		// allocating a slice of the parts.
		var parts [5]string // PARTITION to TYPE
		rest, ok := id[len("arn:"):], true
		for i := range parts {
			if parts[i], rest, ok = strings.Cut(rest, ":"); !ok {
				break
			}
		}
		if ok && parts[1] == "elasticache" {
			return Resource{Type: ResourceType(parts[4]), ID: rest, ARN: id}
		}
		return Resource{Type: t, ID: id, ARN: id}
	}
	r := Resource{Type: t, ID: id}
	if ev == nil || id == "" {
		return r
	}
	account := ev.RecipientAccountID
	if account == "" {
		account = ev.UserIdentity.AccountID
	}
	if account == "" || ev.AWSRegion == "" {
		return r
	}
	region := ev.AWSRegion
	if t == ResourceTypeGlobalReplicationGroup {
		region = ""
	}
	r.ARN = "arn:" + partition(ev.AWSRegion) + ":elasticache:" + region + ":" + account + ":" + string(t) + ":" + id
	return r
}

// partition returns the ARN partition of a region.
func partition(region string) string {
	switch {
	case strings.HasPrefix(region, "cn-"):
		return "aws-cn"
	case strings.HasPrefix(region, "us-gov-"):
		return "aws-us-gov"
	case strings.HasPrefix(region, "us-isob-"):
		return "aws-iso-b"
	case strings.HasPrefix(region, "us-iso-"):
		return "aws-iso"
	case strings.HasPrefix(region, "eu-isoe-"):
		return "aws-iso-e"
	}
	return "aws"
}

// resourceList collects the resources an action names, each type and ID
// once, in order of first appearance; generated Resources methods use it.
// A request can list any number of ids, so past a few entries a hash set
// finds the duplicates, keeping Resources linear. The set holds indexes
// into rs, no pointers, so it costs the garbage collector nothing.
type resourceList struct {
	rs    []Resource
	slots []int32 // open addressing: 1 + an index into rs, 0 when free
}

// resourceScan is the size up to which a scan of the list is cheaper than
// the set.
const resourceScan = 16

// resourceSeed keys the hash of the set, which callers cannot predict.
var resourceSeed = maphash.MakeSeed()

// add adds the resource id of type t unless id is empty or one of the same
// type and ID is already listed.
func (l *resourceList) add(ev *event.Event, t ResourceType, id string) {
	if id == "" {
		return
	}
	var r Resource
	if strings.HasPrefix(id, "arn:") {
		// The ARN gives the type and ID.
		r = newResource(ev, t, id)
		t, id = r.Type, r.ID
	}
	slot := -1
	if l.slots != nil {
		var found bool
		if slot, found = l.find(t, id); found {
			return
		}
	} else {
		for _, x := range l.rs {
			if x.Type == t && x.ID == id {
				return
			}
		}
	}
	if r.ARN == "" {
		r = newResource(ev, t, id)
	}
	l.rs = append(l.rs, r)
	switch {
	case slot >= 0 && 2*len(l.rs) <= len(l.slots):
		l.slots[slot] = int32(len(l.rs))
	case len(l.rs) > resourceScan:
		l.rehash()
	}
}

// find returns the slot holding the resource of type t and ID id, or the
// free slot where it goes.
func (l *resourceList) find(t ResourceType, id string) (int, bool) {
	mask := len(l.slots) - 1
	for i := int(maphash.String(resourceSeed, id)) & mask; ; i = (i + 1) & mask {
		j := l.slots[i]
		if j == 0 {
			return i, false
		}
		if x := &l.rs[j-1]; x.ID == id && x.Type == t {
			return i, true
		}
	}
}

// rehash rebuilds the set with a power of two slots, at least four per
// resource.
func (l *resourceList) rehash() {
	l.slots = make([]int32, 1<<bits.Len(uint(4*len(l.rs))))
	rs := l.rs
	l.rs = l.rs[:0]
	for _, r := range rs {
		i, _ := l.find(r.Type, r.ID)
		l.rs = append(l.rs, r)
		l.slots[i] = int32(len(l.rs))
	}
}

// list returns the resources collected, nil when none.
func (l *resourceList) list() []Resource { return l.rs }
