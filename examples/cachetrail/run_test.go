package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// runIn runs the command in-process and returns its exit status and output.
func runIn(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), args, &env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb})
	return code, out.String(), errb.String()
}

const unknownMember = `{"eventVersion":"1.08","userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::123456789012:user/bob","accountId":"123456789012"},` +
	`"eventTime":"2024-05-01T10:00:00Z","eventSource":"elasticache.amazonaws.com","eventName":"DeleteCacheCluster","awsRegion":"us-east-1",` +
	`"requestParameters":{"cacheClusterId":"c1","keepNodes":true},"responseElements":null,"eventID":"x"}`

func TestExitStatus(t *testing.T) {
	dir := t.TempDir()
	unknown := filepath.Join(dir, "unknown.json")
	require.NoError(t, os.WriteFile(unknown, []byte(unknownMember), 0o644))
	seed := repoFile(t, "testdata/seed")
	samples := repoFile(t, "testdata/samples")

	tests := []struct {
		name       string
		args       []string
		want       int
		wantStdout string
		wantStderr string
	}{
		{name: "table", args: []string{samples}, want: 0, wantStdout: "TIME"},
		{name: "check seed", args: []string{"check", seed}, want: 0, wantStdout: "unmodelled=0 errors=0\n"},
		{name: "check samples", args: []string{"check", samples}, want: 0, wantStdout: "unmodelled=0 errors=0\n"},
		{name: "check unknown member", args: []string{"check", unknown}, want: 1, wantStdout: "unmodelled requestParameters.keepNodes (unknown)"},
		{name: "table unknown member", args: []string{unknown}, want: 0, wantStdout: "DeleteCacheCluster"},
		{name: "missing file", args: []string{filepath.Join(dir, "nope.json")}, want: 1, wantStderr: "nope.json: no such file or directory"},
		{name: "no input", args: nil, want: 2, wantStderr: "no input"},
		{name: "bad flag", args: []string{"-bogus", seed}, want: 2, wantStderr: "not defined: -bogus"},
		{name: "bad time", args: []string{"-until", "soon", seed}, want: 2, wantStderr: "-until"},
		{name: "help", args: []string{"-h"}, want: 0, wantStderr: "usage:"},
		{name: "stdin", args: []string{"-json", "-"}, want: 0, wantStdout: `"source":"-"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runIn(t, unknownMember, tt.args...)
			assert.Equal(t, tt.want, code, "stdout:\n%s\nstderr:\n%s", stdout, stderr)
			assert.Contains(t, stdout, tt.wantStdout)
			assert.Contains(t, stderr, tt.wantStderr)
		})
	}
}

func TestS3InProcess(t *testing.T) {
	s := startS3(t)
	for _, kv := range s.Env(t.TempDir()) {
		k, v, _ := strings.Cut(kv, "=")
		t.Setenv(k, v)
	}
	code, stdout, stderr := runIn(t, "", "check", "s3://"+trailBucket+"/AWSLogs/")
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stdout, "records=53 elasticache=19 ")

	code, local, _ := runIn(t, "", repoFile(t, "testdata/samples"))
	require.Equal(t, 0, code)
	code, remote, stderr := runIn(t, "", "-concurrency", "2", "s3://"+trailBucket+"/AWSLogs/")
	require.Equal(t, 0, code, stderr)
	assert.Equal(t, local, remote, "S3 and local samples give the same table")
}

func TestProgress(t *testing.T) {
	var w bytes.Buffer
	p := newProgress(&w, true)
	p.total = 3
	p.count(context.Background(), strings.NewReader(strings.Repeat("x", 2500))).Read(make([]byte, 4096))
	p.fileDone()
	p.begin = time.Now().Add(-time.Second)
	p.draw(time.Now())
	assert.Regexp(t, `^\r\x1b\[K1/3 files  2\.5 kB  2\.\d kB/s$`, w.String())

	// Output written meanwhile clears the line first, once.
	w.Reset()
	p.guard(&w).Write([]byte("row 1\n"))
	p.guard(&w).Write([]byte("row 2\n"))
	assert.Equal(t, "\r\x1b[Krow 1\nrow 2\n", w.String())

	// A run longer than the delay draws, and stopping clears the line.
	w.Reset()
	p = newProgress(&w, true)
	p.start(1)
	time.Sleep(progressDelay + 3*progressEvery)
	p.stop()
	assert.Contains(t, w.String(), "0/1 files")
	assert.True(t, strings.HasSuffix(w.String(), "\r\x1b[K"), "%q", w.String())

	// Off when stderr is not a terminal: nothing is drawn.
	w.Reset()
	q := newProgress(&w, false)
	q.start(1)
	q.stop()
	assert.Same(t, &w, q.guard(&w).(*bytes.Buffer))
	assert.Empty(t, w.String())
}

func TestParseTime(t *testing.T) {
	now := time.Date(2024, 11, 5, 12, 0, 0, 0, time.UTC)
	got, dateOnly, err := parseTime("2014-12-01", now)
	require.NoError(t, err)
	assert.True(t, dateOnly)
	assert.Equal(t, time.Date(2014, 12, 1, 0, 0, 0, 0, time.UTC), got)

	got, dateOnly, err = parseTime("2014-12-01T23:16:06+01:00", now)
	require.NoError(t, err)
	assert.False(t, dateOnly)
	assert.True(t, got.Equal(time.Date(2014, 12, 1, 22, 16, 6, 0, time.UTC)))

	for in, ago := range map[string]time.Duration{
		"90m": 90 * time.Minute, "36h": 36 * time.Hour, "1h30m": 90 * time.Minute,
		"7d": 7 * 24 * time.Hour, "2w": 14 * 24 * time.Hour,
	} {
		got, dateOnly, err = parseTime(in, now)
		require.NoError(t, err, in)
		assert.False(t, dateOnly, in)
		assert.Equal(t, now.Add(-ago), got, in)
	}
	for _, in := range []string{"Dec 1, 2014", "-5m", "0d", "7days", "d", "1.5d"} {
		_, _, err = parseTime(in, now)
		assert.ErrorContains(t, err, "neither", in)
	}
}

func TestSize(t *testing.T) {
	assert.Equal(t, "999 B", size(999))
	assert.Equal(t, "1.5 MB", size(1_500_000))
}

func TestInterrupt(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out, errb bytes.Buffer
	code := run(ctx, []string{repoFile(t, "testdata/samples")}, &env{stdout: &out, stderr: &errb})
	assert.Equal(t, 130, code)
	assert.Equal(t, "cachetrail: interrupted: context canceled\n", errb.String())
}

// TestOutputOrder reads a directory of log files, whose names sort in
// another order than they were written, with 1 and 4 inputs at once: the
// output is the same, inputs in lexical order, records in file order.
func TestOutputOrder(t *testing.T) {
	dir := t.TempDir()
	names := []string{"b.json.gz", "a.json.gz", "c/d.json.gz", "c/a.json.gz", "e.json.gz", "aa.json.gz"}
	require.NoError(t, os.Mkdir(filepath.Join(dir, "c"), 0o755))
	for i, n := range names {
		writeTrail(t, filepath.Join(dir, n), 300+i*50, i*1000)
	}
	for _, mode := range [][]string{{"-json"}, {}} {
		code, one, stderr := runIn(t, "", append(mode, "-concurrency", "1", dir)...)
		require.Equal(t, 0, code, stderr)
		code, four, stderr := runIn(t, "", append(mode, "-concurrency", "4", dir)...)
		require.Equal(t, 0, code, stderr)
		assert.Equal(t, one, four, "%v", mode)
	}
	_, out, _ := runIn(t, "", "-json", dir)
	var sources []string
	for line := range strings.Lines(out) {
		src := line[strings.Index(line, `"source":"`)+10:]
		src = src[:strings.IndexByte(src, '"')]
		if len(sources) == 0 || sources[len(sources)-1] != src {
			sources = append(sources, src)
		}
	}
	var want []string
	for _, n := range []string{"a.json.gz", "aa.json.gz", "b.json.gz", "c/a.json.gz", "c/d.json.gz", "e.json.gz"} {
		want = append(want, filepath.Join(dir, n))
	}
	assert.Equal(t, want, sources)
}
