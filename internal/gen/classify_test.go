package gen

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestEveryRequestMemberClassified checks that every request member of
// every operation is exactly one of setting, identifier or flag, and that
// the rules and overrides give the classes a reader expects.
func TestEveryRequestMemberClassified(t *testing.T) {
	p := resolve(t)
	classes := map[string]int{}
	for _, op := range p.Operations {
		for _, f := range op.Request.Fields {
			switch f.Class {
			case ClassSetting, ClassIdentifier, ClassFlag:
				classes[f.Class]++
			default:
				t.Errorf("%s.%s is unclassified (%q)", op.Name, f.Wire, f.Class)
			}
			if op.ReadOnly {
				assert.NotEqual(t, ClassSetting, f.Class, "%s.%s: a read sets nothing", op.Name, f.Wire)
			}
		}
		if !op.ReadOnly && op.Subject == nil {
			assert.NotEmpty(t, subjectWord(op.Name), "%s: no subject member and no resource type in its name", op.Name)
		}
	}
	t.Logf("classes: %v", classes)

	class := func(op, wire string) (string, string) {
		for _, o := range p.Operations {
			if o.Name != op {
				continue
			}
			for _, f := range o.Request.Fields {
				if f.Wire == wire {
					return f.Class, f.Security
				}
			}
		}
		t.Fatalf("no member %s.%s", op, wire)
		return "", ""
	}
	for _, tt := range []struct{ op, wire, class string }{
		{"ModifyReplicationGroup", "replicationGroupId", ClassIdentifier},
		{"ModifyReplicationGroup", "applyImmediately", ClassFlag},
		{"ModifyReplicationGroup", "transitEncryptionMode", ClassSetting},
		{"ModifyReplicationGroup", "cacheParameterGroupName", ClassSetting}, // a reference the group keeps
		{"ModifyReplicationGroup", "nodeGroupId", ClassFlag},                // override: not used
		{"CreateCacheCluster", "replicationGroupId", ClassSetting},
		{"CopySnapshot", "sourceSnapshotName", ClassIdentifier},
		{"CopySnapshot", "targetBucket", ClassSetting},
		{"DescribeCacheClusters", "maxRecords", ClassFlag},
		{"DescribeCacheClusters", "showCacheNodeInfo", ClassFlag},
		{"DescribeCacheClusters", "cacheClusterId", ClassIdentifier},
		{"RebootCacheCluster", "cacheNodeIdsToReboot", ClassFlag},
		{"CreateGlobalReplicationGroup", "globalReplicationGroupIdSuffix", ClassIdentifier},
		{"BatchApplyUpdateAction", "replicationGroupIds", ClassIdentifier},
		{"BatchApplyUpdateAction", "cacheClusterIds", ClassIdentifier},
	} {
		got, _ := class(tt.op, tt.wire)
		assert.Equal(t, tt.class, got, "%s.%s", tt.op, tt.wire)
	}
	for _, tt := range []struct{ op, wire string }{
		{"ModifyReplicationGroup", "transitEncryptionMode"},
		{"ModifyReplicationGroup", "authToken"},
		{"ModifyReplicationGroup", "authTokenUpdateStrategy"},
		{"ModifyUser", "noPasswordRequired"},
		{"ModifyUser", "accessString"},
		{"CopySnapshot", "targetBucket"},
		{"CopySnapshot", "sourceSnapshotName"},
		{"DeleteReplicationGroup", "finalSnapshotIdentifier"},
		{"CreateReplicationGroup", "kmsKeyId"},
		{"AuthorizeCacheSecurityGroupIngress", "eC2SecurityGroupName"},
		{"ModifyCacheSubnetGroup", "subnetIds"},
	} {
		_, why := class(tt.op, tt.wire)
		assert.NotEmpty(t, why, "%s.%s is security-relevant", tt.op, tt.wire)
	}
	_, why := class("ModifyReplicationGroup", "cacheNodeType")
	assert.Empty(t, why)
}

func TestSubject(t *testing.T) {
	p := resolve(t)
	want := map[string]string{
		"CopySnapshot":                  "targetSnapshotName",
		"ModifyReplicationGroup":        "replicationGroupId",
		"AddTagsToResource":             "resourceName",
		"CreateServerlessCacheSnapshot": "serverlessCacheSnapshotName",
		"CreateGlobalReplicationGroup":  "",
	}
	for _, op := range p.Operations {
		w, ok := want[op.Name]
		if !ok {
			continue
		}
		got := ""
		if op.Subject != nil {
			got = op.Subject.Wire
		}
		assert.Equal(t, w, got, op.Name)
	}
}

func TestClassOverrideMustChangeSomething(t *testing.T) {
	m := loadModel(t)
	ov, err := ParseOverrides([]byte(`[{"shape":"ModifyReplicationGroupInput","member":"ApplyImmediately","kind":"flag","evidence":"e"}]`), m)
	require.NoError(t, err)
	_, err = Resolve(m, ov)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "explains nothing")

	_, err = ParseOverrides([]byte(`[{"shape":"CacheCluster","member":"Engine","kind":"flag","evidence":"e"}]`), m)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "operation inputs")
}
