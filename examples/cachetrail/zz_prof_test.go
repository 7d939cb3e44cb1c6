package main

import (
	"context"
	"io"
	"os"
	"runtime/pprof"
	"testing"
)

func TestZZProf(t *testing.T) {
	f, _ := os.Create("/tmp/ct.prof")
	pprof.StartCPUProfile(f)
	run(context.Background(), []string{os.Getenv("ARGS"), "/tmp/big.json.gz"}, &env{stdout: io.Discard, stderr: io.Discard})
	pprof.StopCPUProfile()
}
