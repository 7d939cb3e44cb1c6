// Command benchcli measures the cachetrail command on a realistic trail,
// beside in-process baselines on the same data; scripts/bench-cli runs it.
//
//	benchcli gen [-mb 1500] [-seed 1] DIR
//	benchcli run [-runs 3] -cmd LABEL=BINARY... DIR
//	benchcli baseline [-count] gzip|klauspost|json DIR
//	benchcli split PROFILE
//
// gen writes DIR/gz, about 800 gzipped CloudTrail log files (1500 MB
// inflated; -mb scales the number of files) named and laid out as
// CloudTrail delivers them, AWSLogs/ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/
// ACCOUNT_CloudTrail_REGION_YYYYMMDDTHHMMZ_RANDOM.json.gz, and DIR/jsonl,
// the same records as JSON Lines, a file per log file. A trail already
// there with the same -mb and -seed is kept.
//
// run runs each binary as `BINARY -json -concurrency 2 DIR/gz` and on
// DIR/jsonl, its output to /dev/null, and each baseline (baseline, in a
// process of its own), -runs times each, and prints a Markdown table: the
// median MB/s (inflated bytes over wall time), the ratios to the
// compress/gzip ceiling and to encoding/json, and the peak RSS. A first,
// untimed run of each must find the trail's number of ElastiCache
// records; the inflate-only baselines count them by their eventSource
// text then, and only inflate in the timed runs.
//
// split prints where a CPU profile's time went: inflate, scan, decode,
// output, GC and the rest.
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"runtime"
	"strings"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "benchcli:", err)
		os.Exit(1)
	}
}

type cmdFlag []command

type command struct{ label, path string }

func (c *cmdFlag) String() string { return fmt.Sprint(*c) }

func (c *cmdFlag) Set(s string) error {
	label, path, ok := strings.Cut(s, "=")
	if !ok || label == "" || path == "" {
		return fmt.Errorf("want LABEL=BINARY, not %q", s)
	}
	*c = append(*c, command{label, path})
	return nil
}

func run(args []string) error {
	if len(args) == 0 {
		return errors.New("usage: benchcli gen|run|baseline|split")
	}
	fs := flag.NewFlagSet("benchcli "+args[0], flag.ContinueOnError)
	switch args[0] {
	case "gen":
		mb := fs.Int("mb", 1500, "megabytes of records, inflated")
		seed := fs.Uint64("seed", 1, "random seed")
		if err := fs.Parse(args[1:]); err != nil {
			return err
		}
		if fs.NArg() != 1 || *mb < 1 {
			return fmt.Errorf("usage: benchcli gen [-mb N] [-seed S] DIR")
		}
		m, err := generate(fs.Arg(0), *mb, *seed, runtime.GOMAXPROCS(0))
		if err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "benchcli: %s: %d files, %d records (%d ElastiCache), %.0f MB inflated, %.0f MB gzipped\n",
			fs.Arg(0), m.Files, m.Records, m.ElastiCache, float64(m.Bytes)/1e6, float64(m.GzipBytes)/1e6)
		return nil
	case "run":
		var cmds cmdFlag
		fs.Var(&cmds, "cmd", "`LABEL=BINARY` of a cachetrail command to measure (repeatable)")
		runs := fs.Int("runs", 3, "timed runs of each measurement; the median counts")
		if err := fs.Parse(args[1:]); err != nil {
			return err
		}
		if fs.NArg() != 1 || *runs < 1 {
			return fmt.Errorf("usage: benchcli run [-runs N] -cmd LABEL=BINARY... DIR")
		}
		return measure(os.Stdout, fs.Arg(0), cmds, *runs)
	case "baseline":
		count := fs.Bool("count", false, "count the ElastiCache records, also when inflating only")
		if err := fs.Parse(args[1:]); err != nil {
			return err
		}
		if fs.NArg() != 2 {
			return fmt.Errorf("usage: benchcli baseline [-count] gzip|klauspost|json DIR")
		}
		n, ec, err := runBaseline(fs.Arg(0), fs.Arg(1), *count)
		if err != nil {
			return err
		}
		fmt.Printf("%d %d\n", n, ec)
		return nil
	case "split":
		if len(args) != 2 {
			return fmt.Errorf("usage: benchcli split PROFILE")
		}
		return printSplit(os.Stdout, args[1])
	}
	return fmt.Errorf("unknown subcommand %q", args[0])
}
