// Package jsonx is the one JSON seam of cachetrail: a small pull decoder
// over a string and an appending encoder.
//
// The decoder is tolerant: it forgives the quirks real CloudTrail data has
// (trailing commas, a byte order mark, {} for an empty list, numbers and
// booleans written as strings, timestamps in several forms) and records
// each one as a [wire.Quirk] with its byte offset and path, so strict
// callers can report them. It keeps every member the typed model does not
// capture in a [wire.Members] and lists its path. Strings without escapes
// are substrings of the input: decoding allocates little.
//
// Generated code drives it with ObjectStart/NextMember/EndMember and the
// typed helpers (String, Int32, List, StructPtr, ...), which return a
// [Status] telling whether the value fitted the model.
package jsonx

import (
	"strconv"

	"github.com/cachetrail/cachetrail/wire"
)

// DefaultMaxDepth bounds the nesting of objects and arrays.
const DefaultMaxDepth = 10000

// Status tells how a value fitted the model.
type Status uint8

const (
	OK       Status = iota // decoded into the typed field
	Unknown                // the member's name is not modelled
	Mismatch               // the value's JSON type does not fit; kept raw
	Null                   // an explicit null; the field stays unset
	Empty                  // {} read where a list is expected (ListStart only)
	Fatal                  // a syntax error; decoding has stopped
	Dense                  // the typed value would overrun the memory budget; kept raw
)

// Options configure a Decoder.
type Options struct {
	Base     int64  // byte offset of the source's first byte in the original input
	Path     string // dotted path of the value being decoded, such as "requestParameters"
	MaxDepth int    // 0 means DefaultMaxDepth
}

type segment struct {
	key   string
	index int // -1 for an object member
}

// Decoder reads one JSON value from a string. A Decoder is not safe for
// concurrent use.
type Decoder struct {
	src      string
	pos      int
	base     int64
	prefix   string
	maxDepth int
	depth    int
	path     []segment
	keys     []string  // member names of the open small objects, for duplicates
	sets     []nameSet // member names of the open large objects, innermost last
	nsets    int       // sets in use
	dup      bool      // the current member's name came earlier in its object

	// The longest path and keys have been since Release: their entries
	// up to there may hold strings of an earlier input.
	pathHigh, keysHigh int

	q       quirkState
	copied  []byte // src, copied for the kept values to share
	charged int    // bytes of typed memory allocated, for the budget (budget.go)
	errs    []*Error
	fatal   *Error
}

// maxErrors bounds the semantic errors kept for one decode.
const maxErrors = 64

// NewDecoder returns a Decoder reading src.
func NewDecoder(src string, o Options) *Decoder {
	d := &Decoder{}
	d.Reset(src, o)
	return d
}

// Reset makes d read src, keeping its buffers.
func (d *Decoder) Reset(src string, o Options) {
	*d = Decoder{
		src:      src,
		base:     o.Base,
		prefix:   o.Path,
		maxDepth: o.MaxDepth,
		path:     d.path[:0],
		keys:     d.keys[:0],
		pathHigh: d.pathHigh,
		keysHigh: d.keysHigh,
		sets:     d.sets,
		q:        quirkState{log: d.q.log[:0]},
	}
	if d.maxDepth <= 0 {
		d.maxDepth = DefaultMaxDepth
	}
}

// Errors returns the semantic errors: values that broke the model in a way
// that is not a forgiven quirk, such as "two" for a number. Each such value
// is kept raw; decoding went on.
func (d *Decoder) Errors() []*Error { return d.errs }

// Fatal returns the syntax error that stopped decoding, or nil.
func (d *Decoder) Fatal() *Error { return d.fatal }

// Err returns the fatal error if there is one, else the first semantic
// error, else nil.
func (d *Decoder) Err() error {
	if d.fatal != nil {
		return d.fatal
	}
	if len(d.errs) > 0 {
		return d.errs[0]
	}
	return nil
}

// Source returns the text d reads and Pos the index of its next unread
// byte, for callers that keep parts of the input without copying.
func (d *Decoder) Source() string { return d.src }

// Pos returns the index in Source of the next unread byte.
func (d *Decoder) Pos() int { return d.pos }

// Offset returns the original-input offset of the next unread byte.
func (d *Decoder) Offset() int64 { return d.base + int64(d.pos) }

// Finish checks that only white space follows the value.
func (d *Decoder) Finish() {
	if d.fatal != nil {
		return
	}
	d.skipWS()
	if d.pos < len(d.src) {
		d.syntaxError("unexpected " + DescribeByte(d.src[d.pos]) + " after the value")
	}
}

// SkipBOM skips a UTF-8 byte order mark at the current position, recording it.
func (d *Decoder) SkipBOM() {
	if len(d.src)-d.pos >= 3 && d.src[d.pos:d.pos+3] == "\xef\xbb\xbf" {
		d.quirk(wire.QuirkByteOrderMark, d.pos, "")
		d.pos += 3
	}
}

func (d *Decoder) skipWS() {
	s, i := d.src, d.pos
	for i < len(s) && s[i] <= ' ' && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r') {
		i++
	}
	d.pos = i
}

// Kind returns the first byte of the next value: '{', '[', '"', 't', 'f',
// 'n', '0' for any number, 0 at the end of input or after a fatal error,
// and '?' for a byte that starts no JSON value. It looks at that byte
// alone, as the hot path wants: readers of the value find a bad literal
// or number themselves, and CheckedKind checks the whole value.
func (d *Decoder) Kind() byte {
	if d.fatal != nil {
		return 0
	}
	d.skipWS()
	if d.pos >= len(d.src) {
		return 0
	}
	switch c := d.src[d.pos]; c {
	case '{', '[', '"', 't', 'f', 'n':
		return c
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return '0'
	}
	return '?'
}

// CheckedKind is Kind, except that a bare word such as nonsense, tralala
// or -x, which starts like a literal or a number but is neither, is a
// syntax error at its first byte, and CheckedKind returns 0. Messages that
// name the kind found ("got a boolean") use it.
func (d *Decoder) CheckedKind() byte {
	switch k := d.Kind(); k {
	case 't', 'f', 'n':
		if !d.validLiteral(k) {
			return 0
		}
		return k
	case '0':
		if !d.validNumberAt() {
			return 0
		}
		return k
	default:
		return k
	}
}

// kindName names a Kind for messages.
func kindName(k byte) string {
	switch k {
	case '{':
		return "object"
	case '[':
		return "array"
	case '"':
		return "string"
	case 't', 'f':
		return "boolean"
	case 'n':
		return "null"
	case '0':
		return "number"
	case 0:
		return "end of input"
	}
	return "invalid value"
}

// DescribeByte names c for an error message: quoted when printable ASCII,
// else in hex. The reader's errors use it too, so all read alike.
func DescribeByte(c byte) string {
	if c >= 0x20 && c < 0x7f {
		return strconv.QuoteRune(rune(c))
	}
	return "byte 0x" + strconv.FormatUint(uint64(c), 16)
}

// Path returns the dotted path of the current value, such as
// "requestParameters.cacheSecurityGroupNames[0]".
func (d *Decoder) Path() string { return d.pathTo(len(d.path)) }

// pathTo returns the path of the value n segments deep.
func (d *Decoder) pathTo(n int) string {
	if n == 0 {
		return d.prefix
	}
	b := make([]byte, 0, len(d.prefix)+16*n)
	b = append(b, d.prefix...)
	for _, s := range d.path[:n] {
		if s.index >= 0 {
			b = AppendPathIndex(b, s.index)
		} else {
			b = AppendPathKey(b, s.key)
		}
	}
	return string(b)
}

func (d *Decoder) enter() bool {
	d.depth++
	if d.depth > d.maxDepth {
		d.syntaxError("nesting deeper than " + strconv.Itoa(d.maxDepth) + " levels")
		return false
	}
	return true
}
