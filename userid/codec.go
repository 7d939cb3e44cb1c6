package userid

import (
	"github.com/cachetrail/cachetrail/internal/jsonx"
	"github.com/cachetrail/cachetrail/wire"
)

// The codecs of Identity and the objects nested in it are generated
// (zz_generated_codecs.go) from the tables in internal/gen/codecs.go. The
// members they do not decode or encode plainly are here.

// DecodeFrom decodes the userIdentity value at d into id. It is for
// package event, which decodes records; its types are internal to this
// module.
func (id *Identity) DecodeFrom(d *jsonx.Decoder) jsonx.Status { return id.decode(d) }

// EncodeTo writes id to e as CloudTrail writes it. It is for package
// event, which encodes records; its types are internal to this module.
func (id *Identity) EncodeTo(e *jsonx.Encoder) { id.encode(e) }

// decodeAttributes keeps every claim raw; none is unmodeled.
func (w *WebIDFederationData) decodeAttributes(d *jsonx.Decoder) jsonx.Status {
	var m jsonx.Member
	if st := d.ObjectStart(&m); st != jsonx.OK {
		return st
	}
	for d.NextMember(&m) {
		off := d.Offset()
		raw, ok := d.Raw()
		if ok {
			w.Attributes = append(w.Attributes, wire.Member{Name: m.Key, Value: []byte(raw), Offset: off})
		}
		st := jsonx.OK
		if !ok {
			st = jsonx.Fatal
		}
		d.EndMember(&m, st, &w.Attributes)
	}
	st := d.End()
	if st == jsonx.OK {
		w.present |= webIDFederationDataHasAttributes
	}
	return st
}

// encodeAttributes writes the claims, an empty object included.
func (w *WebIDFederationData) encodeAttributes(e *jsonx.Encoder) {
	if w.present&webIDFederationDataHasAttributes != 0 || len(w.Attributes) > 0 {
		e.Key("attributes")
		e.ObjectStart()
		e.Members(w.Attributes)
		e.ObjectEnd()
	}
}
