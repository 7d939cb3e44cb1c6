package gen

import (
	"fmt"
	"strings"
)

// Member classes: what a request member is to the resource the call acts on.
const (
	ClassSetting    = "setting"    // a value the resource keeps
	ClassIdentifier = "identifier" // names the resource the call acts on
	ClassFlag       = "flag"       // steers this call only
)

// Class overrides, for members whose name alone misleads.
const (
	KindSetting    = ClassSetting
	KindIdentifier = ClassIdentifier
	KindFlag       = ClassFlag
)

// flagMembers are call flags by name: paging, timing and dry runs.
var flagMembers = map[string]bool{
	"applyImmediately": true,
	"marker":           true,
	"maxRecords":       true,
	"dryRun":           true,
	"force":            true,
}

// resourceTypeWords lists the resource types of resourceMembers, longest
// first, so an operation name's longest match wins.
var resourceTypeWords = []string{
	"ServerlessCacheSnapshot", "GlobalReplicationGroup", "CacheParameterGroup",
	"CacheSecurityGroup", "ReservedCacheNode", "CacheSubnetGroup",
	"ReplicationGroup", "ServerlessCache", "CacheCluster", "UserGroup",
	"Snapshot", "User",
}

// securityMembers are the request members a security review asks about,
// by wire name, with the reason a change set item gives.
var securityMembers = map[string]string{
	"transitEncryptionEnabled":          "encryption in transit",
	"transitEncryptionMode":             "encryption in transit mode",
	"atRestEncryptionEnabled":           "encryption at rest",
	"authToken":                         "engine AUTH token, a credential",
	"authTokenUpdateStrategy":           "how the engine AUTH token changes",
	"authenticationMode":                "how the user authenticates",
	"passwords":                         "user passwords, credentials",
	"noPasswordRequired":                "lets the user connect without a password",
	"accessString":                      "the user's command and key permissions",
	"appendAccessString":                "adds to the user's command and key permissions",
	"userIds":                           "users granted access through the group",
	"userIdsToAdd":                      "users granted access through the group",
	"userIdsToRemove":                   "users losing access through the group",
	"userGroupId":                       "user group that controls who connects",
	"userGroupIds":                      "user groups that control who connects",
	"userGroupIdsToAdd":                 "user groups that control who connects",
	"userGroupIdsToRemove":              "user groups that control who connects",
	"removeUserGroups":                  "drops user group access control",
	"securityGroupIds":                  "VPC security groups that admit traffic",
	"cacheSecurityGroupNames":           "cache security groups that admit traffic",
	"eC2SecurityGroupName":              "EC2 security group admitted by the ingress rule",
	"eC2SecurityGroupOwnerId":           "account of the security group admitted by the ingress rule",
	"removeUserGroup":                   "drops user group access control",
	"sourceAuthenticationConfiguration": "how ElastiCache authenticates to the migration source",
	"sourceTlsConfiguration":            "encryption in transit to the migration source",
	"networkType":                       "network the cache listens on",
	"ipDiscovery":                       "network addresses the cache advertises",
	"cacheSubnetGroupName":              "subnets the cache is reachable in",
	"subnetIds":                         "subnets the cache is reachable in",
	"targetBucket":                      "exports snapshot data to an S3 bucket",
	"s3BucketName":                      "exports snapshot data to an S3 bucket",
	"kmsKeyId":                          "customer managed key that encrypts the data",
	"logDeliveryConfigurations":         "where engine logs are delivered",
	"finalSnapshotIdentifier":           "final snapshot kept of the deleted data",
	"finalSnapshotName":                 "final snapshot kept of the deleted data",
}

// securityIdentifiers mark identifiers whose call is security-relevant
// whatever it sets: the source of a copy, and resources that grant access.
var securityIdentifiers = map[string]string{
	"sourceSnapshotName":                "copies a snapshot's data",
	"sourceServerlessCacheSnapshotName": "copies a snapshot's data",
	"userId":                            "a user who can connect",
	"userGroupId":                       "user group that controls who connects",
	"cacheSecurityGroupName":            "cache security group that admits traffic",
	"cacheSubnetGroupName":              "subnets the cache is reachable in",
}

// classify sets the class, and the security reason, of every request
// member of op, and op's subject.
func (r *resolver) classify(op *Op) error {
	ov := r.p.Overrides
	word := subjectWord(op.Name)
	for _, f := range op.Request.Fields {
		names, isRes := resourceMembers[f.Wire]
		if isRes && !namesResource(f.Type) {
			isRes = false
		}
		byName := ClassSetting
		switch {
		case flagMembers[f.Wire]:
			byName = ClassFlag
		case isRes && (word == "" || names == word):
			byName = ClassIdentifier
		case op.ReadOnly:
			byName = ClassFlag // a read's other members filter or page it
		}
		f.Class = byName
		n := 0
		for _, k := range []string{KindSetting, KindIdentifier, KindFlag} {
			if !ov.Has(op.SDK.Input.Name, f.SDK.Name, k) {
				continue
			}
			if n++; n > 1 || k == byName {
				return fmt.Errorf("gen: %s.%s: the %q override contradicts another or explains nothing", op.SDK.Input.Name, f.SDK.Name, k)
			}
			f.Class = k
		}
		if f.Class == ClassIdentifier {
			f.Security = securityIdentifiers[f.Wire]
		} else {
			f.Security = securityMembers[f.Wire]
		}
	}
	op.Subject = subject(op)
	return nil
}

// subjectWord returns the longest resource type an operation's name
// contains, or "" when it names none.
func subjectWord(name string) string {
	for _, w := range resourceTypeWords {
		if strings.Contains(name, w) {
			return w
		}
	}
	return ""
}

// subject returns the identifier naming the resource the call changes:
// the target of a copy, else the first identifier that names a resource.
func subject(op *Op) *Field {
	var first *Field
	for _, f := range op.Request.Fields {
		if f.Class != ClassIdentifier {
			continue
		}
		if _, ok := resourceMembers[f.Wire]; !ok {
			continue
		}
		if strings.HasPrefix(f.Wire, "target") {
			return f
		}
		if first == nil {
			first = f
		}
	}
	return first
}
