// Package bridge lets the event package call the userid codec without
// either package exporting its decoders.
package bridge

import "github.com/cachetrail/cachetrail/internal/jsonx"

// Set by package userid at init; event imports userid, so they are set
// before event uses them. id is always a *userid.Identity.
var (
	DecodeIdentity func(d *jsonx.Decoder, id any) jsonx.Status
	EncodeIdentity func(e *jsonx.Encoder, id any)
)
