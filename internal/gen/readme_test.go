package gen

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestReadme checks the reference page lists every operation once, with
// its link and facts, and that the committed elasticache/README.md is
// current.
func TestReadme(t *testing.T) {
	p := resolve(t)
	page := string(p.Readme())
	rows := 0
	for line := range strings.Lines(page) {
		if strings.HasPrefix(line, "| [") {
			rows++
		}
	}
	assert.Equal(t, 77, rows)
	for _, op := range p.Operations {
		assert.Equal(t, 1, strings.Count(page, "| ["+op.Name+"]("+op.DocURL+") |"), op.Name)
	}
	for _, want := range []string{
		"| [CreateCacheCluster](https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_CreateCacheCluster.html) | no | `cacheClusterId`* (id), `aZMode`, `authToken` (sensitive) (security),",
		"| the `cacheCluster` structure itself: CacheCluster | CacheCluster, CacheParameterGroup, CacheSecurityGroup, CacheSubnetGroup, ReplicationGroup, Snapshot |",
		"| [DescribeCacheClusters](https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_DescribeCacheClusters.html) | yes |",
		"| [AddTagsToResource](https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_AddTagsToResource.html) | no | `resourceName`* (id), `tags`* | `tagList` | by ARN |",
		"| ModifyReplicationGroup | `transitEncryptionMode` | encryption in transit mode |",
	} {
		assert.Contains(t, page, want)
	}

	got, err := os.ReadFile(filepath.Join("..", "..", "elasticache", ReadmeFile))
	require.NoError(t, err, "run go generate ./elasticache")
	if diff := cmp.Diff(page, string(got)); diff != "" {
		t.Errorf("elasticache/README.md is stale; run go generate ./elasticache (-want +got):\n%s", diff)
	}
}
