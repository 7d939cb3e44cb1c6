package elasticache

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/internal/gen"
)

// TestGenerated regenerates the package in memory and fails if a committed
// zz_generated file differs, is missing, or is no longer generated.
func TestGenerated(t *testing.T) {
	p, err := gen.LoadPackage(filepath.Join("..", "internal", "gen", "overrides.json"))
	require.NoError(t, err)
	want, err := p.Files()
	require.NoError(t, err)

	for name, src := range want {
		got, err := os.ReadFile(name)
		if err != nil {
			t.Errorf("%s: %v; run go generate ./elasticache", name, err)
			continue
		}
		if diff := cmp.Diff(string(src), string(got)); diff != "" {
			t.Errorf("%s is stale; run go generate ./elasticache (-want +got):\n%s", name, diff)
		}
	}
	wireSrc, err := p.WireFile()
	require.NoError(t, err)
	wirePath := filepath.Join("..", "wire", gen.WireSensitiveFile)
	if got, err := os.ReadFile(wirePath); err != nil {
		t.Errorf("%s: %v; run go generate ./elasticache", wirePath, err)
	} else if diff := cmp.Diff(string(wireSrc), string(got)); diff != "" {
		t.Errorf("%s is stale; run go generate ./elasticache (-want +got):\n%s", wirePath, diff)
	}

	onDisk, err := filepath.Glob(gen.GeneratedPrefix + "*.go")
	require.NoError(t, err)
	for _, name := range onDisk {
		if _, ok := want[name]; !ok && !strings.HasSuffix(name, "_test.go") {
			t.Errorf("%s is not generated any more; delete it or run go generate ./elasticache", name)
		}
	}
}
