package main

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/elasticache"
	"github.com/cachetrail/cachetrail/event"
	"github.com/cachetrail/cachetrail/internal/secrettest"
)

// TestLineHidesEverySecret builds the output line of a call with a secret
// under every sensitive member of every operation.
func TestLineHidesEverySecret(t *testing.T) {
	paths := secrettest.Paths(t)
	require.NotEmpty(t, paths)
	for i, p := range paths {
		secret := fmt.Sprintf("S3cr3tMarker%04dZq", i)
		ev, err := event.Parse([]byte(p.Record(p.Payload(`"`+p.Leaf()+`":"`+secret+`"`), "null")))
		require.NoError(t, err)
		a, _ := elasticache.Decode(ev)
		require.NotNil(t, a, p.String())
		data, err := json.Marshal(newLine("m1", ev, a))
		require.NoError(t, err)
		assert.NotContains(t, string(data), secret, p.String())
	}
}
