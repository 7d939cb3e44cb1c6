package event

import (
	"cmp"
	"errors"
	"slices"

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
// (one *DecodeError per quirk, joined), besides decoding as usual.
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
// *DecodeError when data is not a JSON object or has a syntax error. When
// a value breaks the model (a number where a string is expected, say) it
// keeps the value raw, returns the event and reports the error; with the
// Strict option, every quirk is reported too. Errors are *DecodeError,
// joined with errors.Join when there are several.
func Parse(data []byte, opts ...Option) (*Event, error) {
	if len(opts) == 0 {
		c := defaultConfig() // not escaping: no option sees it
		return c.parse(string(data))
	}
	c := newConfig(opts)
	return c.parse(string(data))
}

// MustParse is like Parse but panics on error. It is intended for tests
// and examples with hard-coded records.
func MustParse(data string) *Event {
	c := newConfig(nil)
	ev, err := c.parse(data)
	if err != nil {
		panic(err)
	}
	return ev
}

func (c *config) parse(src string) (*Event, error) {
	d := jsonx.Get(src, jsonx.Options{Base: c.origin.Offset, MaxDepth: c.maxDepth})
	defer d.Release()
	d.SkipBOM()
	ev := new(Event)
	ev.origin = c.origin
	ev.maxDepth = c.maxDepth
	switch k := d.Kind(); k {
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
