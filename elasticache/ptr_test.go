package elasticache

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPtr(t *testing.T) {
	p := Ptr("x")
	require.NotNil(t, p)
	assert.Equal(t, "x", *p)
	assert.NotSame(t, Ptr(1), Ptr(1))
}

func mustTime(t *testing.T) time.Time {
	t.Helper()
	tm, err := time.Parse(time.RFC3339, "2014-12-01T22:16:06Z")
	require.NoError(t, err)
	return tm
}
