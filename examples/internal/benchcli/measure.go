package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// measurement is one row of the table: a baseline or a command on one of
// the trail's two forms.
type measurement struct {
	name  string // as the table shows it
	dir   string // gzDir or linesDir
	kind  string // a baseline's name, or "" for a command
	path  string // the command's binary
	walls []time.Duration
	rss   int64 // peak resident set, the largest of the runs, bytes
}

// args returns the process to run: the command, or this program running
// the baseline.
func (m *measurement) args(trail string, count bool) ([]string, error) {
	if m.kind == "" {
		return []string{m.path, "-json", "-concurrency", "2", filepath.Join(trail, m.dir)}, nil
	}
	self, err := os.Executable()
	if err != nil {
		return nil, err
	}
	return []string{self, "baseline", "-count=" + strconv.FormatBool(count), m.kind, trail}, nil
}

// once runs the measurement's process with stdout going to out, and
// returns its wall time and peak RSS.
func (m *measurement) once(trail string, out io.Writer, count bool) (time.Duration, int64, error) {
	argv, err := m.args(trail, count)
	if err != nil {
		return 0, 0, err
	}
	cmd := exec.Command(argv[0], argv[1:]...)
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = out, &stderr
	start := time.Now()
	err = cmd.Run()
	wall := time.Since(start)
	if err != nil {
		return 0, 0, fmt.Errorf("%s: %v\n%s", strings.Join(argv, " "), err, stderr.Bytes())
	}
	if stderr.Len() > 0 {
		return 0, 0, fmt.Errorf("%s: wrote on stderr:\n%s", strings.Join(argv, " "), stderr.Bytes())
	}
	var rss int64
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = ru.Maxrss * 1024 // KiB on Linux
	}
	return wall, rss, nil
}

// count runs the measurement once, untimed (it also warms the page
// cache), and returns the ElastiCache records it found: a baseline
// prints them, a command prints one JSON line each.
func (m *measurement) count(trail string) (int, error) {
	var out bytes.Buffer
	var lines lineCounter
	w := io.Writer(&out)
	if m.kind == "" {
		w = &lines
	}
	if _, _, err := m.once(trail, w, true); err != nil {
		return 0, err
	}
	if m.kind == "" {
		return lines.n, nil
	}
	var n int64
	var ec int
	if _, err := fmt.Sscan(out.String(), &n, &ec); err != nil {
		return 0, fmt.Errorf("baseline %s printed %q: %v", m.kind, out.String(), err)
	}
	return ec, nil
}

type lineCounter struct{ n int }

func (c *lineCounter) Write(p []byte) (int, error) {
	c.n += bytes.Count(p, []byte{'\n'})
	return len(p), nil
}

func (m *measurement) median() time.Duration {
	w := slices.Clone(m.walls)
	slices.Sort(w)
	return w[len(w)/2]
}

// measure runs every measurement on the trail in dir: an untimed run that
// checks the ElastiCache count, then runs timed runs of each, taking
// turns so that a slow spell of the machine spreads over all of them.
func measure(w io.Writer, dir string, cmds []command, runs int) error {
	man, err := readManifest(dir)
	if err != nil {
		return fmt.Errorf("%s: no complete trail (run benchcli gen first): %w", dir, err)
	}
	ms := []*measurement{
		{name: "compress/gzip, inflate only (the ceiling)", dir: gzDir, kind: "gzip"},
		{name: "klauspost/compress/gzip, inflate only", dir: gzDir, kind: "klauspost"},
	}
	for _, c := range cmds {
		ms = append(ms, &measurement{name: "cachetrail -json (" + c.label + ")", dir: gzDir, path: c.path})
	}
	ms = append(ms, &measurement{name: "encoding/json into map[string]any", dir: linesDir, kind: "json"},
		&measurement{name: "encoding/json into a struct of eventSource alone", dir: linesDir, kind: "json-struct"})
	for _, c := range cmds {
		ms = append(ms, &measurement{name: "cachetrail -json (" + c.label + ")", dir: linesDir, path: c.path})
	}
	for _, m := range ms {
		n, err := m.count(dir)
		if err != nil {
			return err
		}
		if n != man.ElastiCache {
			return fmt.Errorf("%s on %s found %d ElastiCache records, want %d", m.name, m.dir, n, man.ElastiCache)
		}
	}
	devNull, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	defer devNull.Close()
	for range runs {
		for _, m := range ms {
			wall, rss, err := m.once(dir, devNull, false)
			if err != nil {
				return err
			}
			m.walls = append(m.walls, wall)
			m.rss = max(m.rss, rss)
		}
	}
	return table(w, man, ms, runs)
}

// table prints the results as Markdown.
func table(w io.Writer, man *Manifest, ms []*measurement, runs int) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "Trail: %d log files, %d records (%d ElastiCache), %.0f MB inflated, %.0f MB gzipped (level 6), %.0f MB as JSON Lines.\n",
		man.Files, man.Records, man.ElastiCache, float64(man.Bytes)/1e6, float64(man.GzipBytes)/1e6, float64(man.LinesBytes)/1e6)
	fmt.Fprintf(bw, "Machine: %s, %d CPUs; the median of %d runs; 2 goroutines for each baseline, -concurrency 2 for the command.\n", cpuModel(), runtime.NumCPU(), runs)
	fmt.Fprintf(bw, "Peak RSS is the process's high-water mark (no less than the %.0f MiB of the process that started it: Linux counts it until exec).\n\n", float64(selfPeak())/(1<<20))
	fmt.Fprintln(bw, "| input | run | MB/s | × compress/gzip | × encoding/json | peak RSS |")
	fmt.Fprintln(bw, "| --- | --- | --- | --- | --- | --- |")
	rate := func(m *measurement) float64 {
		n := man.Bytes
		if m.dir == linesDir {
			n = man.LinesBytes
		}
		return float64(n) / 1e6 / m.median().Seconds()
	}
	var ceiling, decoder float64
	for _, m := range ms {
		switch m.kind {
		case "gzip":
			ceiling = rate(m)
		case "json":
			decoder = rate(m)
		}
	}
	for _, m := range ms {
		input, vsGzip, vsJSON := ".json.gz", fmt.Sprintf("%.2f", rate(m)/ceiling), ""
		if m.dir == linesDir {
			input, vsGzip, vsJSON = ".jsonl", "", fmt.Sprintf("%.1fx", rate(m)/decoder)
		}
		fmt.Fprintf(bw, "| %s | %s | %.0f | %s | %s | %.0f MiB |\n", input, m.name, rate(m), vsGzip, vsJSON, float64(m.rss)/(1<<20))
	}
	return bw.Flush()
}

// cpuModel returns the processor's name from /proc/cpuinfo, if any.
func cpuModel() string {
	b, _ := os.ReadFile("/proc/cpuinfo")
	for line := range strings.Lines(string(b)) {
		if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return runtime.GOARCH
}

// selfPeak returns this process's peak resident set (VmHWM), in bytes, or 0.
func selfPeak() int64 {
	b, _ := os.ReadFile("/proc/self/status")
	for line := range strings.Lines(string(b)) {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			var kb int64
			fmt.Sscan(strings.TrimSuffix(strings.TrimSpace(v), " kB"), &kb)
			return kb << 10
		}
	}
	return 0
}
