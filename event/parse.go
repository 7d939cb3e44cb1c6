package event

import (
	"cmp"
	"errors"
	"io"
	"slices"
	"strings"

	"github.com/cachetrail/cachetrail/internal/jsonx"
	"github.com/cachetrail/cachetrail/wire"
)

// Option configures Parse and NewReader. Each option's doc says which of
// them it affects.
type Option func(*config)

type config struct {
	strict   bool
	maxDepth int
	origin   Origin
	// reader options
	maxRecordBytes int64
	maxInputBytes  int64
	sources        []string
	names          []string
	skipped        func(Skipped)
	decompress     func(io.Reader) (io.ReadCloser, error)
}

func defaultConfig() config {
	return config{maxDepth: jsonx.DefaultMaxDepth, maxRecordBytes: DefaultMaxRecordBytes, maxInputBytes: DefaultMaxInputBytes, origin: Origin{Index: -1}}
}

func newConfig(opts []Option) config {
	c := defaultConfig()
	for _, o := range opts {
		if o != nil {
			o(&c)
		}
	}
	return c
}

// Strict makes Parse and NewReader report every forgiven quirk as an error
// (one *DecodeError per quirk, joined), besides decoding as usual; given to
// elasticache.Decode, it does the same for the quirks of the payloads.
func Strict() Option { return func(c *config) { c.strict = true } }

// WithMaxDepth bounds the nesting of objects and arrays in a record
// (default 10000). Affects Parse and NewReader.
func WithMaxDepth(n int) Option {
	return func(c *config) {
		if n > 0 {
			c.maxDepth = n
		}
	}
}

// WithOrigin sets where the data came from, for errors and Event.Origin.
// Affects Parse; NewReader sets the index and offset itself and takes
// the source name from it.
func WithOrigin(o Origin) Option { return func(c *config) { c.origin = o } }

// Parse parses one CloudTrail record.
//
// It forgives the quirks real records have (see the package doc) and
// records each on the event (Event.Quirks). It returns a nil event and a
// *DecodeError when data is not a JSON object or has a syntax error, or
// wrapping ErrNotRecord when the object has none of a record's
// identifying members (eventVersion, eventTime, eventSource, eventName,
// eventID), such as a log file or an EventBridge event, which NewReader
// reads. When a value breaks the model (a number where a string is
// expected, say) it keeps the value raw, returns the event and reports the
// error; with the Strict option, every quirk is reported too. Errors are
// *DecodeError, joined with errors.Join when there are several.
func Parse(data []byte, opts ...Option) (*Event, error) {
	if len(opts) == 0 {
		c := defaultConfig() // not escaping: no option sees it
		return c.parseRecord(string(data))
	}
	c := newConfig(opts)
	return c.parseRecord(string(data))
}

// MustParse is like Parse but panics on error. It is intended for tests
// and examples with hard-coded records.
func MustParse(data string) *Event {
	c := newConfig(nil)
	ev, err := c.parseRecord(data)
	if err != nil {
		panic(err)
	}
	return ev
}

// parseRecord is parse for Parse, which is given one record: an object
// with none of a record's identifying members is not one (the reader,
// which finds records by their place, does not ask this).
func (c *config) parseRecord(src string) (*Event, error) {
	ev, err := c.parse(src)
	if ev == nil || ev.identified() {
		return ev, err
	}
	msg := "an object with none of eventVersion, eventTime, eventSource, eventName, eventID"
	if hint := ev.containerHint(); hint != "" {
		msg = hint + ", not a record: use event.NewReader to read its records"
	}
	// Located at the object, past a byte order mark and white space.
	start := len(src) - len(strings.TrimLeft(strings.TrimPrefix(src, "\ufeff"), " \t\r\n"))
	return nil, c.errorf(c.origin.Offset+int64(start), "", ErrNotRecord, msg)
}

// identified reports whether e has one of the members that identify a
// record, whatever its value.
func (e *Event) identified() bool {
	if e.present&(eventHasEventVersion|eventHasEventSource|eventHasEventName|eventHasEventID) != 0 || !e.EventTime.IsZero() {
		return true
	}
	for i := range e.Unknown {
		switch e.Unknown[i].Name {
		case "eventVersion", "eventTime", "eventSource", "eventName", "eventID":
			return true // present with a value of the wrong type
		}
	}
	return false
}

// containerHint names the kind of input that holds records, when e looks
// like one.
func (e *Event) containerHint() string {
	for i := range e.Unknown {
		switch e.Unknown[i].Name {
		case "Records":
			return "a CloudTrail log file"
		case "detail-type", "detail":
			return "an EventBridge event"
		case "awslogs", "logEvents":
			return "a CloudWatch Logs payload"
		}
	}
	return ""
}

func (c *config) parse(src string) (*Event, error) {
	d := jsonx.Get(src, jsonx.Options{Base: c.origin.Offset, MaxDepth: c.maxDepth})
	defer d.Release()
	d.SkipBOM()
	ev := new(Event)
	ev.origin = c.origin
	ev.maxDepth = c.maxDepth
	ev.strict = c.strict
	switch k := d.CheckedKind(); k {
	case '{':
	case 0:
		if f := d.Fatal(); f != nil { // a bare word such as nonsense
			return nil, c.wrap(f, ErrSyntax)
		}
		return nil, c.errorf(d.Offset(), "", ErrNotRecord, "empty input, want a record object")
	default:
		return nil, c.errorf(d.Offset(), "", ErrNotRecord, "got "+kindNameOf(k)+", want a record object")
	}
	if st := ev.decode(d); st == jsonx.OK {
		d.Finish()
	}
	if f := d.Fatal(); f != nil {
		return nil, c.wrap(f, ErrSyntax)
	}
	// At most jsonx.MaxQuirks located, plus one summary per kind: strict
	// mode reports each, so its errors stay bounded too.
	ev.quirks = append(ev.quirks, d.Quirks()...)
	slices.SortStableFunc(ev.quirks, func(a, b wire.Quirk) int { return cmp.Compare(a.Offset, b.Offset) })
	var errs []error
	for _, e := range d.Errors() {
		errs = append(errs, c.wrap(e, ErrType))
	}
	if c.strict {
		for _, q := range ev.quirks {
			errs = append(errs, c.quirkError(q))
		}
	}
	return ev, joinErrors(errs)
}

func joinErrors(errs []error) error {
	switch len(errs) {
	case 0:
		return nil
	case 1:
		return errs[0]
	}
	return errors.Join(errs...)
}

func kindNameOf(k byte) string {
	switch k {
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	case '0':
		return "a number"
	}
	return "an invalid character"
}
