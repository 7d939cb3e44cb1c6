//go:build !race

package main

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCommandMemoryFlat builds the command and reads 300,000 ElastiCache
// events from one .json.gz in table and -json modes: the peak RSS of the
// child stays under 128 MiB, and the output does not depend on
// -concurrency.
func TestCommandMemoryFlat(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command and reads 300,000 events")
	}
	dir := t.TempDir()
	bin := buildCommand(t, dir)
	trail := filepath.Join(dir, "big.json.gz")
	writeTrail(t, trail, 300_000, 0)

	const limit = 128 << 20
	// Order across -concurrency is also TestOutputOrder's, on many files.
	for _, args := range [][]string{{}, {"-json"}} {
		var sums [][sha256.Size]byte
		for _, c := range []string{"1", "4"} {
			if len(args) > 0 && c == "1" {
				continue // a third run would add little but time
			}
			h := sha256.New()
			var stderr bytes.Buffer
			cmd := exec.Command(bin, append(args, "-concurrency", c, trail)...)
			cmd.Stdout, cmd.Stderr = h, &stderr
			require.NoError(t, cmd.Run(), "%s", stderr.Bytes())
			rss := cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss << 10
			t.Logf("%v -concurrency %s: peak RSS %.1f MiB", args, c, float64(rss)/(1<<20))
			assert.Less(t, rss, int64(limit), "%v -concurrency %s", args, c)
			sums = append(sums, [sha256.Size]byte(h.Sum(nil)))
		}
		if len(sums) == 2 {
			assert.Equal(t, sums[0], sums[1], "%v: output differs with -concurrency", args)
		}
	}
}

// buildCommand builds the command into dir and returns its path.
func buildCommand(t *testing.T, dir string) string {
	t.Helper()
	bin := filepath.Join(dir, "cachetrail")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	require.NoError(t, err, "%s", out)
	return bin
}

// TestCommandMemoryFlatAcrossFiles reads 3,000 small log files with -json
// and requires the live heap, as the collector reports it after each
// cycle (GODEBUG=gctrace=1, no memory limit), to grow by at most 1 MB
// from the run's first quarter to its last. The run once kept each
// file's last batch of events to its end, which grew it by 3 to 4 MB per
// 1,000 files of bench-cli's trail (9 MB over these).
func TestCommandMemoryFlatAcrossFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command and writes 3,000 files")
	}
	dir := t.TempDir()
	bin := buildCommand(t, dir)
	trail := filepath.Join(dir, "trail")
	for i := range 3000 {
		sub := filepath.Join(trail, fmt.Sprintf("d%02d", i/100))
		require.NoError(t, os.MkdirAll(sub, 0o755))
		writeTrail(t, filepath.Join(sub, fmt.Sprintf("f%04d.json.gz", i)), 20, 20*i)
	}
	var stderr bytes.Buffer
	cmd := exec.Command(bin, "-json", trail)
	cmd.Env = append(os.Environ(), "GODEBUG=gctrace=1", "GOGC=25", "GOMEMLIMIT=off")
	cmd.Stdout, cmd.Stderr = io.Discard, &stderr
	require.NoError(t, cmd.Run(), "%.2000s", stderr.Bytes())

	// "gc 12 @0.5s 1%: ..., 4->4->2 MB, 5 MB goal, ...": the live heap is 2 MB.
	var live []int
	for _, m := range regexp.MustCompile(`(?m)^gc \d+ .* \d+->\d+->(\d+) MB`).FindAllSubmatch(stderr.Bytes(), -1) {
		n, _ := strconv.Atoi(string(m[1]))
		live = append(live, n)
	}
	require.GreaterOrEqual(t, len(live), 20, "collections")
	q := len(live) / 4
	first, last := slices.Max(live[:q]), slices.Max(live[len(live)-q:])
	t.Logf("%d collections; live heap at most %d MB in the first quarter, %d MB in the last", len(live), first, last)
	assert.LessOrEqual(t, last, first+1, "the live heap grew over the run (MB, in order): %v", live)
}
