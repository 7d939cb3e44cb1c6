package main

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/internal/testutil"
)

// TestGenerate: a small trail has CloudTrail's layout and names, the same
// records in both forms, and every baseline finds its ElastiCache records.
func TestGenerate(t *testing.T) {
	dir := t.TempDir()
	m, err := generate(dir, 3, 7, 2)
	require.NoError(t, err)
	assert.Equal(t, 3, m.MB)
	assert.InDelta(t, 3e6, float64(m.Bytes), 0.1e6)
	assert.InDelta(t, elastiCacheRate, float64(m.ElastiCache)/float64(m.Records), 0.015)
	assert.Less(t, m.GzipBytes, m.Bytes/3)
	again, err := readManifest(dir)
	require.NoError(t, err)
	assert.Equal(t, m, again)

	name := regexp.MustCompile(`^AWSLogs/(\d{12})/CloudTrail/([a-z0-9-]+)/(\d{4})/(\d{2})/(\d{2})/(\d{12})_CloudTrail_([a-z0-9-]+)_(\d{4})(\d{2})(\d{2})T\d{4}Z_[A-Za-z0-9]{16}\.json\.gz$`)
	gz, err := logFiles(filepath.Join(dir, gzDir))
	require.NoError(t, err)
	lines, err := logFiles(filepath.Join(dir, linesDir))
	require.NoError(t, err)
	require.Len(t, gz, m.Files)
	require.Len(t, lines, m.Files)
	for i, f := range gz {
		rel, err := filepath.Rel(filepath.Join(dir, gzDir), f)
		require.NoError(t, err)
		p := name.FindStringSubmatch(filepath.ToSlash(rel))
		require.NotNil(t, p, rel)
		assert.Equal(t, p[1], p[6], "account")
		assert.Equal(t, p[2], p[7], "region")
		assert.Equal(t, p[3:6], p[8:11], "date")
		assert.Equal(t, strings.TrimSuffix(rel, ".json.gz")+".jsonl", strings.TrimPrefix(lines[i], filepath.Join(dir, linesDir)+"/"))
	}

	for kind, b := range baselines {
		want := m.Bytes
		if b.dir == linesDir {
			want = m.LinesBytes
		}
		n, ec, err := runBaseline(kind, dir, true)
		require.NoError(t, err, kind)
		assert.Equal(t, m.ElastiCache, ec, kind)
		assert.Equal(t, want, n, kind)
		n, ec, err = runBaseline(kind, dir, false)
		require.NoError(t, err, kind)
		if b.dir == gzDir {
			ec = m.ElastiCache // not counted when only inflating
		}
		assert.Equal(t, m.ElastiCache, ec, kind)
		assert.Equal(t, want, n, kind)
	}

	// The same size and seed keep the trail; another seed makes another.
	m2, err := generate(dir, 3, 7, 2)
	require.NoError(t, err)
	assert.Equal(t, m, m2)
	m3, err := generate(dir, 3, 8, 2)
	require.NoError(t, err)
	assert.NotEqual(t, m.Records, m3.Records)
}

// TestCountNeedle counts needles cut by every chunk boundary once.
func TestCountNeedle(t *testing.T) {
	text := strings.Repeat(`{"a":1,`+needle+`,"b":"\"eventSource\""}`, 5000)
	for _, r := range []io.Reader{strings.NewReader(text), iotest.OneByteReader(strings.NewReader(text)), iotest.HalfReader(strings.NewReader(text))} {
		n, c, err := countNeedle(r)
		require.NoError(t, err)
		assert.Equal(t, int64(len(text)), n)
		assert.Equal(t, 5000, c)
	}
}

func TestSplitRaw(t *testing.T) {
	raw := `PeriodType: cpu nanoseconds
Period: 10000000
Samples:
samples/count cpu/nanoseconds
          3   30000000: 1 2 
          1   10000000: 3 2 
          2   20000000: 4 5 
          1   10000000: 6 
Locations
     1: 0x1 M=1 github.com/klauspost/compress/flate.(*decompressor).huffmanBlock /x.go:1:0 s=0
     2: 0x2 M=1 github.com/cachetrail/cachetrail/internal/split.(*asyncReader).run /x.go:1:0 s=0
     3: 0x3 M=1 runtime.memmove /x.go:1:0 s=0
     4: 0x4 M=1 runtime.scanobject /x.go:1:0 s=0
             runtime.gcDrain /x.go:1:0 s=0
     5: 0x5 M=1 runtime.gcBgMarkWorker /x.go:1:0 s=0
     6: 0x6 M=1 runtime.futex /x.go:1:0 s=0
Mappings
1: 0x0/0x1/0x0 x
`
	split, total, err := splitRaw(strings.NewReader(raw))
	require.NoError(t, err)
	assert.Equal(t, int64(70000000), total)
	assert.Equal(t, map[string]int64{
		innerPhases[0].name: 30000000,
		innerPhases[2].name: 10000000,
		gcPhase.name:        20000000,
		otherPhase.name:     10000000,
	}, split)
}

// TestMeasure runs the whole measurement on a small trail with the
// command built from this checkout.
func TestMeasure(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command")
	}
	if testutil.Race {
		t.Skip("builds the command without -race: the run without -race covers it")
	}
	dir := t.TempDir()
	_, err := generate(dir, 2, 1, 2)
	require.NoError(t, err)
	bin := filepath.Join(t.TempDir(), "cachetrail")
	out, err := exec.Command("go", "build", "-o", bin, "../../cachetrail").CombinedOutput()
	require.NoError(t, err, "%s", out)
	var b bytes.Buffer
	require.NoError(t, measure(&b, dir, []command{{"test", bin}}, 1))
	t.Log("\n" + b.String())
	assert.Contains(t, b.String(), "| .json.gz | compress/gzip, inflate only (the ceiling) |")
	assert.Contains(t, b.String(), "| .json.gz | cachetrail -json (test) |")
	assert.Contains(t, b.String(), "| .jsonl | cachetrail -json (test) |")
	assert.Contains(t, b.String(), "| .jsonl | encoding/json into a struct of eventSource alone |")
	assert.Equal(t, 6, strings.Count(b.String(), "\n| ."), "rows")
}

// TestMain makes the test binary run a baseline when measure starts it
// as `benchcli baseline ...`, and nothing else: it must never run the
// tests again.
func TestMain(m *testing.M) {
	if len(os.Args) > 1 && os.Args[1] == "baseline" {
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}
