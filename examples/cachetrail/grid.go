package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// flushEvery bounds how many rows a grid holds before aligning and
// writing them, so a long run streams its output.
const flushEvery = 1000

// grid writes rows of cells under a header, aligned in columns or, for
// spreadsheets, separated by tabs. Every cell goes through cell.
type grid struct {
	w       io.Writer
	tw      *tabwriter.Writer // nil for tab-separated output
	pending int
	rows    int
}

// newGrid returns an aligned grid writing to w.
func newGrid(w io.Writer, header ...string) *grid {
	g := &grid{tw: tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)}
	g.w = g.tw
	g.line(header)
	return g
}

// newTSV returns a tab-separated grid writing to w.
func newTSV(w io.Writer, header ...string) *grid {
	g := &grid{w: w}
	g.line(header)
	return g
}

// add writes one row.
func (g *grid) add(cells ...string) {
	for i, c := range cells {
		cells[i] = cell(c)
	}
	g.line(cells)
	g.rows++
	if g.pending++; g.pending >= flushEvery {
		g.flush()
	}
}

func (g *grid) line(cells []string) { fmt.Fprintln(g.w, strings.Join(cells, "\t")) }

// flush writes the rows held so far.
func (g *grid) flush() error {
	g.pending = 0
	if g.tw == nil {
		return nil
	}
	return g.tw.Flush()
}

// cell is a value as a table shows it: escaped, "-" when empty.
func cell(s string) string {
	if s == "" {
		return "-"
	}
	return escape(s)
}
