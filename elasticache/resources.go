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

// appendResource adds a resource unless one of the same type and ID is
// already listed; generated Resources methods use it.
func appendResource(rs []Resource, ev *event.Event, t ResourceType, id string) []Resource {
	if id == "" {
		return rs
	}
	r := newResource(ev, t, id)
	for _, x := range rs {
		if x.Type == r.Type && x.ID == r.ID {
			return rs
		}
	}
	return append(rs, r)
}
