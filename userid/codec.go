package userid

import "github.com/cachetrail/cachetrail/internal/jsonx"

// The codecs of Identity and the objects nested in it are generated
// (zz_generated_codecs.go) from the tables in internal/gen/codecs.go.

// DecodeFrom decodes the userIdentity value at d into id. It is for
// package event, which decodes records; its types are internal to this
// module.
func (id *Identity) DecodeFrom(d *jsonx.Decoder) jsonx.Status { return id.decode(d) }

// EncodeTo writes id to e as CloudTrail writes it. It is for package
// event, which encodes records; its types are internal to this module.
func (id *Identity) EncodeTo(e *jsonx.Encoder) { id.encode(e) }
