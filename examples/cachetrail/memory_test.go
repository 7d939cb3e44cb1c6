//go:build !race

package main

import (
	"bytes"
	"crypto/sha256"
	"os/exec"
	"path/filepath"
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
	bin := filepath.Join(dir, "cachetrail")
	build := exec.Command("go", "build", "-o", bin, ".")
	out, err := build.CombinedOutput()
	require.NoError(t, err, "%s", out)
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
