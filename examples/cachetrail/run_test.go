package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/event"
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
		{name: "check seed", args: []string{"check", seed}, want: 0, wantStdout: "unmodeled=0 errors=0\n"},
		{name: "check samples", args: []string{"check", samples}, want: 0, wantStdout: "unmodeled=0 errors=0\n"},
		{name: "check unknown member", args: []string{"check", unknown}, want: 1, wantStdout: "unmodeled requestParameters.keepNodes (unknown)"},
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
	const clear = "\r\x1b[K"
	var w bytes.Buffer
	t0 := time.Date(2024, 5, 1, 10, 0, 0, 0, time.UTC)
	sized := func(sizes ...int64) []source {
		srcs := make([]source, len(sizes))
		for i, n := range sizes {
			srcs[i] = source{name: fmt.Sprint(i), size: n}
		}
		return srcs
	}
	p := newProgress(&w, true)
	p.now = func() time.Time { return t0 }
	p.start(sized(1000, 1500, 500)) // 3 kB as stored
	p.stop()                        // the ticker is not needed: tick is called below
	w.Reset()
	p.count(context.Background(), strings.NewReader(strings.Repeat("x", 1500))).Read(make([]byte, 4096))
	p.fileDone()

	// Nothing before progressDelay.
	p.tick(t0.Add(progressDelay - time.Millisecond))
	assert.Empty(t, w.String())

	// Half the stored bytes in a second: 50%, one second left.
	p.tick(t0.Add(time.Second))
	line := "1/3 files  50%  1.5 kB  1.5 kB/s  ETA 1s"
	assert.Equal(t, clear+line, w.String())

	// Output clears the line, and the line is drawn again after it.
	w.Reset()
	out := p.guard(&w)
	out.Write([]byte("row 1\n"))
	out.Write([]byte("row 2\n"))
	assert.Equal(t, clear+"row 1\n"+clear+line+clear+"row 2\n"+clear+line, w.String())

	// Not while a line of output is incomplete: neither after the write
	// nor at a tick; once the line ends, the new state is drawn.
	w.Reset()
	out.Write([]byte("row"))
	p.tick(t0.Add(2 * time.Second))
	p.guard(&w).Write([]byte("warning\n")) // another writer's line
	out.Write([]byte(" 3\n"))
	assert.Equal(t, clear+"row"+"warning\n"+" 3\n"+clear+"1/3 files  50%  1.5 kB  750 B/s  ETA 2s", w.String())

	// All read: 100%, no time left; past the total (a file grown since it
	// was listed), still 100%.
	p.count(context.Background(), strings.NewReader(strings.Repeat("x", 1600))).Read(make([]byte, 4096))
	p.files.Store(3)
	w.Reset()
	p.tick(t0.Add(3100 * time.Millisecond))
	assert.Equal(t, clear+"3/3 files  100%  3.1 kB  1.0 kB/s  ETA 0s", w.String())

	// Unknown size (standard input): no share, no time left.
	u := newProgress(&w, true)
	u.now = func() time.Time { return t0 }
	u.start(sized(2000, -1))
	u.stop()
	w.Reset()
	u.count(context.Background(), strings.NewReader(strings.Repeat("x", 2500))).Read(make([]byte, 4096))
	u.tick(t0.Add(time.Second))
	assert.Equal(t, clear+"0/2 files  2.5 kB  2.5 kB/s", w.String())

	// Nothing read yet: no rate, no time left.
	z := newProgress(&w, true)
	z.now = func() time.Time { return t0 }
	z.start(sized(100))
	z.stop()
	w.Reset()
	z.tick(t0.Add(time.Second))
	assert.Equal(t, clear+"0/1 files  0%  0 B  0 B/s", w.String())
}

// TestProgressRun draws with the real clock and ticker: a line within a
// few ticks after progressDelay, drawn again after output, cleared by
// stop for good. It waits for the line rather than sleeping a fixed time,
// for a loaded machine.
func TestProgressRun(t *testing.T) {
	var mu sync.Mutex
	var w bytes.Buffer
	lw := lockedWriter{&mu, &w}
	p := newProgress(lw, true)
	p.start([]source{{name: "a", size: 10}})
	out := p.guard(lw)
	shown := func() bool {
		mu.Lock()
		defer mu.Unlock()
		return strings.HasSuffix(w.String(), "0/1 files  0%  0 B  0 B/s")
	}
	require.Eventually(t, shown, 30*time.Second, 10*time.Millisecond)
	out.Write([]byte("row\n"))
	assert.True(t, shown(), "drawn again at once after the output: %q", w.String())
	p.stop()
	out.Write([]byte("after\n"))
	mu.Lock()
	defer mu.Unlock()
	assert.True(t, strings.HasSuffix(w.String(), "row\n\r\x1b[K0/1 files  0%  0 B  0 B/s\r\x1b[Kafter\n"), "%q", w.String())
	assert.True(t, strings.HasPrefix(w.String(), "\r\x1b[K0/1 files"), "%q", w.String())

	// Off when stderr is not a terminal: nothing is drawn, nothing
	// guarded.
	w.Reset()
	q := newProgress(&w, false)
	q.start(nil)
	q.stop()
	assert.Same(t, &w, q.guard(&w).(*bytes.Buffer))
	assert.Empty(t, w.String())

	// A file that is not a terminal, nor /dev/null, needs no guard, even with
	// progress on.
	f, err := os.Create(filepath.Join(t.TempDir(), "out"))
	require.NoError(t, err)
	defer f.Close()
	assert.Same(t, f, newProgress(&w, true).guard(f).(*os.File))
	null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	require.NoError(t, err)
	defer null.Close()
	assert.Same(t, null, newProgress(&w, true).guard(null).(*os.File))
}

// TestProgressTerminal: with stderr a terminal, the output is the same,
// and whatever progress was drawn is cleared at the end.
func TestProgressTerminal(t *testing.T) {
	samples := repoFile(t, "testdata/samples")
	_, want, _ := runIn(t, "", "-json", samples)
	var out, errb bytes.Buffer
	code := run(context.Background(), []string{"-json", samples}, &env{stdout: &out, stderr: &errb, terminal: true})
	assert.Equal(t, 0, code)
	assert.Equal(t, want, out.String())
	if errb.Len() > 0 { // the run took longer than progressDelay
		assert.True(t, strings.HasSuffix(errb.String(), "\r\x1b[K"), "%q", errb.String())
	}
}

// lockedWriter serializes writes, and the test's reads, to a buffer.
type lockedWriter struct {
	mu *sync.Mutex
	w  io.Writer
}

func (l lockedWriter) Write(b []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(b)
}

func TestETA(t *testing.T) {
	assert.Equal(t, "0s", eta(0))
	assert.Equal(t, "4s", eta(4400*time.Millisecond))
	assert.Equal(t, "59s", eta(59*time.Second))
	assert.Equal(t, "1m05s", eta(65*time.Second))
	assert.Equal(t, "59m59s", eta(time.Hour-time.Second))
	assert.Equal(t, "1h02m", eta(time.Hour+2*time.Minute+10*time.Second))
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

// TestReadGoesOnPastASlowSource holds the first of many sources open: the
// readers go on with the next sources, up to filesAhead times
// -concurrency started and not written, rather than wait for the writer,
// which waits for the first; and no further.
func TestReadGoesOnPastASlowSource(t *testing.T) {
	const concurrency = 2
	release := make(chan struct{})
	opened := make(chan int, 16)
	var srcs []source
	for i := range 10 {
		srcs = append(srcs, source{name: fmt.Sprint(i), size: -1, open: func(ctx context.Context) (io.ReadCloser, error) {
			opened <- i
			if i == 0 {
				<-release
			}
			return io.NopCloser(strings.NewReader(unknownMember + "\n")), nil
		}})
	}
	cfg := &config{concurrency: concurrency, json: true}
	var stdout, stderr bytes.Buffer
	a := &app{cfg: cfg, prog: newProgress(io.Discard, false), out: newJSONOutput(&stdout, &stderr, cfg)}
	done := make(chan struct{})
	var st stats
	go func() {
		a.read(context.Background(), srcs, &st)
		close(done)
	}()
	ahead := filesAhead * concurrency
	for range ahead {
		select {
		case <-opened:
		case <-time.After(10 * time.Second):
			t.Fatalf("fewer than %d sources opened while the first was held", ahead)
		}
	}
	select {
	case i := <-opened:
		t.Fatalf("source %d opened with %d sources not written", i, ahead)
	case <-time.After(50 * time.Millisecond):
	}
	close(release)
	<-done
	assert.Equal(t, len(srcs), st.elastiCache, stderr.String())
	assert.Equal(t, len(srcs), strings.Count(stdout.String(), "\n"))
}

// writeCounter counts the writes made to it.
type writeCounter struct {
	bytes.Buffer
	writes int
}

func (w *writeCounter) Write(b []byte) (int, error) {
	w.writes++
	return w.Buffer.Write(b)
}

// failingWriter fails every write, as a full disk does.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

// TestOutputBuffered requires the output to a writer that is no terminal
// to come in writes of up to 64 KiB, not one per event, and all of it,
// in every mode; a terminal's is not buffered (onTerminal). Output that
// cannot be written is an error, with exit status 1.
func TestOutputBuffered(t *testing.T) {
	samples := repoFile(t, "testdata/samples")
	for _, mode := range [][]string{{"-json"}, {}, {"history"}, {"changes", "-json"}} {
		var want bytes.Buffer
		var stderr bytes.Buffer
		require.Equal(t, 0, run(context.Background(), append(mode, samples), &env{stdout: &want, stderr: &stderr}), stderr.String())
		var got writeCounter
		require.Equal(t, 0, run(context.Background(), append(mode, samples), &env{stdout: &got, stderr: &stderr}))
		assert.Equal(t, want.String(), got.String(), "%v", mode)
		assert.Equal(t, (got.Len()+64<<10-1)>>16, got.writes, "%v: %d bytes", mode, got.Len())
	}
	var stderr bytes.Buffer
	code := run(context.Background(), []string{"-json", samples}, &env{stdout: failingWriter{}, stderr: &stderr})
	assert.Equal(t, 1, code, "output that cannot be written")
	assert.Contains(t, stderr.String(), "cachetrail: writing the output: disk full")

	null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	require.NoError(t, err)
	defer null.Close()
	assert.False(t, onTerminal(null), "the null device")
	assert.False(t, onTerminal(&bytes.Buffer{}))
}

// TestDrainDropsBatches: the run keeps every source's queue until it
// ends, so a drained queue must hold no items. Keeping its last batch
// made the heap of a 844-file trail grow by 3 MB, and the peak RSS on its
// log files from 39 to 59 MiB.
func TestDrainDropsBatches(t *testing.T) {
	q := newQueue()
	go func() {
		for i := range 100 {
			q.push(item{unshown: i})
		}
		q.close(event.Summary{Records: 100}, nil)
	}()
	var got []int
	sum, err := q.drain(func(it item) { got = append(got, it.unshown) })
	require.NoError(t, err)
	assert.Equal(t, 100, sum.Records)
	assert.Len(t, got, 100)
	assert.Zero(t, cap(q.items), "items kept")
	assert.Zero(t, cap(q.spare), "last batch kept")
}
