package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkRunTrail runs the command as scripts/bench-cli does, -json
// -concurrency 2 with the output discarded, on the directory named by
// CACHETRAIL_BENCH_DIR, for a CPU profile of the whole command:
//
//	CACHETRAIL_BENCH_DIR=/tmp/trail/gz go test -run '^$' -bench RunTrail -benchtime 1x -cpuprofile cpu.pprof
//
// It is skipped without CACHETRAIL_BENCH_DIR. MB/s counts the bytes as
// stored (compressed for .json.gz files).
func BenchmarkRunTrail(b *testing.B) {
	dir := os.Getenv("CACHETRAIL_BENCH_DIR")
	if dir == "" {
		b.Skip("CACHETRAIL_BENCH_DIR names no trail directory (scripts/bench-cli makes one)")
	}
	var size int64
	filepath.Walk(dir, func(_ string, fi os.FileInfo, err error) error {
		if err == nil && fi.Mode().IsRegular() && isLogName(fi.Name()) {
			size += fi.Size()
		}
		return nil
	})
	b.SetBytes(size)
	for b.Loop() {
		var stderr bytes.Buffer
		e := &env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: &stderr}
		if code := run(context.Background(), []string{"-json", "-concurrency", "2", dir}, e); code != 0 {
			b.Fatalf("exit status %d:\n%s", code, stderr.Bytes())
		}
	}
}
