package jsonx

// Bits records which members of an object were present in the input, one
// bit per member, so that a member present with an empty value is written
// back. Every generated codec of a struct with such members keeps them in
// a field present of this type; StrBit sets and clears the bits.
type Bits uint32

// End returns the status of an object whose members NextMember has run
// out of: Fatal after a syntax error, else OK.
func (d *Decoder) End() Status {
	if d.fatal != nil {
		return Fatal
	}
	return OK
}

// RawMember writes the member name with the raw JSON text v, unless v is
// nil (absent). When the encoder redacts, v is written as RedactedRaw
// writes it.
func (e *Encoder) RawMember(name string, v []byte) {
	if v == nil {
		return
	}
	e.Key(name)
	if e.Redact {
		e.RedactedRaw(name, v)
		return
	}
	e.Raw(v)
}
