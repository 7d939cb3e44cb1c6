package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/cachetrail/cachetrail/schema"
)

const schemaUsageText = `usage: cachetrail schema [-strict] [ACTION]
       cachetrail schema -list

Prints a JSON Schema (draft 2020-12): with no ACTION, that of a CloudTrail
record; with an ElastiCache action such as CreateCacheCluster, that of the
requestParameters and responseElements of its records. The tolerant schema
(default) accepts what cachetrail reads; -strict only the documented forms.
-list prints the action names.
`

// runSchema runs "cachetrail schema" and returns its exit status.
func runSchema(args []string, e *env) int {
	fs := flag.NewFlagSet("cachetrail schema", flag.ContinueOnError)
	// The flag package prints errors and the usage; the command prints
	// its error alone, and the usage only for -h.
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	usage := func() {
		fs.SetOutput(e.stderr)
		fmt.Fprint(e.stderr, schemaUsageText)
		fmt.Fprintln(e.stderr, "\nFlags:")
		fs.PrintDefaults()
	}
	strict := fs.Bool("strict", false, "print the strict variant: documented forms only, no unknown members")
	list := fs.Bool("list", false, "print the names of the ElastiCache actions, one a line")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			usage()
			return 0
		}
		return schemaUsage(e, err.Error())
	}
	switch {
	case fs.NArg() > 1:
		return schemaUsage(e, "schema takes at most one ACTION")
	case *list && fs.NArg() > 0:
		return schemaUsage(e, "-list takes no ACTION")
	case *list:
		fmt.Fprintln(e.stdout, strings.Join(schema.Actions(), "\n"))
		return 0
	case fs.NArg() == 0:
		e.stdout.Write(schema.Record(*strict))
		return 0
	}
	name := fs.Arg(0)
	if c := canonicalAction(name); c != "" {
		name = c
	}
	doc, err := schema.Action(name, *strict)
	if err != nil {
		hint := didYouMean(name)
		if hint == "" {
			hint = fmt.Sprintf("; 'cachetrail schema -list' prints the %d names", len(schema.Actions()))
		}
		return schemaUsage(e, fmt.Sprintf("unknown action %q%s", escape(fs.Arg(0)), hint))
	}
	e.stdout.Write(doc)
	return 0
}

// schemaUsage reports a usage error of the schema command: exit status 2.
func schemaUsage(e *env, msg string) int {
	fmt.Fprintf(e.stderr, "cachetrail: %s\nRun 'cachetrail schema -h' for usage.\n", msg)
	return 2
}
