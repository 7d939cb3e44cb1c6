package elasticache

import (
	"encoding/json"

	"github.com/cachetrail/cachetrail/internal/jsonx"
	"github.com/cachetrail/cachetrail/wire"
)

// Option configures RequestJSON and ResponseJSON.
type Option func(*encodeConfig)

type encodeConfig struct{ normalize, redact bool }

// Normalize makes RequestJSON and ResponseJSON write timestamps as RFC 3339
// UTC instead of their original text. Lists read from {} are written as []
// in any case.
func Normalize() Option { return func(c *encodeConfig) { c.normalize = true } }

// Redact makes RequestJSON and ResponseJSON replace the value of every
// sensitive member (authToken, passwords, ...) by its kind, as the printed
// forms do: for output that goes to logs or terminals. The result is no
// longer the input. It is what [wire.AppendRedacted] makes of the
// encoding without Redact, so it has no white space between tokens.
func Redact() Option { return func(c *encodeConfig) { c.redact = true } }

func newEncodeConfig(opts []Option) encodeConfig {
	if len(opts) == 0 {
		return encodeConfig{} // nothing escapes without options
	}
	c := new(encodeConfig)
	for _, o := range opts {
		if o != nil {
			o(c)
		}
	}
	return *c
}

// RequestJSON returns the action's typed request re-encoded with
// CloudTrail's wire names, unknown members included, or nil when the
// action has no request. Numbers keep the text they were read from unless
// a program changed them. A NaN or an infinity a program set, which JSON
// cannot hold, is written as null; MarshalJSON of the request reports it
// as an error.
func RequestJSON(a Action, opts ...Option) json.RawMessage {
	c := newEncodeConfig(opts)
	if a == nil {
		return nil
	}
	e := jsonx.Encoder{Normalize: c.normalize}
	if ev := a.info().ev; ev != nil {
		e.Grow(len(ev.RequestParameters)) // about the size of the encoding
	}
	if !a.encodeRequest(&e) {
		return nil
	}
	return c.finish(&e)
}

// ResponseJSON is RequestJSON for the response.
func ResponseJSON(a Action, opts ...Option) json.RawMessage {
	c := newEncodeConfig(opts)
	if a == nil {
		return nil
	}
	e := jsonx.Encoder{Normalize: c.normalize}
	if ev := a.info().ev; ev != nil {
		e.Grow(len(ev.ResponseElements))
	}
	if !a.encodeResponse(&e) {
		return nil
	}
	return c.finish(&e)
}

// finish redacts e's output if asked to. Most payloads name no sensitive
// member and hold only text the encoder quoted: redacting them changes
// nothing, and is skipped (FuzzDecode checks the two agree).
func (c encodeConfig) finish(e *jsonx.Encoder) json.RawMessage {
	b := e.Bytes()
	if c.redact && !e.Redacted() {
		return wire.AppendRedacted(make([]byte, 0, len(b)), b)
	}
	return b
}
