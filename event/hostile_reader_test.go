package event_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/event"
)

// The isolation suite: every kind of broken record, before, between and
// after good ones, in every stream shape. All good records come back, and
// each error is at the bad byte.

// goodRec is a well-formed record told apart by its eventID.
func goodRec(id string) string {
	return `{"eventVersion":"1.09","eventSource":"elasticache.amazonaws.com","eventName":"CreateCacheCluster","eventID":"` + id +
		`","awsRegion":"us-west-2","requestParameters":{"cacheClusterId":"c-1","tags":[{"key":"k","value":"v"}]},"responseElements":null}`
}

// brokenKind is one way a record, or the bytes between records, can be
// broken. bad returns the offset, in the stream, of the byte the error
// must point at: at is where the kind's text starts, next where the item
// after it starts (-1 when it is the last), end the length of the stream.
type brokenKind struct {
	name  string
	text  string                      // in array shapes: an element, between commas
	line  string                      // in JSON Lines, if not text
	stray bool                        // not a record: EventBridge shapes keep it unwrapped
	bad   func(s hostileStream) int64 // nil for a cut record: see cutAt
}

// hostileStream is a built stream and where its broken item lies.
type hostileStream struct {
	data      []byte // before compression
	at, next  int64  // the broken item's start, the next item's start or -1
	end       int64  // the length of data
	itemStart int64  // where the broken item's text starts inside its item (EventBridge: the detail)
}

func at(rel string, s string) func(hostileStream) int64 {
	i := int64(strings.Index(s, rel))
	return func(h hostileStream) int64 { return h.itemStart + i }
}

var (
	mismatchedArray  = `{"eventVersion":"1.09","eventID":"bad","tags":["a"},"eventName":"X"}`
	mismatchedRecord = `{"eventVersion":"1.09","eventID":"bad","x":1]`
	cutRecord        = `{"eventVersion":"1.09","eventID":"cut","requestParameters":{"cacheClusterId":"c-1"`
	openString       = `{"eventVersion":"1.09","eventID":"open","eventName":"Cre`
	controlByte      = "{\"eventVersion\":\"1.09\",\"eventID\":\"ctl\",\"userAgent\":\"a\x01b\"}"
	bareInRecord     = `{"eventVersion":"1.09","eventID":"bare","eventName":nonsense}`
	tooDeep          = `{"eventVersion":"1.09","eventID":"deep","x":` + strings.Repeat("[", 10001) + strings.Repeat("]", 10001) + `}` // the decoder's limit is 10,000
	oversize         = `{"eventVersion":"1.09","eventID":"big","requestParameters":{"blob":"` + strings.Repeat("x", hostileLimit) + `"}}`
)

// hostileLimit is the record limit of the suite (oversize is over it).
const hostileLimit = 32 << 10

var brokenKinds = []brokenKind{
	{name: "mismatched-closer-in-array", text: mismatchedArray, bad: at(`},"eventName"`, mismatchedArray)},
	{name: "mismatched-closer-of-record", text: mismatchedRecord, bad: at(`]`, mismatchedRecord)},
	{name: "stray-brace", text: `}`, stray: true, bad: at(`}`, `}`)},
	{name: "double-comma", text: `,`, stray: true, bad: func(h hostileStream) int64 { return h.at }},
	{name: "control-byte", text: controlByte, bad: at("\x01", controlByte)},
	{name: "bare-word-in-record", text: bareInRecord, bad: at(`nonsense`, bareInRecord)},
	{name: "bare-word", text: `nonsense`, stray: true, bad: at(`nonsense`, `nonsense`)},
	{name: "too-deep", text: tooDeep, bad: func(h hostileStream) int64 { return h.itemStart + int64(strings.Index(tooDeep, "[")) + 9999 }}, // the record's brace is the first level
	{name: "oversize", text: oversize, bad: func(h hostileStream) int64 { return h.at }},
	// Cut records: the error is where the next record starts inside
	// them, or, when none follows, where the input shows the cut.
	{name: "cut-record", text: cutRecord},
	{name: "unterminated-string", text: openString},
}

// hostileShape builds a stream of items (record texts; stray ones are
// given as they are) and says where item i starts in it.
type hostileShape struct {
	name  string
	lines bool // items are lines
	array bool // items are in an array
	eb    bool // records are wrapped in EventBridge events
	cwl   bool // records are log event messages
	build func(t testing.TB, items []string) (data []byte, starts []int64)
	gzip  bool
	// cutEnd is where a cut record that comes last is found broken, for
	// each kind (by its text), given the stream.
}

func joinItems(prefix, sep, suffix string, items []string) ([]byte, []int64) {
	var b strings.Builder
	b.WriteString(prefix)
	starts := make([]int64, len(items))
	for i, it := range items {
		if i > 0 {
			b.WriteString(sep)
		}
		starts[i] = int64(b.Len())
		b.WriteString(it)
	}
	b.WriteString(suffix)
	return []byte(b.String()), starts
}

var hostileShapes = []hostileShape{
	{name: "log", array: true, build: func(_ testing.TB, items []string) ([]byte, []int64) {
		return joinItems(`{"Records":[`, ",", `]}`, items)
	}},
	{name: "log-gzip", array: true, gzip: true, build: func(_ testing.TB, items []string) ([]byte, []int64) {
		return joinItems(`{"Records":[`, ",", `]}`, items)
	}},
	{name: "lines", lines: true, build: func(_ testing.TB, items []string) ([]byte, []int64) { return joinItems("", "\n", "\n", items) }},
	{name: "array", array: true, build: func(_ testing.TB, items []string) ([]byte, []int64) { return joinItems("[", ",", "]", items) }},
	{name: "concatenated", build: func(_ testing.TB, items []string) ([]byte, []int64) { return joinItems("", " ", "", items) }},
	{name: "eventbridge-array", array: true, eb: true, build: func(_ testing.TB, items []string) ([]byte, []int64) { return joinItems("[", ",", "]", items) }},
	{name: "eventbridge-lines", eb: true, lines: true, build: func(_ testing.TB, items []string) ([]byte, []int64) { return joinItems("", "\n", "\n", items) }},
	{name: "cwl-decoded", cwl: true},
}

// hostileCase is one kind at one position in one shape.
type hostileCase struct {
	shape hostileShape
	kind  brokenKind
	pos   int // index of the broken item among 3: 0 before, 1 between, 2 after the good ones
}

func TestHostileReaderIsolation(t *testing.T) {
	t.Parallel()
	for _, sh := range hostileShapes {
		for _, k := range brokenKinds {
			if sh.cwl && k.text == oversize {
				continue // the limit bounds the payload that holds the record (WithMaxRecordBytes)
			}
			for pos, where := range []string{"before", "between", "after"} {
				t.Run(sh.name+"/"+k.name+"/"+where, func(t *testing.T) {
					t.Parallel()
					checkIsolation(t, hostileCase{sh, k, pos})
				})
			}
		}
	}
}

func checkIsolation(t *testing.T, c hostileCase) {
	good := []string{"g1", "g2"}
	text := c.kind.text
	if c.shape.lines && c.kind.line != "" {
		text = c.kind.line
	}
	var items []string
	var ids []string
	gi := 0
	for i := range 3 {
		if i == c.pos {
			items = append(items, text)
			continue
		}
		items = append(items, goodRec(good[gi]))
		ids = append(ids, good[gi])
		gi++
	}
	var data []byte
	var starts []int64
	h := hostileStream{next: -1}
	if c.shape.cwl {
		data = []byte(cwlPayload(t, items))
		starts = []int64{0, 0, 0} // message offsets count from the payload
	} else {
		wrapped := make([]string, len(items))
		inner := make([]int64, len(items))
		for i, it := range items {
			wrapped[i] = it
			if c.shape.eb && !(i == c.pos && c.kind.stray) {
				wrapped[i] = eventBridge(it)
				inner[i] = int64(strings.Index(wrapped[i], `"detail":`) + len(`"detail":`))
			}
		}
		data, starts = c.shape.build(t, wrapped)
		h.itemStart = starts[c.pos] + inner[c.pos]
	}
	h.data, h.at, h.end = data, starts[c.pos], int64(len(data))
	if c.pos < 2 {
		h.next = starts[c.pos+1]
	}
	if c.shape.cwl {
		h.itemStart, h.next = 0, -1
	}
	in := data
	if c.shape.gzip {
		in = gzipBytes(t, data)
	}
	res, _ := readAll(t, in, event.WithMaxRecordBytes(hostileLimit))
	var gotIDs []string
	var errs []*event.DecodeError
	for _, x := range res {
		if x.ev != nil && x.err == nil {
			gotIDs = append(gotIDs, x.ev.EventID)
		}
		if x.err != nil {
			de, ok := errors.AsType[*event.DecodeError](x.err)
			require.True(t, ok, "%T: %v", x.err, x.err)
			errs = append(errs, de)
		}
	}
	assert.Equal(t, ids, gotIDs, "good records\n%s", render(res, event.Summary{}))
	require.NotEmpty(t, errs, "no error for the broken item\n%s", render(res, event.Summary{}))
	var want int64
	if c.kind.bad != nil {
		want = c.kind.bad(h)
	} else {
		want = cutAt(c, h)
	}
	assert.Equal(t, want, errs[0].Offset, "error offset: %v (at %q)", errs[0], excerpt(data, errs[0].Offset))
}

// cutAt is where a cut record is found broken: in JSON Lines at the end
// of its line, in a log event's message at the message's end; else where
// the next record starts inside it; when it is the last, at the closer of
// the array around it, which cannot close the record, or at its start
// when the input ends inside its string; at the end of the input when
// there is no array.
func cutAt(c hostileCase, h hostileStream) int64 {
	rest := h.data[h.at:]
	switch {
	case c.shape.cwl:
		return h.itemStart + int64(len(c.kind.text))
	case c.shape.lines:
		return h.at + int64(bytes.IndexByte(rest, '\n'))
	case h.next >= 0:
		return h.next
	case !c.shape.array:
		return h.end
	case c.kind.text == openString:
		return h.at
	}
	return int64(bytes.LastIndexByte(h.data, ']'))
}

func excerpt(data []byte, off int64) string {
	if off < 0 || off > int64(len(data)) {
		return "out of range"
	}
	return string(data[off:min(int64(len(data)), off+20)])
}

// TestHostileReaderSwallowedRecord cuts a record where a value may
// start, so that the scanner takes the next record for that value: the
// reader goes back to it once the cut record is found broken.
func TestHostileReaderSwallowedRecord(t *testing.T) {
	t.Parallel()
	cut := `{"eventVersion":"1.09","eventID":"cut","x":`
	for _, tc := range []struct {
		name string
		data string
		bad  string // the error is where this starts
		ids  []string
	}{
		{"then a record", `{"Records":[` + goodRec("g1") + `,` + cut + goodRec("g2") + `,` + goodRec("g3") + `]}`, goodRec("g3"), []string{"g1", "g2", "g3"}},
		{"last", `{"Records":[` + goodRec("g1") + `,` + cut + goodRec("g2") + `]}`, `]}`, []string{"g1", "g2"}},
		{"nested twice", `[` + cut + cut + goodRec("g1") + `,` + goodRec("g2") + `]`, goodRec("g2"), []string{"g1", "g2"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, _ := readAll(t, []byte(tc.data))
			var ids []string
			var errs []*event.DecodeError
			for _, x := range res {
				if x.ev != nil && x.err == nil {
					ids = append(ids, x.ev.EventID)
				}
				if de, ok := errors.AsType[*event.DecodeError](x.err); ok {
					errs = append(errs, de)
				}
			}
			assert.ElementsMatch(t, tc.ids, ids, render(res, event.Summary{}))
			require.NotEmpty(t, errs)
			assert.Equal(t, int64(strings.LastIndex(tc.data, tc.bad)), errs[0].Offset, "%v", errs[0])
		})
	}
}

// TestHostileReaderDuplicateRecords reads both Records members of a log
// file: encoding/json would keep the last one only, and dropping either
// silently would hide records.
func TestHostileReaderDuplicateRecords(t *testing.T) {
	t.Parallel()
	data := `{"Records":[` + goodRec("r1") + `],"x":{"Records":[1]},"Records":[` + goodRec("r2") + `,` + goodRec("r3") + `]}` + "\n" + goodRec("r4")
	assert.Equal(t, []string{"r1", "r2", "r3", "r4"}, goodIDs([]byte(data)))
}

// TestHostileReaderNoPhantom: a Records member or an EventBridge detail
// that holds no record yields no event.
func TestHostileReaderNoPhantom(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, data string
		bad        string // the error is where this starts
		err        error
	}{
		{"records-null", `{"Records":null}`, `null`, event.ErrNotRecord},
		{"records-object", `{"Records":{}}`, `{}`, event.ErrNotRecord},
		{"records-string", `{"Records":"x","other":1}`, `"x"`, event.ErrNotRecord},
		{"detail-empty", eventBridge(`{ }`), `{ }`, event.ErrNotRecord},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := tc.data + "\n" + goodRec("after")
			res, sum := readAll(t, []byte(data))
			require.Len(t, res, 2, render(res, sum))
			assert.Nil(t, res[0].ev)
			require.ErrorIs(t, res[0].err, tc.err)
			de, _ := errors.AsType[*event.DecodeError](res[0].err)
			assert.Equal(t, int64(strings.Index(data, tc.bad)), de.Offset)
			require.NotNil(t, res[1].ev)
			assert.Equal(t, "after", res[1].ev.EventID)
			assert.Equal(t, 1, sum.Returned)
		})
	}
}

// TestHostileReaderGzipTrailingGarbage: junk after a complete gzip member
// is named as such, after the records; a cut member is still a cut.
func TestHostileReaderGzipTrailingGarbage(t *testing.T) {
	t.Parallel()
	log := []byte(`{"Records":[` + goodRec("a") + `,` + goodRec("b") + `]}`)
	member := gzipBytes(t, log)
	for _, tc := range []struct {
		name string
		data []byte
		msg  string
	}{
		{"few bytes", append(append([]byte{}, member...), "xyz"...), "trailing garbage after the gzip data"},
		{"many bytes", append(append([]byte{}, member...), strings.Repeat("junk", 10)...), "trailing garbage after the gzip data"},
		{"one byte", append(append([]byte{}, member...), 0x1f), "trailing garbage after the gzip data"},
		{"cut member", member[:len(member)-3], "unexpected end of gzip data"},
		{"cut second member", append(append([]byte{}, member...), member[:12]...), "unexpected end of gzip data"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, sum := readAll(t, tc.data)
			var ids []string
			for _, x := range res[:len(res)-1] {
				require.NotNil(t, x.ev, render(res, sum))
				ids = append(ids, x.ev.EventID)
			}
			assert.Equal(t, []string{"a", "b"}, ids)
			last := res[len(res)-1]
			require.ErrorIs(t, last.err, event.ErrSyntax)
			assert.Contains(t, last.err.Error(), tc.msg)
		})
	}
	two := append(append([]byte{}, member...), member...) // still read
	assert.Equal(t, []string{"a", "b", "a", "b"}, goodIDs(two))
}
