package trailgen

import (
	"bytes"
	"encoding/json"
	"io"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestWriteIsValidAndMixed(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	c := Config{Records: 2000, ElastiCacheRate: 0.05, Seed: 1}
	require.NoError(t, Write(&b, c))
	var file struct {
		Records []struct {
			EventSource string `json:"eventSource"`
		}
	}
	require.NoError(t, json.Unmarshal(b.Bytes(), &file))
	require.Len(t, file.Records, 2000)
	n := 0
	for _, r := range file.Records {
		if r.EventSource == "elasticache.amazonaws.com" {
			n++
		}
	}
	assert.InDelta(t, 100, n, 40, "about 5%% ElastiCache")

	got, err := io.ReadAll(Reader(c))
	require.NoError(t, err)
	assert.Equal(t, b.String(), string(got), "Reader generates the same bytes")
}
