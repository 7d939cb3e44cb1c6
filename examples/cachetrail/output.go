package main

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"

	"github.com/cachetrail/cachetrail/elasticache"
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
	fmt.Fprintf(a.prog.guard(a.env.stderr), "cachetrail: warning: %s\n", escape(fmt.Sprintf(format, args...)))
}

// tableOutput prints the table (aligned, or CSV) on stdout and errors on
// stderr.
type tableOutput struct {
	tbl    *Table
	sorted *sorter[Row] // nil without -sort
	stderr io.Writer
}

func newTableOutput(stdout, stderr io.Writer, c *config, width int) *tableOutput {
	o := &tableOutput{stderr: stderr}
	switch {
	case c.csv:
		o.tbl = newCSVTable(stdout)
	case c.wide:
		o.tbl = NewTable(stdout)
	default:
		if width <= 0 {
			width = defaultWidth
		}
		o.tbl = newFittedTable(stdout, width)
	}
	if c.sort {
		o.sorted = &sorter[Row]{emit: o.tbl.Add, fail: o.error}
	}
	return o
}

// defaultWidth is the table's width when stdout is not a terminal.
const defaultWidth = 120

func (o *tableOutput) item(it item) {
	for _, err := range it.errs {
		o.error(err)
	}
	if it.ev == nil {
		return
	}
	if o.sorted != nil {
		o.sorted.add(it.ev.EventTime.Time(), NewRow(it.ev, it.act))
		return
	}
	o.tbl.Add(NewRow(it.ev, it.act))
}

func (o *tableOutput) error(err error) { fmt.Fprintf(o.stderr, "cachetrail: %s\n", message(err)) }

func (o *tableOutput) finish(st *stats) {
	if o.sorted != nil {
		o.sorted.flush()
	}
	if err := o.tbl.Flush(); err != nil {
		o.error(err)
	}
	noEvents(o.stderr, st)
}

// noEvents says so on stderr when a run found no event to show, rather
// than print an empty table.
func noEvents(stderr io.Writer, st *stats) {
	if st.elastiCache == 0 && st.errors == 0 {
		fmt.Fprintf(stderr, "cachetrail: no ElastiCache events (%d records read)\n", st.records)
	}
}

// jsonOutput prints one JSON object per event on stdout and errors on
// stderr.
type jsonOutput struct {
	enc         *json.Encoder
	buf         []byte // appendRecord's, reused
	stdout      io.Writer
	showSecrets bool
	sorted      *sorter[[]byte] // nil without -sort
	stderr      io.Writer
}

func newJSONOutput(stdout, stderr io.Writer, c *config) *jsonOutput {
	o := &jsonOutput{enc: newEncoder(stdout), stdout: stdout, showSecrets: c.showSecrets, stderr: stderr}
	if c.sort {
		o.sorted = &sorter[[]byte]{emit: func(b []byte) { o.stdout.Write(b) }, fail: o.error}
	}
	return o
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
	if it.ev == nil {
		return
	}
	rec := NewRecord(it.ev, it.act)
	if o.showSecrets {
		rec.Request = elasticache.RequestJSON(it.act, elasticache.Normalize())
		rec.Response = elasticache.ResponseJSON(it.act, elasticache.Normalize())
	}
	var err error
	if o.sorted != nil {
		var b []byte
		if b, err = json.Marshal(rec); err == nil {
			o.sorted.add(it.ev.EventTime.Time(), append(b, '\n'))
		}
	} else if !o.showSecrets || compactJSON(rec.Request) && compactJSON(rec.Response) {
		o.buf = appendRecord(o.buf[:0], &rec)
		_, err = o.stdout.Write(o.buf)
	} else {
		err = o.enc.Encode(rec)
	}
	if err != nil {
		o.error(fmt.Errorf("%s: record %d: encode: %w", it.ev.Origin().Source, it.ev.Origin().Index, err))
	}
}

func (o *jsonOutput) error(err error) { fmt.Fprintf(o.stderr, "cachetrail: %s\n", message(err)) }

func (o *jsonOutput) finish(st *stats) {
	if o.sorted != nil {
		o.sorted.flush()
	}
	noEvents(o.stderr, st)
}

// checkOutput reports every quirk, unmodeled member and error on stdout,
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
		fmt.Fprintf(o.w, "%s: record %d: offset %d: unmodeled %s (%s)\n", org.Source, org.Index, g.Offset, g.Path, g.Reason)
	}
}

func (o *checkOutput) error(err error) { fmt.Fprintf(o.w, "error: %s\n", message(err)) }

func (o *checkOutput) finish(st *stats) {
	fmt.Fprintf(o.w, "records=%d elasticache=%d quirks=%d unmodeled=%d errors=%d\n",
		st.records, st.elastiCache, st.quirks, st.unmodeled, st.errors)
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
