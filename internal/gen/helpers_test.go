package gen

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
)

var findSDK = sync.OnceValues(FindSDK)

// loadModel loads a fresh model from the module cache, so tests may change it.
func loadModel(t *testing.T) *Model {
	t.Helper()
	sdk, err := findSDK()
	require.NoError(t, err)
	m, err := LoadModel(sdk)
	require.NoError(t, err)
	return m
}

// resolve loads the model and the real overrides and resolves them.
func resolve(t *testing.T) *Package {
	t.Helper()
	m := loadModel(t)
	ov, err := LoadOverrides("overrides.json", m)
	require.NoError(t, err)
	p, err := Resolve(m, ov)
	require.NoError(t, err)
	return p
}

func findOp(t *testing.T, p *Package, name string) *Op {
	t.Helper()
	for _, op := range p.Operations {
		if op.Name == name {
			return op
		}
	}
	t.Fatalf("no operation %s", name)
	return nil
}
