package main

import (
	"bufio"
	"fmt"
	"io"
	"os/exec"
	"slices"
	"strconv"
	"strings"
)

// A phase of the command's work, and the functions that tell it. A
// sample is collection work when any frame is the collector's; else
// output when it is under the output's code; else the phase of its
// innermost frame that names one (allocation counts where it happens).
type phase struct {
	name  string
	match []string // prefixes of function names
}

var (
	gcPhase = phase{"GC (marking, assists, sweeping)", []string{
		"runtime.gcBgMarkWorker", "runtime.gcAssistAlloc", "runtime.bgsweep", "runtime.bgscavenge",
		"runtime.sweepone", "runtime.gcStart", "runtime.gcMarkDone", "runtime.gcMarkTermination", "runtime.markroot",
	}}
	outputPhase = phase{"output (-json records, encoding/json)", []string{
		"github.com/cachetrail/cachetrail/examples/cachetrail.(*app).emit",
		"github.com/cachetrail/cachetrail/examples/cachetrail.(*jsonOutput)",
		"github.com/cachetrail/cachetrail/examples/cachetrail.NewRecord",
		"encoding/json.",
	}}
	innerPhases = []phase{
		{"inflate (gzip)", []string{"github.com/klauspost/compress/", "compress/", "hash/crc32."}},
		{"scan (split records, filter by eventSource)", []string{
			"github.com/cachetrail/cachetrail/internal/scan.", "github.com/cachetrail/cachetrail/internal/swar.",
		}},
		{"read (buffers, hand-over between goroutines)", []string{
			"github.com/cachetrail/cachetrail/event.(*Reader)", "github.com/cachetrail/cachetrail/internal/split.",
			"bufio.",
		}},
		{"decode (event, ElastiCache action)", []string{
			"github.com/cachetrail/cachetrail/internal/jsonx.", "github.com/cachetrail/cachetrail/event.",
			"github.com/cachetrail/cachetrail/elasticache.", "github.com/cachetrail/cachetrail/wire.",
			"github.com/cachetrail/cachetrail/userid.", "github.com/cachetrail/cachetrail/internal/payload.",
		}},
		{"system calls (file reads, writes)", []string{"syscall.", "internal/poll.", "os.", "internal/runtime/syscall."}},
	}
	otherPhase = phase{"other (scheduler, the command's loop)", nil}
)

func (p phase) has(fn string) bool {
	for _, m := range p.match {
		if strings.HasPrefix(fn, m) {
			return true
		}
	}
	return false
}

// classify returns the phase of a sample, its frames innermost first.
func classify(frames []string) phase {
	for _, fn := range frames {
		if gcPhase.has(fn) {
			return gcPhase
		}
	}
	for _, fn := range frames {
		if outputPhase.has(fn) {
			return outputPhase
		}
	}
	for _, fn := range frames {
		for _, p := range innerPhases {
			if p.has(fn) {
				return p
			}
		}
	}
	return otherPhase
}

// printSplit prints how a CPU profile's samples split into phases.
func printSplit(w io.Writer, profile string) error {
	out, err := exec.Command("go", "tool", "pprof", "-raw", profile).Output()
	if err != nil {
		return fmt.Errorf("go tool pprof -raw %s: %w", profile, err)
	}
	split, total, err := splitRaw(strings.NewReader(string(out)))
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "| phase | CPU s | share |\n| --- | --- | --- |\n")
	for _, p := range append(append([]phase{gcPhase, outputPhase}, innerPhases...), otherPhase) {
		if ns, ok := split[p.name]; ok {
			fmt.Fprintf(w, "| %s | %.2f | %.0f%% |\n", p.name, float64(ns)/1e9, 100*float64(ns)/float64(total))
		}
	}
	fmt.Fprintf(w, "| total | %.2f | |\n", float64(total)/1e9)
	return nil
}

// splitRaw adds up the CPU time of the samples of `go tool pprof -raw`
// output by phase.
func splitRaw(r io.Reader) (map[string]int64, int64, error) {
	type sample struct {
		ns   int64
		locs []int
	}
	var samples []sample
	locs := map[int][]string{} // location: functions, innermost first
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	section, last := "", 0
	for sc.Scan() {
		line := sc.Text()
		switch strings.TrimSpace(line) {
		case "Samples:", "Locations", "Mappings":
			section = strings.TrimSuffix(strings.TrimSpace(line), ":")
			continue
		}
		switch section {
		case "Samples":
			counts, ids, ok := strings.Cut(line, ":")
			f := strings.Fields(counts)
			if !ok || len(f) != 2 {
				continue // the header
			}
			ns, err := strconv.ParseInt(f[1], 10, 64)
			if err != nil {
				continue
			}
			s := sample{ns: ns}
			for _, id := range strings.Fields(ids) {
				n, err := strconv.Atoi(id)
				if err != nil {
					return nil, 0, fmt.Errorf("bad sample line %q", line)
				}
				s.locs = append(s.locs, n)
			}
			samples = append(samples, s)
		case "Locations":
			f := strings.Fields(line)
			if len(f) == 0 {
				continue
			}
			if id, ok := strings.CutSuffix(f[0], ":"); ok {
				n, err := strconv.Atoi(id)
				if err != nil || len(f) < 4 {
					return nil, 0, fmt.Errorf("bad location line %q", line)
				}
				last = n
				locs[n] = append(locs[n], f[3])
			} else {
				locs[last] = append(locs[last], f[0]) // an inlined caller
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, 0, err
	}
	if len(samples) == 0 {
		return nil, 0, fmt.Errorf("no samples in the profile")
	}
	split := map[string]int64{}
	var total int64
	for _, s := range samples {
		var frames []string
		for _, l := range s.locs {
			frames = append(frames, locs[l]...)
		}
		split[classify(slices.Clip(frames)).name] += s.ns
		total += s.ns
	}
	return split, total, nil
}
