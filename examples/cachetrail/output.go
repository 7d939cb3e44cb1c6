package main

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"

	"github.com/cachetrail/cachetrail/wire"
)

// output writes what a run finds.
type output interface {
	item(it item)     // an ElastiCache event, its errors, or a record's error
	error(err error)  // an error outside any record, such as an unreadable input
	finish(st *stats) // the end of the run
}

// warnf writes a warning to stderr; warnings do not change the exit status.
func (a *app) warnf(format string, args ...any) {
	fmt.Fprintf(a.prog.guard(a.env.stderr), "cachetrail: warning: "+format+"\n", args...)
}

// tableOutput prints the aligned table on stdout and errors on stderr.
type tableOutput struct {
	tbl    *Table
	stderr io.Writer
}

func newTableOutput(stdout, stderr io.Writer) *tableOutput {
	return &tableOutput{tbl: NewTable(stdout), stderr: stderr}
}

func (o *tableOutput) item(it item) {
	for _, err := range it.errs {
		o.error(err)
	}
	if it.ev != nil {
		o.tbl.Add(NewRow(it.ev, it.act))
	}
}

func (o *tableOutput) error(err error) { fmt.Fprintf(o.stderr, "cachetrail: %v\n", err) }

func (o *tableOutput) finish(*stats) { o.tbl.Flush() }

// jsonOutput prints one JSON object per event on stdout and errors on
// stderr.
type jsonOutput struct {
	enc    *json.Encoder
	stderr io.Writer
}

func newJSONOutput(stdout, stderr io.Writer) *jsonOutput {
	return &jsonOutput{enc: newEncoder(stdout), stderr: stderr}
}

// newEncoder returns the encoder of every -json output: one object a
// line, <, > and & as they are.
func newEncoder(w io.Writer) *json.Encoder {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc
}

func (o *jsonOutput) item(it item) {
	for _, err := range it.errs {
		o.error(err)
	}
	if it.ev != nil {
		if err := o.enc.Encode(NewRecord(it.ev, it.act)); err != nil {
			o.error(fmt.Errorf("%s: record %d: encode: %w", it.ev.Origin().Source, it.ev.Origin().Index, err))
		}
	}
}

func (o *jsonOutput) error(err error) { fmt.Fprintf(o.stderr, "cachetrail: %v\n", err) }

func (o *jsonOutput) finish(*stats) {}

// checkOutput reports every quirk, unmodelled member and error on stdout,
// then a summary line.
type checkOutput struct{ w io.Writer }

func (o *checkOutput) item(it item) {
	for _, err := range it.errs {
		o.error(err)
	}
	if it.ev == nil {
		return
	}
	org := it.ev.Origin()
	quirks := append(append([]wire.Quirk(nil), it.ev.Quirks()...), it.act.Quirks()...)
	for _, q := range sortQuirks(quirks) {
		fmt.Fprintf(o.w, "%s: record %d: offset %d: quirk %s at %s%s\n", org.Source, org.Index, q.Offset, q.Kind, q.Path, paren(q.Detail))
	}
	for _, g := range it.gaps { // emit found them
		fmt.Fprintf(o.w, "%s: record %d: offset %d: unmodelled %s (%s)\n", org.Source, org.Index, g.Offset, g.Path, g.Reason)
	}
}

func (o *checkOutput) error(err error) { fmt.Fprintf(o.w, "error: %v\n", err) }

func (o *checkOutput) finish(st *stats) {
	fmt.Fprintf(o.w, "records=%d elasticache=%d quirks=%d unmodelled=%d errors=%d\n",
		st.records, st.elastiCache, st.quirks, st.unmodelled, st.errors)
}

func paren(s string) string {
	if s == "" {
		return ""
	}
	return " (" + s + ")"
}

// sortQuirks orders the envelope's and the payloads' quirks by offset.
func sortQuirks(qs []wire.Quirk) []wire.Quirk {
	sort.SliceStable(qs, func(i, j int) bool { return qs[i].Offset < qs[j].Offset })
	return qs
}
