package elasticache

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestResourceARNLikeSplitN compares how newResource reads an ARN with the
// strings.SplitN it replaced, on random text made of an ARN's bytes.
func TestResourceARNLikeSplitN(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(9, 10))
	for range 20000 {
		b := make([]byte, r.IntN(20))
		for i := range b {
			b[i] = "a:elasticache:/"[r.IntN(15)]
		}
		id := "arn:" + string(b)
		if r.IntN(2) == 0 {
			id = "arn:aws:elasticache:" + string(b)
		}
		want := Resource{Type: ResourceTypeCacheCluster, ID: id, ARN: id}
		if parts := strings.SplitN(id, ":", 7); len(parts) == 7 && parts[2] == "elasticache" {
			want = Resource{Type: ResourceType(parts[5]), ID: parts[6], ARN: id}
		}
		require.Equal(t, want, newResource(nil, ResourceTypeCacheCluster, id), id)
	}
}
