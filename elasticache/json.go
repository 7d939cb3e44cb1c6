package elasticache

import (
	"github.com/cachetrail/cachetrail/internal/jsonx"
	"github.com/cachetrail/cachetrail/wire"
)

// Hidden is what CloudTrail writes in place of a sensitive value.
const Hidden = "HIDDEN_DUE_TO_SECURITY_REASONS"

// The generated MarshalJSON, UnmarshalJSON and String methods are
// one-liners over these.

// marshal fails on a value JSON cannot hold: a NaN or an infinity a
// program set in a float64 member.
func marshal(encode func(*jsonx.Encoder)) ([]byte, error) {
	var e jsonx.Encoder
	encode(&e)
	if err := e.Err(); err != nil {
		return nil, err
	}
	return e.Bytes(), nil
}

func unmarshal(data []byte, decode func(*jsonx.Decoder) jsonx.Status) error {
	d := jsonx.NewDecoder(string(data), jsonx.Options{})
	d.SkipBOM()
	switch st := decode(d); st {
	case jsonx.OK:
		d.Finish()
	case jsonx.Mismatch:
		d.TypeError("an object")
	}
	return d.Err()
}

func redacted(encode func(*jsonx.Encoder)) string {
	e := jsonx.Encoder{Redact: true}
	encode(&e)
	return string(e.Bytes())
}

// encodeSensitive writes a sensitive string, as "[redacted string]" when
// the encoder redacts, unless CloudTrail already hid it.
func encodeSensitive(e *jsonx.Encoder, v string) {
	if e.Redact && v != Hidden {
		v = "[redacted string]"
	}
	e.String(v)
}

func encodeSensitiveElem(p *string, e *jsonx.Encoder) { encodeSensitive(e, *p) }

// flatOutput records that responseElements is the structure named itself,
// not the object the model wraps it in.
func flatOutput(d *jsonx.Decoder, name string) {
	d.AddQuirk(wire.QuirkFlatOutput, d.Offset(), func() string { return "a " + name + ", not wrapped" })
}
