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
// longer the input.
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
	e := jsonx.Encoder{Normalize: c.normalize}
	if a == nil || !a.encodeRequest(&e) {
		return nil
	}
	return c.finish(e.Bytes())
}

// ResponseJSON is RequestJSON for the response.
func ResponseJSON(a Action, opts ...Option) json.RawMessage {
	c := newEncodeConfig(opts)
	e := jsonx.Encoder{Normalize: c.normalize}
	if a == nil || !a.encodeResponse(&e) {
		return nil
	}
	return c.finish(e.Bytes())
}

func (c encodeConfig) finish(b []byte) json.RawMessage {
	if c.redact {
		return wire.AppendRedacted(nil, b)
	}
	return b
}
