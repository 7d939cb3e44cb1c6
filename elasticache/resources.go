package elasticache

import (
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
		// arn:PARTITION:elasticache:REGION:ACCOUNT:TYPE:NAME
		parts := strings.SplitN(id, ":", 7)
		if len(parts) == 7 && parts[2] == "elasticache" {
			return Resource{Type: ResourceType(parts[5]), ID: parts[6], ARN: id}
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
// A request can list any number of ids, so past a few entries a set finds
// the duplicates, keeping Resources linear.
type resourceList struct {
	rs   []Resource
	seen map[resourceKey]struct{}
}

type resourceKey struct {
	t  ResourceType
	id string
}

// resourceScan is the size up to which a scan of the list is cheaper than
// a set.
const resourceScan = 16

// add adds the resource id of type t unless id is empty or one of the same
// type and ID is already listed.
func (l *resourceList) add(ev *event.Event, t ResourceType, id string) {
	if id == "" {
		return
	}
	var r Resource
	k := resourceKey{t, id}
	if strings.HasPrefix(id, "arn:") {
		// The ARN gives the type and ID.
		r = newResource(ev, t, id)
		k = resourceKey{r.Type, r.ID}
	}
	if l.seen != nil {
		// One map operation: the set grows unless k is in it.
		n := len(l.seen)
		if l.seen[k] = struct{}{}; len(l.seen) == n {
			return
		}
	} else {
		for _, x := range l.rs {
			if x.Type == k.t && x.ID == k.id {
				return
			}
		}
	}
	if r.ID == "" {
		r = newResource(ev, t, id)
	}
	l.rs = append(l.rs, r)
	if l.seen == nil && len(l.rs) > resourceScan {
		l.seen = make(map[resourceKey]struct{}, 4*len(l.rs))
		for _, x := range l.rs {
			l.seen[resourceKey{x.Type, x.ID}] = struct{}{}
		}
	}
}

// list returns the resources collected, nil when none.
func (l *resourceList) list() []Resource { return l.rs }
