// Command cachetrail lists the Amazon ElastiCache calls in CloudTrail logs.
//
// Usage:
//
//	cachetrail [flags] PATH...        table of ElastiCache events
//	cachetrail -json [flags] PATH...  one JSON object per event
//	cachetrail history [flags] PATH...  each resource's changes: before, after, who
//	cachetrail changes [flags] PATH...  every setting each call asked to change
//	cachetrail check [flags] PATH...  report quirks, unmodeled members and errors
//	cachetrail schema [-strict] [ACTION]  JSON Schema of a record or an action
//
// A PATH is a file, a directory (walked for .json, .json.gz, .jsonl and
// .jsonl.gz files), - for standard input, or s3://bucket/prefix. Every shape
// event.NewReader accepts works: CloudTrail log files (gzipped or not), JSON
// Lines exports, EventBridge events and CloudWatch Logs payloads.
//
// With no PATH, standard input is read when it is not a terminal.
//
// Exit status: 0 on success, 1 when an input or a record could not be read
// (and, for check, when a member was left unmodeled), 2 for usage errors,
// 130 when interrupted.
package main

import (
	"context"
	"os"
	"os/signal"
	"runtime/debug"
)

// gcPercent is the command's GOGC unless the environment sets one. Its
// garbage is mostly short-lived and its live heap small: collecting at
// twice the default growth read JSON Lines about a fifth faster on the
// bench-cli trail, with a peak RSS of 22 MiB there and 35 MiB on the log
// files (GOGC=300 took those to 55 MiB).
const gcPercent = 200

// memoryLimit is the command's soft memory limit (GOMEMLIMIT) unless the
// environment sets one. The collector paces itself by GOGC below it, so
// it costs nothing on a quiet machine; on a busy one, where marking
// falls behind the allocation, it keeps the heap from overshooting. On
// the 1500 MB bench-cli trail's log files, with another process taking a
// CPU, it held the peak RSS at 39 MiB instead of 43 to 47. A record
// that needs more memory still gets it, with collection more often.
const memoryLimit = 32 << 20

// tuneGC sets the collector's pace and soft memory limit, except where
// the environment (getenv) sets them.
func tuneGC(getenv func(string) string) {
	if getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
}

func main() {
	tuneGC(os.Getenv)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], &env{
		stdin:      os.Stdin,
		stdinPiped: !isTerminal(os.Stdin),
		stdout:     os.Stdout,
		stderr:     os.Stderr,
		terminal:   isTerminal(os.Stderr),
		width:      terminalWidth(os.Stdout),
	})
	stop()
	os.Exit(code)
}

// isTerminal reports whether f is a character device, such as a terminal.
func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
