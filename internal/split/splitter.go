package split

import (
	"io"

	"github.com/cachetrail/cachetrail/internal/scan"
)

// Config is what a Splitter takes from the reader's options.
type Config struct {
	// MaxRecordBytes bounds an item: a longer one is an error (Limit).
	MaxRecordBytes int64
	// MaxInputBytes bounds the input after decompression: going past it
	// ends it (Limit).
	MaxInputBytes int64
	// Sources and Names are the records to keep, by eventSource and
	// eventName, for early rejection; empty: no filter.
	Sources, Names []string
	// Decompress inflates a gzip member; nil: compress/gzip.
	Decompress func(io.Reader) (io.ReadCloser, error)
}

// Type says what an Item is.
type Type uint8

const (
	Record Type = iota // a record of a Records array, or a broken item: decode it
	Value              // a top-level value or an array element: tell its shape by its members
	Error              // an error; OfRecord says whether it is a record's
	End                // the end of the input, with an error if Kind is set
)

// Kind is the kind of an error, which the reader maps to its sentinels.
type Kind uint8

const (
	NoError    Kind = iota
	Syntax          // not well-formed JSON
	Truncated       // the input ended inside a record or inside gzip data
	Limit           // past the record or the input limit
	NotRecord       // a value that is not an object
	ReadFailed      // the io.Reader failed with Cause
)

// Item is one thing a Splitter found: a record candidate, an error or the
// end of the input.
type Item struct {
	Type Type
	// Record and Value: the item's JSON, valid until the next call of
	// Next, and the stream offset of its first byte (for errors, where
	// the error is), counted after decompression.
	Text    []byte
	Offset  int64
	Members []scan.Member // the item's top-level members (nil if broken)
	Broken  bool          // cut short or broken: no filtering, the decoder says what is wrong
	Hold    bool          // a decode that yields no event may be a misled scan: ask Resplit
	// Error and End.
	OfRecord bool // the error is a record's: it takes a record index
	Kind     Kind
	Msg      string
	Cause    error // for ReadFailed
}

// EarlyReject lets tests compare the reader with and without early
// rejection (scan's reject.go).
var EarlyReject = true

// Splitter splits the decompressed input into items, one at a time, and
// keeps the state of damaged input (resync.go). The zero value is ready
// for Init.
type Splitter struct {
	cfg         Config
	in          input
	sc          scan.Scanner
	filters     scan.Filter // the scanner's view of cfg's filters
	itemFilters scan.Filter // the same for records that are JSON Lines items
	rescans     int         // records scanned again after an early rejection (for tests)
	stack       []frame
	lines       bool // top-level items are JSON Lines: a raw newline ends one
	known       bool // whether lines has been decided

	// Resynchronisation after damage (resync.go).
	skipping   bool  // skip to the next record start before the next step
	resumed    bool  // at a record start found by skipping: no ',' before it
	fence      int64 // the next record start in the damaged region
	damagedEnd int64 // the end of the damaged region: its records are cut at fences
	damaged0   int64 // its start
	backtrack  int64 // bytes gone back over to records swallowed whole by broken ones
	passed     []passedFence
	back       int64 // where to go back to, set by canResume

	cur     current // the item being split
	holding bool    // the last item yielded holds: Resplit may take it back
	again   bool    // split cur again, from its start (Resplit)
	done    bool

	items []Item // yielded by Next, from head on
	head  int
	first [2]Item // items' array: a step yields one or two, mostly
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

// Init makes s split r.
func (s *Splitter) Init(r io.Reader, cfg Config) {
	s.cfg = cfg
	s.filters = scan.Filter{Sources: cfg.Sources, Names: cfg.Names}
	s.itemFilters = scan.Filter{Sources: cfg.Sources, Names: cfg.Names, Items: true}
	s.in.init(r, cfg.MaxInputBytes, cfg.Decompress)
	s.stack = append(s.stack, frame{kind: frameTop})
	s.items = s.first[:0]
}

// Next returns the next item, valid until the next call. After End it
// returns End again.
func (s *Splitter) Next() *Item {
	s.holding = false
	for s.head == len(s.items) {
		s.items, s.head = s.items[:0], 0
		if s.done {
			s.emit(Item{Type: End})
			break
		}
		s.step()
	}
	it := &s.items[s.head]
	s.head++
	return it
}

// Resplit is for the item just returned with Hold set, which failed to
// decode: a scan that ended where it should not have, misled by a broken
// string. It looks for record starts inside the item; if there are, it
// reports true, and Next splits the item again with them as fences.
func (s *Splitter) Resplit() bool {
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

// Pause stops reading ahead (inflating gzip input in a goroutine) until
// the next call of Next: the io.Reader is not read until then.
func (s *Splitter) Pause() { s.in.pause() }

// Close stops reading: the io.Reader is not read again, and Next returns
// End.
func (s *Splitter) Close() {
	s.in.close()
	s.done = true
	clear(s.items)
	s.items, s.head = s.items[:0], 0
}

// Bytes returns how many bytes of input were read, after decompression.
func (s *Splitter) Bytes() int64 { return s.in.total }

// Rescans returns how many records were scanned again after an early
// rejection (for tests).
func (s *Splitter) Rescans() int { return s.rescans }

func (s *Splitter) emit(it Item) { s.items = append(s.items, it) }

// fail yields the error of a record that yields no event.
func (s *Splitter) fail(off int64, kind Kind, msg string) {
	s.emit(Item{Type: Error, OfRecord: true, Offset: off, Kind: kind, Msg: msg})
}

// damage yields an error that belongs to no record.
func (s *Splitter) damage(off int64, kind Kind, msg string) {
	s.emit(Item{Type: Error, Offset: off, Kind: kind, Msg: msg})
}

// end ends the input with it, an End carrying an error or none (such as
// the input's failure). A stream ended early (input limit, broken
// container) stops reading ahead now.
func (s *Splitter) end(it Item) {
	it.Type = End
	s.emit(it)
	s.done = true
	s.in.pause()
}

// errorAt returns an End for an error at off.
func errorAt(off int64, kind Kind, msg string) Item {
	return Item{Type: End, Offset: off, Kind: kind, Msg: msg}
}

// filtering reports whether records are filtered by source or name.
func (s *Splitter) filtering() bool { return len(s.cfg.Sources) > 0 || len(s.cfg.Names) > 0 }
