package gen

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"
)

// TestGenerated regenerates package elasticache in memory and fails if a
// committed zz_generated file differs, is missing, or is no longer
// generated. It lives here, not in elasticache, so that the elasticache
// test binary (and its benchmarks) does not link the SDK: the SDK's model
// keeps some 600 KB live from init, which every collection would scan.
func TestGenerated(t *testing.T) {
	p, err := LoadPackage("overrides.json")
	require.NoError(t, err)
	want, err := p.Files()
	require.NoError(t, err)

	dir := filepath.Join("..", "..", "elasticache")
	for name, src := range want {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Errorf("%s: %v; run go generate ./elasticache", name, err)
			continue
		}
		if diff := cmp.Diff(string(src), string(got)); diff != "" {
			t.Errorf("%s is stale; run go generate ./elasticache (-want +got):\n%s", name, diff)
		}
	}
	for _, other := range []struct {
		path string
		src  func() ([]byte, error)
	}{
		{filepath.Join("..", "..", "wire", WireSensitiveFile), p.WireFile},
		{filepath.Join("..", "..", "internal", "secrettest", SecretTestFile), p.SecretTestFileSource},
	} {
		src, err := other.src()
		require.NoError(t, err)
		if got, err := os.ReadFile(other.path); err != nil {
			t.Errorf("%s: %v; run go generate ./elasticache", other.path, err)
		} else if diff := cmp.Diff(string(src), string(got)); diff != "" {
			t.Errorf("%s is stale; run go generate ./elasticache (-want +got):\n%s", other.path, diff)
		}
	}

	onDisk, err := filepath.Glob(filepath.Join(dir, GeneratedPrefix+"*.go"))
	require.NoError(t, err)
	for _, path := range onDisk {
		name := filepath.Base(path)
		if _, ok := want[name]; !ok && !strings.HasSuffix(name, "_test.go") {
			t.Errorf("%s is not generated any more; delete it or run go generate ./elasticache", name)
		}
	}
}

// TestGeneratedCodecs regenerates the codecs of packages event and userid
// in memory and fails if a committed zz_generated file differs, is
// missing, or is no longer generated.
func TestGeneratedCodecs(t *testing.T) {
	for _, p := range CodecPackages {
		dir := filepath.Join("..", "..", p.Name)
		want, err := p.CodecFiles(dir)
		require.NoError(t, err)
		for name, src := range want {
			got, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Errorf("%s/%s: %v; run go generate ./%s", p.Name, name, err, p.Name)
				continue
			}
			if diff := cmp.Diff(string(src), string(got)); diff != "" {
				t.Errorf("%s/%s is stale; run go generate ./%s (-want +got):\n%s", p.Name, name, p.Name, diff)
			}
		}
		onDisk, err := filepath.Glob(filepath.Join(dir, GeneratedPrefix+"*.go"))
		require.NoError(t, err)
		for _, path := range onDisk {
			name := filepath.Base(path)
			if _, ok := want[name]; !ok && !strings.HasSuffix(name, "_test.go") {
				t.Errorf("%s/%s is not generated any more; delete it or run go generate ./%s", p.Name, name, p.Name)
			}
		}
	}
}
