package gen

import (
	"maps"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
)

func TestSplitWords(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"CacheClusterId", []string{"Cache", "Cluster", "Id"}},
		{"AZMode", []string{"AZ", "Mode"}},
		{"ARN", []string{"ARN"}},
		{"ReservationARN", []string{"Reservation", "ARN"}},
		{"EC2SecurityGroupOwnerId", []string{"EC2", "Security", "Group", "Owner", "Id"}},
		{"ECPUPerSecond", []string{"ECPU", "Per", "Second"}},
		{"PreferredCacheClusterAZs", []string{"Preferred", "Cache", "Cluster", "AZs"}},
		{"MultiAZStatus", []string{"Multi", "AZ", "Status"}},
		{"IpDiscoveryIpv4", []string{"Ip", "Discovery", "Ipv4"}},
		{"Ipv6Address", []string{"Ipv6", "Address"}},
		{"CacheNodeIdsToReboot", []string{"Cache", "Node", "Ids", "To", "Reboot"}},
		{"SnapshotArnsToRestore", []string{"Snapshot", "Arns", "To", "Restore"}},
		{"Identifier", []string{"Identifier"}},
		{"x", []string{"x"}},
		{"", nil},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			t.Parallel()
			if diff := cmp.Diff(tt.want, SplitWords(tt.in)); diff != "" {
				t.Errorf("SplitWords(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestGoName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"CacheClusterId", "CacheClusterID"},
		{"CacheNodeIdsToReboot", "CacheNodeIDsToReboot"},
		{"NotificationTopicArn", "NotificationTopicARN"},
		{"SnapshotArns", "SnapshotARNs"},
		{"AZMode", "AZMode"},
		{"AZModeSingleAz", "AZModeSingleAZ"},
		{"PreferredCacheClusterAZs", "PreferredCacheClusterAZs"},
		{"VpcId", "VPCID"},
		{"IpDiscovery", "IPDiscovery"},
		{"NetworkTypeIpv4", "NetworkTypeIPv4"},
		{"SourceTlsConfiguration", "SourceTLSConfiguration"},
		{"KmsKeyId", "KMSKeyID"},
		{"Ec2SecurityGroup", "EC2SecurityGroup"},
		{"LogFormatJson", "LogFormatJSON"},
		{"InputAuthenticationTypeIam", "InputAuthenticationTypeIAM"},
		{"FinalSnapshotIdentifier", "FinalSnapshotIdentifier"},
		{"IdleTimeout", "IdleTimeout"},
		{"Osx", "Osx"},
		{"TargetOs", "TargetOS"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, GoName(tt.in), "GoName(%q)", tt.in)
	}
}

func TestWireName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"CacheClusterId", "cacheClusterId"},
		{"AZMode", "aZMode"},
		{"ARN", "aRN"},
		{"", ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, WireName(tt.in), "WireName(%q)", tt.in)
	}
}

// TestNamingRoundTrip checks every generated field: the table applied to its
// wire name gives its Go name, and the Go name converts back to the wire
// name. It also checks that sdkCapitals lists exactly the names that need it
// and that no Go name stands for two wire names.
func TestNamingRoundTrip(t *testing.T) {
	p := resolve(t)
	needed := map[string]string{}
	wireOf := map[string]string{}
	n := 0
	for _, s := range p.AllShapes() {
		for _, f := range s.Fields {
			n++
			assert.Equal(t, f.Name, GoName(capitalize(f.Wire)), "%s.%s: Go name of %q", s.Name, f.Name, f.Wire)
			assert.Equal(t, f.Wire, WireNameOf(f.Name), "%s.%s: wire name", s.Name, f.Name)
			if prev, ok := wireOf[f.Name]; ok && prev != f.Wire {
				t.Errorf("Go name %s stands for %q and %q", f.Name, prev, f.Wire)
			}
			wireOf[f.Name] = f.Wire
			if plainAPIName(f.Name) != f.SDK.Name {
				needed[f.Name] = f.SDK.Name
			}
		}
	}
	assert.Greater(t, n, 900)
	if diff := cmp.Diff(needed, sdkCapitals); diff != "" {
		t.Errorf("sdkCapitals mismatch (-needed +listed):\n%s", diff)
	}
}

// plainAPIName is APIName without the sdkCapitals exceptions.
func plainAPIName(goName string) string {
	saved := sdkCapitals
	sdkCapitals = nil
	defer func() { sdkCapitals = saved }()
	return APIName(goName)
}

// TestInitialismsInverse checks the table can be reversed.
func TestInitialismsInverse(t *testing.T) {
	assert.Len(t, reverseInitialisms, len(initialisms))
	for _, k := range slices.Sorted(maps.Keys(initialisms)) {
		g := initialisms[k]
		assert.Equal(t, k, plainAPIName(g), "APIName(%q)", g)
		assert.Equal(t, g, GoName(k), "GoName(%q)", k)
	}
}

func TestEnumConstNames(t *testing.T) {
	p := resolve(t)
	got := map[string]string{}
	for _, e := range p.Enums {
		for _, c := range e.Consts {
			got[c.Name] = c.Value
		}
	}
	want := map[string]string{
		"AZModeSingleAZ":              "single-az",
		"IPDiscoveryIPv6":             "ipv6",
		"NetworkTypeDualStack":        "dual_stack",
		"TLSModeVerifyCa":             "verify-ca",
		"LogFormatJSON":               "json",
		"AuthenticationTypeIAM":       "iam",
		"ConnectionTypeVPC":           "vpc",
		"StorageEncryptionTypeSseKMS": "sse-kms",
		"MultiAZStatusEnabled":        "enabled",
	}
	for name, v := range want {
		assert.Equal(t, v, got[name], name)
	}
}

func TestSnakeCase(t *testing.T) {
	assert.Equal(t, "create_cache_cluster", SnakeCase("CreateCacheCluster"))
	assert.Equal(t, "list_tags_for_resource", SnakeCase("ListTagsForResource"))
}
