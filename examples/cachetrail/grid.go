package main

import (
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"
	"unicode/utf8"
)

// flushEvery bounds how many rows a grid holds before aligning and
// writing them, so a long run streams its output.
const flushEvery = 1000

// gridKind is how a grid writes its rows.
type gridKind int

const (
	aligned gridKind = iota // columns aligned with spaces, for people
	tsv                     // tab-separated, for cut and spreadsheets
	csvKind                 // comma-separated (RFC 4180)
)

// grid writes rows of cells under a header, which it writes before the
// first row only. Every cell goes through cell.
type grid struct {
	kind   gridKind
	w      io.Writer
	csv    *csv.Writer
	width  int     // the aligned grid's width limit in columns; 0 for none
	floors []int   // each column's narrowest shortened width
	groups [][]int // the columns to shorten, group by group
	heads  []int   // the columns shortened keeping more of their start
	header []string
	held   [][]string // aligned rows not yet written
	rows   int
}

// newGrid returns an aligned grid writing to w, as wide as it needs.
func newGrid(w io.Writer, header ...string) *grid {
	return &grid{kind: aligned, w: w, header: header}
}

// newTSV returns a tab-separated grid writing to w.
func newTSV(w io.Writer, header ...string) *grid {
	return &grid{kind: tsv, w: w, header: header}
}

// newCSV returns a comma-separated grid writing to w.
func newCSV(w io.Writer, header ...string) *grid {
	return &grid{kind: csvKind, w: w, csv: csv.NewWriter(w), header: header}
}

// fit makes an aligned grid shorten its widest cells, in the middle, so
// that rows fit in width columns: those of the first group of columns
// first, then the next group's, each column no narrower than its floor.
// Columns in no group keep their width.
func (g *grid) fit(width int, floors []int, groups ...[]int) *grid {
	g.width, g.floors, g.groups = width, floors, groups
	return g
}

// add writes one row.
func (g *grid) add(cells ...string) {
	row := make([]string, len(cells))
	for i, c := range cells {
		if g.kind == csvKind {
			row[i] = csvCell(c)
		} else {
			row[i] = cell(c)
		}
	}
	if g.rows == 0 {
		g.write(g.header)
	}
	g.rows++
	g.write(row)
	if len(g.held) >= flushEvery {
		g.flush()
	}
}

func (g *grid) write(row []string) {
	switch g.kind {
	case aligned:
		g.held = append(g.held, row)
	case tsv:
		fmt.Fprintln(g.w, strings.Join(row, "\t"))
	case csvKind:
		g.csv.Write(row)
	}
}

// flush writes the rows held so far.
func (g *grid) flush() error {
	switch g.kind {
	case csvKind:
		g.csv.Flush()
		return g.csv.Error()
	case tsv:
		return nil
	}
	if len(g.held) == 0 {
		return nil
	}
	widths := columnWidths(g.held)
	if g.width > 0 {
		shrink(widths, g.floors, g.groups, g.width)
	}
	tw := tabwriter.NewWriter(g.w, 0, 8, 2, ' ', 0)
	for _, row := range g.held {
		for i, c := range row {
			if i > 0 {
				io.WriteString(tw, "\t")
			}
			io.WriteString(tw, shorten(c, widths[i], slices.Contains(g.heads, i)))
		}
		io.WriteString(tw, "\n")
	}
	clear(g.held)
	g.held = g.held[:0]
	return tw.Flush()
}

// columnWidths returns each column's widest cell, in runes.
func columnWidths(rows [][]string) []int {
	var w []int
	for _, row := range rows {
		for i, c := range row {
			if i >= len(w) {
				w = append(w, 0)
			}
			w[i] = max(w[i], utf8.RuneCountInString(c))
		}
	}
	return w
}

// shrink shortens columns so that they and the two spaces between them
// fit in width: group by group, the widest columns of a group lowered to
// a common cap, each no lower than its floor, until they fit. The floors
// win over the width.
func shrink(w, floors []int, groups [][]int, width int) {
	sum := 2 * (len(w) - 1)
	for _, x := range w {
		sum += x
	}
	for _, g := range groups {
		if sum <= width {
			return
		}
		total := func(c int) int {
			n := sum
			for _, i := range g {
				n += capped(w[i], floors[i], c) - w[i]
			}
			return n
		}
		lo, hi := 1, 0
		for _, i := range g {
			hi = max(hi, w[i])
		}
		for lo < hi {
			mid := (lo + hi + 1) / 2
			if total(mid) <= width {
				lo = mid
			} else {
				hi = mid - 1
			}
		}
		sum = total(lo)
		for _, i := range g {
			w[i] = capped(w[i], floors[i], lo)
		}
	}
}

// capped is a column of width x under the cap c, no lower than floor.
func capped(x, floor, c int) int {
	if x <= c {
		return x
	}
	return max(c, floor)
}

// shorten cuts s to at most n runes with "…" in the middle, keeping more
// of the end, where ARNs and IDs say what they name, or, with head, more
// of the start, where a person's name is. It cuts between the escapes
// escape wrote, never inside one.
func shorten(s string, n int, head bool) string {
	if utf8.RuneCountInString(s) <= n || n < 2 {
		return s
	}
	units := escapeUnits(s)
	h := (n - 1) / 3
	if head {
		h = n - 1 - h
	}
	t := n - 1 - h
	i, w := 0, 0
	for ; i < len(units) && w+utf8.RuneCountInString(units[i]) <= h; i++ {
		w += utf8.RuneCountInString(units[i])
	}
	j, w := len(units), 0
	for ; j > i && w+utf8.RuneCountInString(units[j-1]) <= t; j-- {
		w += utf8.RuneCountInString(units[j-1])
	}
	return strings.Join(units[:i], "") + "…" + strings.Join(units[j:], "")
}

// escapeUnits splits an escaped string into runes and the escapes escape
// writes (\n, \x1b, \u202e, \U0001f600), each one unit.
func escapeUnits(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		n := 1
		if s[i] == '\\' && i+1 < len(s) {
			switch s[i+1] {
			case 'x':
				n = 4
			case 'u':
				n = 6
			case 'U':
				n = 10
			default:
				n = 2
			}
			n = min(n, len(s)-i)
		} else {
			_, n = utf8.DecodeRuneInString(s[i:])
		}
		out = append(out, s[i:i+n])
		i += n
	}
	return out
}

// cell is a value as a table shows it: escaped, "-" when empty.
func cell(s string) string {
	if s == "" {
		return "-"
	}
	return escape(s)
}

// csvCell is a value as a CSV cell: escaped, and quoted with a leading '
// when a spreadsheet would take it for a formula.
func csvCell(s string) string {
	s = escape(s)
	if s != "" && strings.ContainsRune("=+-@", rune(s[0])) {
		s = "'" + s
	}
	return s
}
