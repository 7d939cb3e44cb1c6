package elasticache

import (
	"cmp"
	"errors"
	"slices"
	"strconv"

	"github.com/cachetrail/cachetrail/event"
	"github.com/cachetrail/cachetrail/internal/jsonx"
	"github.com/cachetrail/cachetrail/wire"
)

// Source is the eventSource of ElastiCache records.
const Source = "elasticache.amazonaws.com"

// Errors matched with errors.Is.
var (
	// ErrNotElastiCache: the event's eventSource is not Source.
	ErrNotElastiCache = errors.New("elasticache: not an ElastiCache event")
)

// Decode returns the typed action of an ElastiCache event.
//
// The action's Request and Response are decoded from the event's raw
// requestParameters and responseElements, which stay on the event. A null
// or absent payload leaves them nil, as does a failed call's missing
// response. An eventName this version does not know gives an
// *Unrecognized action, not an error; an event from another eventSource
// gives ErrNotElastiCache.
//
// Values that break the model (a number where a string is expected) are
// kept raw in the enclosing struct's Unknown members and reported; the
// action is returned all the same. With event.Strict, every quirk forgiven
// in the payloads is reported too (wrapping event.ErrQuirk); an event read
// in strict mode (event.Strict given to event.Parse, event.NewReader or
// Actions) is decoded strictly without it. Other options are ignored.
//
// Errors are *event.DecodeError, joined with errors.Join when there are
// several.
func Decode(ev *event.Event, opts ...event.Option) (Action, error) {
	if ev == nil {
		return nil, errors.New("elasticache: Decode of a nil event")
	}
	if ev.EventSource != Source {
		return nil, &event.DecodeError{Source: ev.Origin().Source, Record: ev.Origin().Index, Offset: ev.Origin().Offset,
			Path: "eventSource", Msg: "eventSource " + quote(ev.EventSource) + " is not " + Source, Err: ErrNotElastiCache}
	}
	a := newAction(ev.EventName)
	if a == nil {
		a = &Unrecognized{Event: ev}
	}
	m := a.info()
	m.ev, m.self = ev, a
	a.setEvent(ev)
	var errs []error
	// event.Strict in opts makes the payloads strict, as reading the event
	// in strict mode does.
	strict := len(opts) > 0 && ev.Payload("", opts...).Strict
	errs = decodePayload(ev, "requestParameters", ev.RequestParameters, a.decodeRequest, m, &strict, errs)
	errs = decodePayload(ev, "responseElements", ev.ResponseElements, a.decodeResponse, m, &strict, errs)
	if strict {
		for _, q := range m.quirks {
			err := decodeError(ev, q.Offset, q.Path, "forgiven "+string(q.Kind)+detail(q.Detail)+repeats(q.Repeats), event.ErrQuirk)
			err.Quirk = q.Kind
			errs = append(errs, err)
		}
	}
	return a, joinErrors(errs)
}

// joinErrors returns errs as event.Parse does: nil, the one error, or
// the errors joined.
func joinErrors(errs []error) error {
	switch len(errs) {
	case 0:
		return nil
	case 1:
		return errs[0]
	}
	return errors.Join(errs...)
}

func repeats(n int) string {
	if n == 0 {
		return ""
	}
	return " and " + strconv.Itoa(n) + " more"
}

func detail(s string) string {
	if s == "" {
		return ""
	}
	return " (" + s + ")"
}

// decodePayload decodes a payload of ev. An event read in strict mode sets
// *strict, so that Actions with event.Strict reports payload quirks as
// Decode with event.Strict does.
func decodePayload(ev *event.Event, name string, raw []byte, dec func(*jsonx.Decoder) jsonx.Status, m *meta, strict *bool, errs []error) []error {
	if len(raw) == 0 {
		return errs
	}
	src := ev.Payload(name)
	*strict = *strict || src.Strict
	base := max(src.Offset, 0)
	text := src.Text
	if text == "" {
		text = string(raw)
	}
	d := jsonx.Get(text, jsonx.Options{Base: base, Path: name, MaxDepth: src.MaxDepth})
	defer d.Release()
	st := dec(d)
	switch st {
	case jsonx.OK:
		d.Finish()
	case jsonx.Mismatch:
		// Not an object, such as "HIDDEN_DUE_TO_SECURITY_REASONS": the raw
		// value stays on the event.
		m.quirks = append(m.quirks, wire.Quirk{Kind: wire.QuirkKeptRaw, Offset: base, Path: name, Detail: "not an object"})
	case jsonx.Dense:
		// Cannot happen for a payload's own struct (the budget's slack
		// covers it), but if it did, the raw value stays on the event.
		m.quirks = append(m.quirks, wire.Quirk{Kind: wire.QuirkKeptRawTooDense, Offset: base, Path: name})
	}
	if f := d.Fatal(); f != nil {
		return append(errs, decodeError(ev, f.Offset, f.Path, f.Msg, event.ErrSyntax))
	}
	for _, e := range d.Errors() {
		errs = append(errs, decodeError(ev, e.Offset, e.Path, e.Msg, event.ErrType))
	}
	// Each payload's decoder locates at most jsonx.MaxQuirks quirks plus a
	// summary per kind, so a record's list stays bounded.
	m.quirks = append(m.quirks, d.Quirks()...)
	slices.SortStableFunc(m.quirks, func(a, b wire.Quirk) int { return cmp.Compare(a.Offset, b.Offset) })
	return errs
}

// decodeError locates a problem found in a payload of ev.
func decodeError(ev *event.Event, offset int64, path, msg string, kind error) *event.DecodeError {
	o := ev.Origin()
	return &event.DecodeError{Source: o.Source, Record: o.Index, Offset: offset, Path: path, Msg: msg, Err: kind}
}

func quote(s string) string { return `"` + s + `"` }
