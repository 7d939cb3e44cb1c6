package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSamplesCurrent regenerates the samples and compares them with the
// committed files: run `go run ./examples/internal/samplegen` from the
// repository root when it fails. Gzipped files are compared decompressed,
// since the compressed bytes may change with the Go release.
func TestSamplesCurrent(t *testing.T) {
	root := filepath.Join("..", "..", "..")
	files, err := Generate(filepath.Join(root, "testdata", "seed"))
	require.NoError(t, err)
	for name, want := range files {
		got, err := os.ReadFile(filepath.Join(root, "testdata", "samples", name))
		require.NoError(t, err, "run go run ./examples/internal/samplegen")
		if strings.HasSuffix(name, ".gz") {
			want, got = gunzip(t, want), gunzip(t, got)
		}
		assert.Equal(t, string(want), string(got), "%s is stale: run go run ./examples/internal/samplegen", name)
	}
}

func TestSeedVerbatim(t *testing.T) {
	files, err := Generate(filepath.Join("..", "..", "..", "testdata", "seed"))
	require.NoError(t, err)
	log := string(gunzip(t, files[LogFile]))
	for _, name := range seedFiles {
		b, err := os.ReadFile(filepath.Join("..", "..", "..", "testdata", "seed", name))
		require.NoError(t, err)
		assert.Contains(t, log, strings.TrimSpace(string(b)), name)
	}
	assert.Equal(t, 44, strings.Count(log, `"eventVersion"`))
	assert.Equal(t, 14, strings.Count(log, `"eventSource":"elasticache.amazonaws.com"`))
}

func gunzip(t *testing.T, b []byte) []byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(b))
	require.NoError(t, err)
	out, err := io.ReadAll(zr)
	require.NoError(t, err)
	return out
}
