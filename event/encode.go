package event

import "github.com/cachetrail/cachetrail/internal/jsonx"

// MarshalJSON encodes the event as a CloudTrail record: the members in
// CloudTrail's usual order, then the unknown ones. Timestamps and raw
// payloads are written as they were read, so encoding a parsed event gives
// the same JSON value as the input, less any forgiven quirks.
func (e *Event) MarshalJSON() ([]byte, error) {
	var enc jsonx.Encoder
	e.encode(&enc)
	return enc.Bytes(), nil
}

// UnmarshalJSON decodes a record as Parse does, tolerantly. It returns
// Parse's error, if any.
func (e *Event) UnmarshalJSON(data []byte) error {
	ev, err := Parse(data)
	if ev != nil {
		*e = *ev
	}
	return err
}
