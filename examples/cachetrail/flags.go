package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
	"time"
)

// config is the parsed command line.
type config struct {
	check       bool
	history     bool // per-resource timeline, one row per setting changed
	changes     bool // change sets, one row per setting
	json        bool
	csv         bool // comma-separated table, for spreadsheets
	wide        bool // no truncated cells
	showSecrets bool // sensitive values as they are
	sort        bool // all events by time
	version     bool
	filter      filter
	s3Endpoint  string
	region      string // S3's; empty: the AWS configuration's, else us-east-1
	concurrency int
	inputs      []string
}

// usageError is a mistake on the command line: exit status 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

const usageText = `usage: cachetrail [flags] PATH...
       cachetrail history [flags] PATH...
       cachetrail changes [flags] PATH...
       cachetrail check [flags] PATH...
       cachetrail schema [-strict] [ACTION]

Lists the ElastiCache calls in CloudTrail logs as a table, or as JSON with
-json. history prints what each call changed on each resource, with the
setting's value before and after and who changed it; changes lists every
setting each call asked to change (tab-separated, or -json). -risky keeps
only security-relevant changes. check reports every forgiven quirk, unmodeled member and error, and
exits 1 when a member was unmodeled or a record could not be read. schema
prints the JSON Schema of a record or of an ElastiCache action's payloads.

PATH is a file, a directory (walked for .json, .json.gz, .jsonl, .jsonl.gz),
- for standard input, or s3://bucket/prefix.

Flags may come before or after the paths.
`

// parseArgs parses the command line. Flags may follow the paths; "--"
// ends the flags. now is the time relative -since and -until count back
// from; stdin says whether standard input is there to read when no path
// is given (it is not a terminal).
func parseArgs(args []string, stderr io.Writer, now time.Time, stdin bool) (*config, error) {
	c := &config{concurrency: 4}
	if len(args) > 0 {
		switch args[0] {
		case "check":
			c.check = true
		case "history":
			c.history = true
		case "changes":
			c.changes = true
		}
		if c.check || c.history || c.changes {
			args = args[1:]
		}
	}
	fs := flag.NewFlagSet("cachetrail", flag.ContinueOnError)
	// The flag package prints errors and the usage; the command prints
	// its error alone, and the usage only for -h.
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	usage := func() {
		fs.SetOutput(stderr)
		fmt.Fprint(stderr, usageText)
		fmt.Fprintln(stderr, "\nFlags:")
		fs.PrintDefaults()
	}
	var since, until string
	fs.BoolVar(&c.json, "json", false, "print one JSON object per event instead of the table")
	fs.BoolVar(&c.csv, "csv", false, "print the table as CSV, for spreadsheets")
	fs.BoolVar(&c.wide, "wide", false, "do not shorten long cells to fit the terminal's width")
	fs.BoolVar(&c.showSecrets, "show-secrets", false, "print sensitive values (auth tokens, passwords) as they are; WARNING: they end up in your terminal, logs and shell history")
	fs.BoolVar(&c.sort, "sort", false, fmt.Sprintf("print events in time order (up to %d events; past that, in input order)", sortLimit))
	fs.BoolVar(&c.version, "version", false, "print the version and the ElastiCache model it was built from")
	fs.StringVar(&since, "since", "", "keep events at or after this `time`: RFC 3339, a date (2014-12-01), or a time ago (90m, 36h, 7d)")
	fs.StringVar(&until, "until", "", "keep events before this `time`: RFC 3339, a date (which includes that whole day), or a time ago")
	fs.Func("action", "keep events whose action matches this glob `pattern`, in any case, such as 'create*' (repeatable)", func(s string) error {
		if err := actionPattern(s); err != nil {
			return err
		}
		c.filter.actions = append(c.filter.actions, s)
		return nil
	})
	fs.StringVar(&c.filter.resource, "resource", "", "keep events naming a resource whose ID or ARN matches this glob `pattern`")
	fs.StringVar(&c.filter.actor, "actor", "", "keep events whose caller's ARN, name, session name, source identity, principal id, access key id or Identity Center user id contains this `text`, in any letter case")
	fs.BoolVar(&c.filter.failed, "failed", false, "keep only failed calls")
	fs.BoolVar(&c.filter.risky, "risky", false, "keep only security-relevant changes (events with at least one, in the table)")
	fs.StringVar(&c.s3Endpoint, "s3-endpoint", "", "S3 endpoint `URL` (default AWS_ENDPOINT_URL_S3 or AWS's); selects path-style addressing")
	fs.StringVar(&c.region, "region", "", "AWS `region` of the S3 bucket (default AWS_REGION or the profile's, else us-east-1)")
	fs.IntVar(&c.concurrency, "concurrency", c.concurrency, "inputs read at once (S3 downloads in flight)")

	flagArgs, rest := args, []string(nil)
	for i, a := range args {
		if a == "--" {
			flagArgs, rest = args[:i], args[i+1:]
			break
		}
	}
	for {
		if err := fs.Parse(flagArgs); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				usage()
				return nil, err
			}
			return nil, &usageError{err.Error()}
		}
		flagArgs = fs.Args()
		if len(flagArgs) == 0 {
			break
		}
		c.inputs = append(c.inputs, flagArgs[0])
		flagArgs = flagArgs[1:]
	}
	c.inputs = append(c.inputs, rest...)

	if c.version {
		return c, nil
	}
	if len(c.inputs) == 0 && stdin {
		c.inputs = []string{"-"}
	}
	var err error
	if c.filter.since, _, err = parseTime(since, now); err != nil {
		return nil, &usageError{"-since: " + err.Error()}
	}
	var dateOnly bool
	if c.filter.until, dateOnly, err = parseTime(until, now); err != nil {
		return nil, &usageError{"-until: " + err.Error()}
	}
	if dateOnly {
		c.filter.until = c.filter.until.AddDate(0, 0, 1)
	}
	if _, err := path.Match(c.filter.resource, ""); err != nil {
		return nil, &usageError{fmt.Sprintf("-resource: bad pattern %q", c.filter.resource)}
	}
	switch {
	case len(c.inputs) == 0:
		return nil, &usageError{"no input: give a file, a directory, - or s3://bucket/prefix"}
	case c.check && c.json:
		return nil, &usageError{"check does not take -json"}
	case c.check && c.filter.risky:
		return nil, &usageError{"check does not take -risky"}
	case c.csv && (c.json || c.check || c.history || c.changes):
		return nil, &usageError{"-csv is for the event table"}
	case c.sort && !c.json && (c.check || c.history || c.changes):
		return nil, &usageError{"-sort is for the event table and -json"}
	case c.concurrency < 1:
		return nil, &usageError{"-concurrency must be at least 1"}
	case !c.filter.since.IsZero() && !c.filter.until.IsZero() && !c.filter.since.Before(c.filter.until):
		return nil, &usageError{"-since must be before -until"}
	}
	return c, nil
}

// parseTime reads an RFC 3339 time, a date (midnight UTC) or a time ago
// from now (90m, 36h, 7d, 2w); dateOnly says it was a date. An empty
// string is the zero time.
func parseTime(s string, now time.Time) (t time.Time, dateOnly bool, err error) {
	if s == "" {
		return time.Time{}, false, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, false, nil
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, true, nil
	}
	if d, ok := parseAgo(s); ok {
		return now.Add(-d), false, nil
	}
	return time.Time{}, false, fmt.Errorf("%q is neither an RFC 3339 time (2014-12-01T22:00:00Z), a date (2014-12-01) nor a time ago (90m, 36h, 7d)", strings.TrimSpace(s))
}

// parseAgo reads a positive duration: Go's form (90m, 1h30m) or a whole
// number of days or weeks (7d, 2w).
func parseAgo(s string) (time.Duration, bool) {
	if n := len(s); n > 1 && (s[n-1] == 'd' || s[n-1] == 'w') {
		k, err := strconv.Atoi(s[:n-1])
		day := 24 * time.Hour
		if s[n-1] == 'w' {
			day *= 7
		}
		if err != nil || k <= 0 || k > 100_000 {
			return 0, false
		}
		return time.Duration(k) * day, true
	}
	d, err := time.ParseDuration(s)
	return d, err == nil && d > 0
}
