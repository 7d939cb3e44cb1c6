package elasticache

import (
	"encoding/json"

	"github.com/cachetrail/cachetrail/internal/jsonx"
	"github.com/cachetrail/cachetrail/wire"
)

// EncodeOptions control RequestJSON and ResponseJSON.
type EncodeOptions struct {
	// Normalize writes timestamps as RFC 3339 UTC instead of their original
	// text. Lists read from {} are written as [] in any case.
	Normalize bool
	// Redact replaces the value of every sensitive member (authToken,
	// passwords, ...) by its kind, as the printed forms do: for output
	// that goes to logs or terminals. The result is no longer the input.
	Redact bool
}

// RequestJSON returns the action's typed request re-encoded with
// CloudTrail's wire names, unknown members included, or nil when the
// action has no request. Numbers keep the text they were read from unless
// a program changed them. A NaN or an infinity a program set, which JSON
// cannot hold, is written as null; MarshalJSON of the request reports it
// as an error.
func RequestJSON(a Action, o EncodeOptions) json.RawMessage {
	e := jsonx.Encoder{Normalize: o.Normalize}
	if a == nil || !a.encodeRequest(&e) {
		return nil
	}
	return o.finish(e.Bytes())
}

// ResponseJSON is RequestJSON for the response.
func ResponseJSON(a Action, o EncodeOptions) json.RawMessage {
	e := jsonx.Encoder{Normalize: o.Normalize}
	if a == nil || !a.encodeResponse(&e) {
		return nil
	}
	return o.finish(e.Bytes())
}

func (o EncodeOptions) finish(b []byte) json.RawMessage {
	if o.Redact {
		return wire.AppendRedacted(nil, b)
	}
	return b
}
