package jsonx

import "github.com/cachetrail/cachetrail/wire"

// The Into functions read an optional scalar into slot and point *p at it.
// Generated code gives each object one struct holding the values of all
// its optional scalars, so decoding an object costs one allocation for
// them rather than one per member. *p and slot are left alone unless the
// value fits.

// StringInto reads a string into slot and stores &slot in *p.
func StringInto[T ~string](d *Decoder, p **T, slot *T) Status {
	var v T
	st := Str(d, &v)
	if st == OK {
		*slot = v
		*p = slot
	}
	return stale(d, st, p)
}

// Int32Into reads an integer into slot and stores &slot in *p.
func Int32Into(d *Decoder, p **int32, slot *int32) Status {
	v, st := d.integer(32)
	if st == OK {
		*slot = int32(v)
		*p = slot
	}
	return stale(d, st, p)
}

// Int64Into reads an integer into slot and stores &slot in *p.
func Int64Into(d *Decoder, p **int64, slot *int64) Status {
	v, st := d.integer(64)
	if st == OK {
		*slot = v
		*p = slot
	}
	return stale(d, st, p)
}

// Float64TextInto is Float64Into keeping the number's text in *text, for
// Encoder.FloatText.
func Float64TextInto(d *Decoder, p **float64, slot *float64, text *string) Status {
	v, t, st := d.floatText()
	if st == OK {
		*slot = v
		*p = slot
		*text = t
	}
	return stale(d, st, p)
}

// BoolInto reads a boolean into slot and stores &slot in *p.
func BoolInto(d *Decoder, p **bool, slot *bool) Status {
	var v bool
	st := BoolValue(d, &v)
	if st == OK {
		*slot = v
		*p = slot
	}
	return stale(d, st, p)
}

// TimeInto reads a timestamp into slot and stores &slot in *p.
func TimeInto(d *Decoder, p **wire.Time, slot *wire.Time) Status {
	var v wire.Time
	st := TimeValue(d, &v)
	if st == OK {
		*slot = v
		*p = slot
	}
	return stale(d, st, p)
}
