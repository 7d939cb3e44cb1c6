package event

import (
	"encoding/json"

	"github.com/cachetrail/cachetrail/internal/jsonx"
	"github.com/cachetrail/cachetrail/userid"
	"github.com/cachetrail/cachetrail/wire"
)

// The codecs of Event, Resource, TLSDetails and Addendum are generated
// (zz_generated_codecs.go) from the tables in internal/gen/codecs.go. The
// members they do not decode or encode plainly are here.

// raw decodes a payload whose offset and text are kept, the i-th.
func (e *Event) raw(d *jsonx.Decoder, i int, p *json.RawMessage) jsonx.Status {
	off, start := d.Offset(), d.Pos()
	var s string
	st := jsonx.RawValue(d, &s)
	if st == jsonx.OK {
		*p = e.rawBytes(d.Source(), start, s)
		e.offsets[i] = off + 1
		e.rawText[i] = s
	}
	return st
}

// rawBytes returns s, read from src at start, as bytes. The first payload
// copies the rest of the record once and later ones share that copy: a
// record has several payloads and they come late in it. Each slice is
// capped at its own end, so appending to one cannot touch the next.
func (e *Event) rawBytes(src string, start int, s string) json.RawMessage {
	if start < len(src) && len(s) <= len(src)-start && src[start:start+len(s)] == s {
		if e.rawBuf == nil || start < e.rawFrom {
			e.rawBuf, e.rawFrom = []byte(src[start:]), start
		}
		i := start - e.rawFrom
		return e.rawBuf[i : i+len(s) : i+len(s)]
	}
	return json.RawMessage(s) // a forgiven trailing comma made s differ from src
}

// rawMember decodes a raw member whose offset is not kept.
func (e *Event) rawMember(d *jsonx.Decoder, p *json.RawMessage) jsonx.Status {
	start := d.Pos()
	var s string
	st := jsonx.RawValue(d, &s)
	if st == jsonx.OK {
		*p = e.rawBytes(d.Source(), start, s)
	}
	return st
}

func (e *Event) decodeUserIdentity(d *jsonx.Decoder) jsonx.Status {
	if d.Dup() {
		// The last value wins: it must not merge into the earlier.
		e.UserIdentity = userid.Identity{}
		e.present &^= eventHasUserIdentity
	}
	st := e.UserIdentity.DecodeFrom(d)
	if st == jsonx.OK {
		e.present |= eventHasUserIdentity
	}
	return st
}

func (e *Event) encodeUserIdentity(enc *jsonx.Encoder) {
	if e.present&eventHasUserIdentity != 0 || !e.UserIdentity.IsZero() {
		enc.Key("userIdentity")
		e.UserIdentity.EncodeTo(enc)
	}
}

// decodeSourceIPAddress records a quirk for an address that only parses
// leniently, through d so that its count stays bounded.
func (e *Event) decodeSourceIPAddress(d *jsonx.Decoder) jsonx.Status {
	off := d.Offset()
	st := jsonx.StrBit(d, &e.SourceIPAddress, &e.present, eventHasSourceIPAddress)
	if st == jsonx.OK {
		if _, canonical, ok := parseAddr(e.SourceIPAddress); ok && !canonical {
			d.AddQuirk(wire.QuirkNonCanonicalIP, off, func() string { return `"` + e.SourceIPAddress + `"` })
		}
	}
	return st
}
