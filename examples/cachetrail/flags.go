package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"path"
	"strings"
	"time"
)

// config is the parsed command line.
type config struct {
	check       bool
	history     bool // per-resource timeline, one row per setting changed
	changes     bool // change sets, one row per setting
	json        bool
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
only security-relevant changes. check reports every forgiven quirk, unmodelled member and error, and
exits 1 when a member was unmodelled or a record could not be read. schema
prints the JSON Schema of a record or of an ElastiCache action's payloads.

PATH is a file, a directory (walked for .json, .json.gz, .jsonl, .jsonl.gz),
- for standard input, or s3://bucket/prefix.

Flags may come before or after the paths.
`

// parseArgs parses the command line. Flags may follow the paths; "--"
// ends the flags.
func parseArgs(args []string, stderr io.Writer) (*config, error) {
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
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, usageText)
		fmt.Fprintln(stderr, "\nFlags:")
		fs.PrintDefaults()
	}
	var since, until string
	fs.BoolVar(&c.json, "json", false, "print one JSON object per event instead of the table")
	fs.StringVar(&since, "since", "", "keep events at or after this `time` (RFC 3339, or a date: 2014-12-01)")
	fs.StringVar(&until, "until", "", "keep events before this `time` (RFC 3339, or a date, which includes that whole day)")
	fs.Func("action", "keep events whose action matches this glob `pattern`, such as 'Create*' (repeatable)", func(s string) error {
		if _, err := path.Match(s, ""); err != nil {
			return fmt.Errorf("bad pattern %q", s)
		}
		c.filter.actions = append(c.filter.actions, s)
		return nil
	})
	fs.StringVar(&c.filter.resource, "resource", "", "keep events naming a resource whose ID or ARN matches this glob `pattern`")
	fs.StringVar(&c.filter.actor, "actor", "", "keep events whose actor contains this `text`")
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

	var err error
	if c.filter.since, _, err = parseTime(since); err != nil {
		return nil, &usageError{"-since: " + err.Error()}
	}
	var dateOnly bool
	if c.filter.until, dateOnly, err = parseTime(until); err != nil {
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
	case c.concurrency < 1:
		return nil, &usageError{"-concurrency must be at least 1"}
	case !c.filter.since.IsZero() && !c.filter.until.IsZero() && !c.filter.since.Before(c.filter.until):
		return nil, &usageError{"-since must be before -until"}
	}
	return c, nil
}

// parseTime reads an RFC 3339 time or a date (midnight UTC); dateOnly says
// which. An empty string is the zero time.
func parseTime(s string) (t time.Time, dateOnly bool, err error) {
	if s == "" {
		return time.Time{}, false, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, false, nil
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, true, nil
	}
	return time.Time{}, false, fmt.Errorf("%q is neither an RFC 3339 time (2014-12-01T22:00:00Z) nor a date (2014-12-01)", strings.TrimSpace(s))
}
