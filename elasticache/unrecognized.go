package elasticache

import (
	"bytes"

	"github.com/cachetrail/cachetrail/event"
	"github.com/cachetrail/cachetrail/internal/jsonx"
)

// Unrecognized is an ElastiCache call whose eventName this version does
// not model, such as an operation AWS added later. Its payloads stay raw
// on Event and are reported as unmodeled.
type Unrecognized struct {
	Event *event.Event
	meta
}

// Operation returns the event's eventName.
func (a *Unrecognized) Operation() string {
	if a.Event == nil {
		return ""
	}
	return a.Event.EventName
}

// Resources returns nil: without a model the resources are unknown.
func (a *Unrecognized) Resources() []Resource { return nil }

func (a *Unrecognized) setEvent(ev *event.Event) { a.Event = ev }

func (a *Unrecognized) decodeRequest(d *jsonx.Decoder) jsonx.Status  { return a.skip(d) }
func (a *Unrecognized) decodeResponse(d *jsonx.Decoder) jsonx.Status { return a.skip(d) }

// skip reads a payload without a model: a non-null one is unmodeled.
func (a *Unrecognized) skip(d *jsonx.Decoder) jsonx.Status {
	off, path := d.Offset(), d.Path()
	null := d.Kind() == 'n'
	if !d.Skip() {
		return jsonx.Fatal
	}
	if !null {
		a.raw = append(a.raw, Unmodeled{Path: path, Offset: off})
	}
	return jsonx.OK
}

func (a *Unrecognized) encodeRequest(e *jsonx.Encoder) bool {
	return a.Event != nil && a.encodeRaw(e, a.Event.RequestParameters)
}

func (a *Unrecognized) encodeResponse(e *jsonx.Encoder) bool {
	return a.Event != nil && a.encodeRaw(e, a.Event.ResponseElements)
}

// encodeRaw writes a raw payload; like a typed one, an absent or null
// payload has no encoding.
func (a *Unrecognized) encodeRaw(e *jsonx.Encoder, raw []byte) bool {
	if raw = bytes.TrimSpace(raw); len(raw) == 0 || string(raw) == "null" {
		return false
	}
	e.Raw(raw)
	return true
}
