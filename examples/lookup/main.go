// Command lookup lists the recent Amazon ElastiCache calls of an account
// through CloudTrail's LookupEvents API (the last 90 days of management
// events) with the library's event/lookup package, as a table or, with
// -json, one JSON object per event.
//
//	go run ./examples/lookup -since 24h
//
// It uses the SDK's default credential chain and needs
// cloudtrail:LookupEvents. LookupEvents allows two requests a second per
// account and region; the SDK retries when throttled.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"text/tabwriter"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail"

	"github.com/cachetrail/cachetrail/elasticache"
	"github.com/cachetrail/cachetrail/event/lookup"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run runs the command and returns its exit status: 1 when an event could
// not be read, 2 for usage errors.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("lookup", flag.ContinueOnError)
	fs.SetOutput(stderr)
	since := fs.String("since", "24h", "start of the range: a duration before now (90m, 24h) or an RFC 3339 time")
	until := fs.String("until", "", "end of the range: a duration before now or an RFC 3339 time (default now)")
	region := fs.String("region", "", "AWS region (default from the environment)")
	endpoint := fs.String("endpoint", "", "CloudTrail endpoint `URL` (default AWS_ENDPOINT_URL_CLOUDTRAIL or AWS's)")
	asJSON := fs.Bool("json", false, "print one JSON object per event instead of the table")
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 2
	}
	now := time.Now()
	start, err := when(*since, now)
	if err != nil {
		fmt.Fprintf(stderr, "lookup: -since: %v\n", err)
		return 2
	}
	end := now
	if *until != "" {
		if end, err = when(*until, now); err != nil {
			fmt.Fprintf(stderr, "lookup: -until: %v\n", err)
			return 2
		}
	}
	if fs.NArg() > 0 || !start.Before(end) {
		fmt.Fprintln(stderr, "lookup: usage: lookup [-since D|T] [-until D|T] [-region R] [-json]")
		return 2
	}

	var opts []func(*config.LoadOptions) error
	if *region != "" {
		opts = append(opts, config.WithRegion(*region))
	}
	cfg, err := config.LoadDefaultConfig(ctx, opts...)
	if err != nil {
		fmt.Fprintf(stderr, "lookup: %v\n", err)
		return 1
	}
	client := cloudtrail.NewFromConfig(cfg, func(o *cloudtrail.Options) {
		if *endpoint != "" {
			o.BaseEndpoint = aws.String(*endpoint)
		}
	})

	var tbl *tabwriter.Writer
	if !*asJSON {
		tbl = newTable(stdout)
	}
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	code, rows := 0, 0
	for ev, err := range lookup.Events(ctx, client, start, end) {
		if err != nil {
			fmt.Fprintf(stderr, "lookup: %v\n", err)
			code = 1
		}
		if ev == nil {
			continue
		}
		a, err := elasticache.Decode(ev)
		if err != nil {
			fmt.Fprintf(stderr, "lookup: %v\n", err)
			code = 1
		}
		if a == nil {
			continue
		}
		if tbl != nil {
			addRow(tbl, ev, a)
			if rows++; rows%flushEvery == 0 {
				tbl.Flush() // stream a long range
			}
		} else {
			enc.Encode(newRecord(ev, a))
		}
	}
	if tbl != nil {
		tbl.Flush()
	}
	return code
}

// when reads a duration before now or an RFC 3339 time.
func when(s string, now time.Time) (time.Time, error) {
	if d, err := time.ParseDuration(s); err == nil {
		return now.Add(-d), nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is neither a duration (24h) nor an RFC 3339 time", s)
	}
	return t, nil
}
