package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/cachetrail/cachetrail/examples/internal/s3test"
	"github.com/cachetrail/cachetrail/internal/testutil"
)

// TestMain makes the test binary also the cachetrail command, for the
// scripts' exec.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"cachetrail": func() {
			os.Exit(run(context.Background(), os.Args[1:], &env{
				stdin: os.Stdin, stdinPiped: !isTerminal(os.Stdin), stdout: os.Stdout, stderr: os.Stderr,
			}))
		},
	})
}

// trailBucket and trailPrefix are where the scripts find the samples in S3,
// laid out as CloudTrail delivers them.
const (
	trailBucket = "example-trail-bucket"
	trailPrefix = "AWSLogs/123456789012/CloudTrail/us-west-2/2014/12/01/"
)

// repoFile returns the absolute path of a file of the repository.
func repoFile(t testing.TB, rel string) string {
	t.Helper()
	p, err := filepath.Abs(filepath.Join("..", "..", rel))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// startS3 starts an in-process S3 server holding the samples, plus a
// digest file the command must not read.
func startS3(t testing.TB) *s3test.Server {
	s := s3test.Start(t)
	samples := repoFile(t, "testdata/samples")
	for _, name := range []string{"cloudtrail-20141201.json.gz", "export-20141202.jsonl", "eventbridge-20141202.json"} {
		b, err := os.ReadFile(filepath.Join(samples, name))
		if err != nil {
			t.Fatal(err)
		}
		s.Put(t, trailBucket, trailPrefix+name, b)
	}
	s.Put(t, trailBucket, trailPrefix+"notes.txt", []byte("not a log file"))
	s.Put(t, trailBucket, "AWSLogs/123456789012/CloudTrail-Digest/us-west-2/2014/12/01/digest.json.gz", []byte("not read"))
	return s
}

// TestScripts runs the scripts in testdata/script. Environment: SAMPLES,
// SEED and HISTORY are the repository's sample, seed and history fixture
// directories; TESTDATA is the repository's testdata; S3URL is an
// in-process S3 server holding the samples under s3://example-trail-bucket/AWSLogs/,
// which AWS_ENDPOINT_URL_S3 points the command at.
func TestScripts(t *testing.T) {
	if testing.Short() && testutil.Race {
		// scripts/race: each script starts the race-built command again and
		// again (about a second each); run_test.go drives the same pipeline
		// in process, under the detector.
		t.Skip("-short under -race: the in-process pipeline tests cover the goroutines")
	}
	s := startS3(t)
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/script",
		UpdateScripts: *testutil.Update || os.Getenv("UPDATE_SCRIPTS") == "1", // -update rewrites testdata/script
		Setup: func(e *testscript.Env) error {
			e.Setenv("SAMPLES", repoFile(t, "testdata/samples"))
			e.Setenv("SEED", repoFile(t, "testdata/seed"))
			e.Setenv("HISTORY", repoFile(t, "testdata/history"))
			e.Setenv("TESTDATA", repoFile(t, "testdata"))
			e.Setenv("S3URL", s.URL)
			e.Setenv("HOME", e.WorkDir)
			for _, kv := range s.Env(e.WorkDir) {
				k, v, _ := strings.Cut(kv, "=")
				e.Setenv(k, v)
			}
			return nil
		},
	})
}
