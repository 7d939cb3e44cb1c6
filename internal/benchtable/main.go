// Command benchtable turns the output of scripts/bench (go test -bench
// over package elasticache, then its memory test with -v) into README's
// performance table: for each target, our figure, the baseline's from
// the same run, their ratio, the goal and whether it is met. Each
// benchmark's figure is the median of its runs.
//
//	go test ./elasticache -run '^$' -bench . -benchmem -count 5 > out.txt
//	go test ./elasticache -run '^TestMemoryFlat$' -v >> out.txt
//	go run ./internal/benchtable < out.txt
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// result is one benchmark's medians.
type result struct {
	nsPerOp, mbPerS, allocs float64
}

// runs collects every line of one benchmark.
type runs struct{ ns, mb, allocs []float64 }

var (
	benchLine = regexp.MustCompile(`^(Benchmark\S+?)(?:-\d+)?\s+\d+\s+(.*)$`)
	heldLine  = regexp.MustCompile(`^\s*\S+:\d+:\s+(\d+) records,\s+\d+ actions: held at most\s+(\d+) KiB; peak HeapAlloc growth\s+(\d+) KiB`)
)

type input struct {
	bench map[string]result
	cpu   string
	procs string
	held  map[int][2]int64 // records -> held KiB, peak HeapAlloc KiB
}

func parse(r io.Reader) (*input, error) {
	in := &input{bench: map[string]result{}, held: map[int][2]int64{}}
	all := map[string]*runs{}
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := sc.Text()
		if s, ok := strings.CutPrefix(line, "cpu: "); ok {
			in.cpu = s
		}
		if m := heldLine.FindStringSubmatch(line); m != nil {
			n, _ := strconv.Atoi(m[1])
			held, _ := strconv.ParseInt(m[2], 10, 64)
			peak, _ := strconv.ParseInt(m[3], 10, 64)
			in.held[n] = [2]int64{held, peak}
			continue
		}
		m := benchLine.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		if i := strings.LastIndexByte(strings.Fields(line)[0], '-'); i > 0 {
			in.procs = strings.Fields(line)[0][i+1:]
		}
		rs := all[m[1]]
		if rs == nil {
			rs = &runs{}
			all[m[1]] = rs
		}
		f := strings.Fields(m[2])
		for i := 0; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				continue
			}
			switch f[i+1] {
			case "ns/op":
				rs.ns = append(rs.ns, v)
			case "MB/s":
				rs.mb = append(rs.mb, v)
			case "allocs/op":
				rs.allocs = append(rs.allocs, v)
			}
		}
	}
	for name, rs := range all {
		in.bench[name] = result{median(rs.ns), median(rs.mb), median(rs.allocs)}
	}
	return in, sc.Err()
}

func median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	v = slices.Clone(v)
	slices.Sort(v)
	if len(v)%2 == 1 {
		return v[len(v)/2]
	}
	return (v[len(v)/2-1] + v[len(v)/2]) / 2
}

func yes(ok bool) string {
	if ok {
		return "yes"
	}
	return "**no**"
}

func (in *input) need(names ...string) error {
	for _, n := range names {
		if _, ok := in.bench[n]; !ok {
			return fmt.Errorf("benchtable: no %s in the input", n)
		}
	}
	return nil
}

func table(w io.Writer, in *input) error {
	if err := in.need("BenchmarkTrail", "BenchmarkTrailBaselineMap", "BenchmarkTrailGzip",
		"BenchmarkTrailBaselineGunzip", "BenchmarkEvent", "BenchmarkEventBaselineStructs"); err != nil {
		return err
	}
	b := in.bench
	fmt.Fprintf(w, "Measured on %s, %s CPUs (medians of each benchmark's runs).\n\n", in.cpu, in.procs)
	fmt.Fprintln(w, "| target | cachetrail | baseline, same run | ratio | goal | met |")
	fmt.Fprintln(w, "| --- | --- | --- | --- | --- | --- |")

	t, base := b["BenchmarkTrail"], b["BenchmarkTrailBaselineMap"]
	r := base.nsPerOp / t.nsPerOp
	fmt.Fprintf(w, "| 1. 20,000-record trail, 5%% ElastiCache: filter, decode actions | %.0f MB/s | %.0f MB/s (`encoding/json` into `map[string]any`) | %.1fx | ≥ 10x | %s |\n",
		t.mbPerS, base.mbPerS, r, yes(r >= 10))

	t, base = b["BenchmarkTrailGzip"], b["BenchmarkTrailBaselineGunzip"]
	r = t.mbPerS / base.mbPerS
	fmt.Fprintf(w, "| 2. the same from its `.json.gz` | %.0f MB/s | %.0f MB/s (`compress/gzip` to `io.Discard`) | %.0f%% | ≥ 90%% | %s |\n",
		t.mbPerS, base.mbPerS, 100*r, yes(r >= 0.9))

	t, base = b["BenchmarkEvent"], b["BenchmarkEventBaselineStructs"]
	r = base.nsPerOp / t.nsPerOp
	fmt.Fprintf(w, "| 3. one CreateCacheCluster record: `Parse` + `Decode` | %.1f µs, %.0f allocs | %.1f µs, %.0f allocs (`encoding/json` into plain structs) | %.1fx | ≤ 15 µs, ≤ 35 allocs, ≥ 2x | %s |\n",
		t.nsPerOp/1000, t.allocs, base.nsPerOp/1000, base.allocs, r, yes(t.nsPerOp <= 15000 && t.allocs <= 35 && r >= 2))

	small, okS := in.held[10_000]
	large, okL := in.held[1_000_000]
	if okS && okL {
		d := large[0] - small[0]
		fmt.Fprintf(w, "| 4. memory, 10k to 1M records | heap held: %d KiB, then %d KiB | | %+d KiB | < 4 MB more | %s |\n",
			small[0], large[0], d, yes(d < 4<<10))
		fmt.Fprintf(w, "\nPeak HeapAlloc growth, garbage included: %d KiB for 10k records, %d KiB for 1M.\n", small[1], large[1])
	} else {
		fmt.Fprintln(w, "| 4. memory, 10k to 1M records | not measured: run TestMemoryFlat without -short or -race | | | < 4 MB more | |")
	}
	return nil
}

func main() {
	in, err := parse(os.Stdin)
	if err == nil {
		err = table(os.Stdout, in)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
