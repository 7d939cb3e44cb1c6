package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/event"
)

// sampleElastiCache returns the ElastiCache records of the bundled log
// file, re-encoded, each with its eventID, to use as templates.
func sampleElastiCache(t testing.TB) (recs [][]byte, ids []string) {
	t.Helper()
	f, err := os.Open(repoFile(t, "testdata/samples/cloudtrail-20141201.json.gz"))
	require.NoError(t, err)
	defer f.Close()
	for ev, err := range event.NewReader(f).All() {
		require.NoError(t, err)
		if ev.EventSource == "elasticache.amazonaws.com" && ev.EventID != "" {
			b, err := json.Marshal(ev)
			require.NoError(t, err)
			recs, ids = append(recs, b), append(ids, ev.EventID)
		}
	}
	require.NotEmpty(t, recs)
	return recs, ids
}

// writeTrail writes a gzipped log file of n ElastiCache records, made
// from the samples with unique event IDs.
func writeTrail(t testing.TB, path string, n, first int) {
	t.Helper()
	recs, ids := sampleElastiCache(t)
	f, err := os.Create(path)
	require.NoError(t, err)
	zw, _ := gzip.NewWriterLevel(f, gzip.BestSpeed)
	io.WriteString(zw, `{"Records":[`)
	for i := range n {
		if i > 0 {
			io.WriteString(zw, ",")
		}
		k := i % len(recs)
		old := []byte(`"eventID":"` + ids[k] + `"`)
		zw.Write(bytes.Replace(recs[k], old, fmt.Appendf(nil, `"eventID":"%s-%d"`, ids[k], first+i), 1))
	}
	io.WriteString(zw, "]}")
	require.NoError(t, zw.Close())
	require.NoError(t, f.Close())
}
