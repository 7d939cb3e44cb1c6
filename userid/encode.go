package userid

import "github.com/cachetrail/cachetrail/internal/jsonx"

// MarshalJSON encodes id as CloudTrail writes it, unknown members included.
func (id *Identity) MarshalJSON() ([]byte, error) {
	var e jsonx.Encoder
	id.encode(&e)
	return e.Bytes(), nil
}

// UnmarshalJSON decodes a userIdentity element tolerantly, keeping what it
// does not model. It returns the first problem found, with its JSON path
// and byte offset.
func (id *Identity) UnmarshalJSON(data []byte) error {
	d := jsonx.NewDecoder(string(data), jsonx.Options{Path: "userIdentity"})
	var v Identity
	if st := v.decode(d); st == jsonx.OK {
		d.Finish()
	} else if st != jsonx.Fatal {
		d.TypeError("an object")
	}
	if d.Fatal() == nil {
		*id = v
	}
	return d.Err()
}
