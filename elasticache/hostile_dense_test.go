package elasticache_test

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/elasticache"
	"github.com/cachetrail/cachetrail/event"
	"github.com/cachetrail/cachetrail/internal/testutil"
	"github.com/cachetrail/cachetrail/wire"
)

// TestHostileDenseKeptRaw checks that a list whose typed form would take
// far more memory than its text is kept raw, whole and once, and that
// what its elements reported before it was given up is forgotten.
func TestHostileDenseKeptRaw(t *testing.T) {
	// Each {} would be a 352-byte CacheCluster; the first two elements
	// carry a forgiven quirk and an error.
	list := `[{"numCacheNodes":"1"},{"numCacheNodes":"two"},` + repeat(100000, func(int) string { return "{}" }) + `]`
	resp := `{"cacheClusters":` + list + `,"marker":"m"}`
	rec := hostileRecord("DescribeCacheClusters", "", "{}", resp)
	ev, a := decodeOne(t, rec)
	_, err := elasticache.Decode(ev)
	require.NoError(t, err, "the error inside the list is forgotten")

	act := a.(*elasticache.DescribeCacheClusters)
	require.NotNil(t, act.Response)
	assert.Nil(t, act.Response.CacheClusters)
	assert.Equal(t, "m", *act.Response.Marker, "the rest of the payload is typed")
	require.Len(t, act.Response.Unknown, 1)
	u := act.Response.Unknown[0]
	assert.Equal(t, "cacheClusters", u.Name)
	assert.Equal(t, list, string(u.Value))
	assert.Equal(t, wire.ReasonMismatch, u.Reason)
	assert.Equal(t, int64(bytes.Index(rec, []byte(list))), u.Offset)

	require.Len(t, act.Quirks(), 1)
	q := act.Quirks()[0]
	assert.Equal(t, wire.QuirkKeptRawTooDense, q.Kind)
	assert.Equal(t, "responseElements.cacheClusters", q.Path)
	assert.Equal(t, u.Offset, q.Offset)
	assert.Empty(t, act.Unmodeled())

	_, err = elasticache.Decode(ev, event.Strict())
	require.Error(t, err)
	assert.Contains(t, err.Error(), "responseElements.cacheClusters: forgiven kept-raw-dense")

	got := elasticache.ResponseJSON(a)
	assert.JSONEq(t, resp, string(got), "re-encodes unchanged")
}

// TestHostileDenseLegitimate checks that dense but legitimate lists stay
// typed: the budget must never bite on real data.
func TestHostileDenseLegitimate(t *testing.T) {
	tag := func(int) string { return `{"key":"k","value":"v"}` }
	node := func(int) string { return `{"cacheNodeId":"0001"}` }
	cluster := func(int) string { return `{"cacheClusterId":"c","cacheNodes":[` + repeat(60, node) + `]}` }
	for _, c := range []struct {
		name string
		rec  []byte
		want int
		n    func(elasticache.Action) int
	}{
		{"10000 tags", hostileRecord("AddTagsToResource", "", `{"resourceName":"r","tags":[`+repeat(10000, tag)+`]}`, "null"), 10000,
			func(a elasticache.Action) int { return len(a.(*elasticache.AddTagsToResource).Request.Tags) }},
		{"100 clusters of 60 nodes", hostileRecord("DescribeCacheClusters", "", "{}", `{"cacheClusters":[`+repeat(100, cluster)+`]}`), 6000,
			func(a elasticache.Action) int {
				n := 0
				for _, c := range a.(*elasticache.DescribeCacheClusters).Response.CacheClusters {
					n += len(c.CacheNodes)
				}
				return n
			}},
		{"5000 nodes", hostileRecord("DescribeCacheClusters", "", "{}", `{"cacheClusters":[{"cacheNodes":[`+repeat(5000, node)+`]}]}`), 5000,
			func(a elasticache.Action) int {
				return len(a.(*elasticache.DescribeCacheClusters).Response.CacheClusters[0].CacheNodes)
			}},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, a := decodeOne(t, c.rec)
			assert.Empty(t, a.Quirks())
			assert.Equal(t, c.want, c.n(a))
		})
	}
}

// TestFixturesNeverDense checks that no record under testdata/, in any
// stream shape, is dense enough to be kept raw for memory.
func TestFixturesNeverDense(t *testing.T) {
	records := 0
	err := filepath.WalkDir(testutil.Testdata(), func(path string, de fs.DirEntry, err error) error {
		if err != nil || de.IsDir() || strings.HasSuffix(path, ".md") || strings.HasSuffix(path, ".golden") {
			return err
		}
		f, err := os.Open(path)
		require.NoError(t, err)
		defer f.Close()
		r := event.NewReader(f)
		for {
			ev, err := r.Next()
			if errors.Is(err, io.EOF) {
				return nil
			}
			if ev == nil {
				continue // a broken record: tested elsewhere
			}
			records++
			for _, q := range ev.Quirks() {
				assert.NotEqual(t, wire.QuirkKeptRawTooDense, q.Kind, "%s: %v", path, q)
			}
			if ev.EventSource != elasticache.Source {
				continue
			}
			a, _ := elasticache.Decode(ev)
			require.NotNil(t, a, path)
			for _, q := range a.Quirks() {
				assert.NotEqual(t, wire.QuirkKeptRawTooDense, q.Kind, "%s: %v", path, q)
			}
		}
	})
	require.NoError(t, err)
	assert.Greater(t, records, 100)
}
