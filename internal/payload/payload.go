// Package payload carries what package event knows about a raw payload of
// an event to the packages that decode it (elasticache), as data: the
// event hands it out through an accessor whose result type only this
// module can name.
package payload

// Source describes the raw requestParameters or responseElements of an
// event, as read.
type Source struct {
	// Text is the payload's text as read, sharing the record's text, or ""
	// when the payload was not read from input or has changed since: the
	// decoder then copies the payload's bytes instead.
	Text string
	// Offset is the byte offset of the value in the input, or -1 when it
	// was not read from input.
	Offset int64
	// MaxDepth is the nesting limit the event was parsed with.
	MaxDepth int
	// Strict is set when the event was read in strict mode: the payload's
	// quirks are then errors too.
	Strict bool
}
