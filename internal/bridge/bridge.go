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

// Payload is set by package event. It returns the record text a raw
// payload of ev (an *event.Event) was read from, when the payload is
// unchanged, so package elasticache can decode it without a copy, and the
// nesting limit the event was parsed with (0 for the default).
var Payload func(ev any, member string) (text string, unchanged bool, maxDepth int)
