package event

import (
	"io"

	"github.com/cachetrail/cachetrail/internal/scan"
)

// splitConfig is what the splitter takes from the reader's options.
type splitConfig struct {
	maxRecordBytes int64
	maxInputBytes  int64
	sources        []string // WithEventSources: records to keep, for early rejection
	names          []string // WithEventNames
	decompress     func(io.Reader) (io.ReadCloser, error)
}

// itemType says what a splitItem is.
type itemType uint8

const (
	itemRecord itemType = iota // a record of a Records array, or a broken item: decode it
	itemValue                  // a top-level value or an array element: tell its shape by its members
	itemError                  // an error; record says whether it is a record's
	itemEnd                    // the end of the input, with an error if kind is set
)

// errKind is the kind of an error of the splitter.
type errKind uint8

const (
	kindNone      errKind = iota
	kindSyntax            // not well-formed JSON
	kindTruncated         // input ended inside a record or inside gzip data
	kindLimit             // past the record or input limit
	kindNotRecord         // a value that is not an object
	kindRead              // the io.Reader failed with cause
)

// splitItem is one thing the splitter found: a record candidate, an
// error or the end of the input.
type splitItem struct {
	typ itemType
	// itemRecord and itemValue: the item's JSON, valid until the next
	// call of next, and the stream offset of its first byte.
	text    []byte
	off     int64 // for errors, where the error is
	members []scan.Member
	broken  bool // the item is cut short or broken: no filtering, the decoder says what is wrong
	hold    bool // a decode that yields no event may be a misled scan: ask resplit
	// itemError and itemEnd.
	record bool // the error is a record's: it takes a record index
	kind   errKind
	msg    string
	cause  error // for kindRead
}

// splitter splits the decompressed input into items, one at a time, and
// keeps the state of damaged input (reader_resync.go).
type splitter struct {
	cfg         splitConfig
	in          input
	sc          scan.Scanner
	filters     scan.Filter // the scanner's view of cfg's filters
	itemFilters scan.Filter // the same for records that are JSON Lines items
	rescans     int         // records scanned again after an early rejection (for tests)
	stack       []frame
	lines       bool // top-level items are JSON Lines: a raw newline ends one
	known       bool // whether lines has been decided

	// Resynchronisation after damage (reader_resync.go).
	skipping   bool  // skip to the next record start before the next step
	resumed    bool  // at a record start found by skipping: no ',' before it
	fence      int64 // the next record start in the damaged region
	damagedEnd int64 // the end of the damaged region: its records are cut at fences
	damaged0   int64 // its start
	backtrack  int64 // bytes gone back over to records swallowed whole by broken ones
	passed     []passedFence
	back       int64 // where to go back to, set by canResume

	cur     current // the item being split
	holding bool    // the last item yielded holds: resplit may take it back
	again   bool    // split cur again, from its start (resplit)
	done    bool

	items []splitItem // yielded by next, from head on
	head  int
	first [2]splitItem // items' array: a step yields one or two, mostly
}

// current is the item being split: the frame it is in, its first byte,
// what a raw newline means in it, whether early rejection is off for it,
// its stream offset, and, after it ended, its end in the window.
type current struct {
	ctx  frameKind
	c    byte
	nl   uint8
	full bool
	off  int64
	end  int
}

func (s *splitter) init(r io.Reader, cfg splitConfig) {
	s.cfg = cfg
	s.filters = scan.Filter{Sources: cfg.sources, Names: cfg.names}
	s.itemFilters = scan.Filter{Sources: cfg.sources, Names: cfg.names, Items: true}
	s.in.init(r, cfg.maxInputBytes, cfg.decompress)
	s.stack = append(s.stack, frame{kind: frameTop})
	s.items = s.first[:0]
}

// next returns the next item. After itemEnd it returns itemEnd again.
func (s *splitter) next() *splitItem {
	s.holding = false
	for s.head == len(s.items) {
		s.items, s.head = s.items[:0], 0
		if s.done {
			s.emit(splitItem{typ: itemEnd})
			break
		}
		s.step()
	}
	it := &s.items[s.head]
	s.head++
	return it
}

// resplit is for the item just yielded with hold set, which failed to
// decode: a scan that ended where it should not have, misled by a broken
// string. It looks for record starts inside the item; if there are, it
// reports true, and next splits the item again with them as fences.
func (s *splitter) resplit() bool {
	if !s.holding {
		return false
	}
	s.holding = false
	in := &s.in
	in.start = int(s.cur.off - in.off) // released when the item was yielded
	if !s.refence(s.cur.ctx, s.cur.off, 0, s.cur.end) {
		in.start = in.pos
		return false
	}
	s.again = true
	return true
}

func (s *splitter) emit(it splitItem) { s.items = append(s.items, it) }

// candidate yields the item b at stream offset off.
func (s *splitter) candidate(typ itemType, b []byte, off int64, ms []scan.Member, broken bool) {
	s.emit(splitItem{typ: typ, text: b, off: off, members: ms, broken: broken})
}

// fail yields the error of a record that yields no event.
func (s *splitter) fail(off int64, kind errKind, msg string) {
	s.emit(splitItem{typ: itemError, record: true, off: off, kind: kind, msg: msg})
}

// damage yields an error that belongs to no record.
func (s *splitter) damage(off int64, kind errKind, msg string) {
	s.emit(splitItem{typ: itemError, off: off, kind: kind, msg: msg})
}

// end ends the input with it, an itemEnd carrying an error or none (such
// as the input's failure). A stream ended early (input limit, broken
// container) stops reading ahead now.
func (s *splitter) end(it splitItem) {
	it.typ = itemEnd
	s.emit(it)
	s.done = true
	s.in.pause()
}

// errorAt returns an itemEnd for an error at off.
func errorAt(off int64, kind errKind, msg string) splitItem {
	return splitItem{typ: itemEnd, off: off, kind: kind, msg: msg}
}

// pause stops reading ahead until the next call of next.
func (s *splitter) pause() { s.in.pause() }

// close stops reading: the underlying reader is not read again.
func (s *splitter) close() {
	s.in.close()
	s.done = true
	clear(s.items)
	s.items, s.head = s.items[:0], 0
}

// filtering reports whether records are filtered by source or name.
func (s *splitter) filtering() bool { return len(s.cfg.sources) > 0 || len(s.cfg.names) > 0 }
