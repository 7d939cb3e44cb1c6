package jsonx

import "github.com/cachetrail/cachetrail/wire"

// RawMembers reads an object whose members are all kept raw, in input
// order, none of them unmodeled (such as the claims of a web identity
// session), appending them to *dst and setting bit in *present when the
// object was read whole, an empty one included.
func RawMembers[B ~uint32](d *Decoder, dst *wire.Members, present *B, bit B) Status {
	var m Member
	if st := d.ObjectStart(&m); st != OK {
		return st
	}
	for d.NextMember(&m) {
		off := d.Offset()
		raw, ok := d.Raw()
		if ok {
			*dst = append(*dst, wire.Member{Name: m.Key, Value: []byte(raw), Offset: off})
		}
		st := OK
		if !ok {
			st = Fatal
		}
		d.EndMember(&m, st, dst)
	}
	st := d.End()
	if st == OK {
		*present |= bit
	}
	return st
}

// RawMembersObject writes m as an object of its members.
func (e *Encoder) RawMembersObject(m wire.Members) {
	e.ObjectStart()
	e.Members(m)
	e.ObjectEnd()
}
