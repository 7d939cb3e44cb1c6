package schema_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/internal/gen"
	"github.com/cachetrail/cachetrail/internal/schemagen"
)

// TestGenerated regenerates the documents in memory and fails if a
// committed one differs, is missing, or is no longer generated.
func TestGenerated(t *testing.T) {
	p, err := gen.LoadPackage(filepath.Join("..", "internal", "gen", "overrides.json"))
	require.NoError(t, err)
	want, err := schemagen.Generate(p)
	require.NoError(t, err)
	for name, doc := range want {
		got, err := os.ReadFile(filepath.FromSlash(name))
		if err != nil {
			t.Errorf("%s: %v; run go generate ./schema", name, err)
			continue
		}
		if diff := cmp.Diff(string(doc), string(got)); diff != "" {
			t.Errorf("%s is stale; run go generate ./schema (-want +got):\n%s", name, diff)
		}
	}
	err = filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".schema.json") {
			return err
		}
		if _, ok := want[filepath.ToSlash(path)]; !ok {
			t.Errorf("%s is not generated any more; delete it or run go generate ./schema", path)
		}
		return nil
	})
	require.NoError(t, err)
}
