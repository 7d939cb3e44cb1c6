package jsonx

import "reflect"

// Typed decoding may allocate memory whose size does not follow the text:
// a struct of many pointer fields for each {} of a list, say. A Decoder
// charges such allocations (list backing arrays, structs behind pointers,
// values structs) to a budget of densePerByte bytes per byte it has read,
// plus denseSlack. A list or struct that would overrun it is not decoded
// typed but kept raw, as a QuirkKeptRawTooDense; its text costs nothing
// more, so a record's memory stays a constant times its size.
//
// The budget is per decoder, not per list, so that nested lists cannot
// multiply it. Its size: a hostile record may spend all of it, and the
// record's text, envelope and unknown members cost up to about 8 bytes per
// byte more (reading it as a stream included), which must stay under the
// 24 of testutil.AllocBound; so 16. Legitimate data stays typed: real
// payloads, whose elements carry several members each, charge under 8
// bytes per byte; 10,000 tags {"key":"k","value":"v"} about 8 (a Tag is
// 40 bytes and its values 32, for 25 bytes of text, and doubling a list
// allocates at most 4 times its elements); the densest list one could
// call legitimate, cacheNodes of one short id each, about 22 when the
// array has just doubled (88 bytes of CacheNode and 160 of values for 23
// of text), which the 1 MiB slack absorbs up to some 8,000 nodes in one
// payload, a hundred times the nodes a cluster can have.
const (
	densePerByte = 16
	denseSlack   = 1 << 20
)

// charge counts n bytes of typed memory about to be allocated, reporting
// false, and counting nothing, when they would overrun the budget.
func (d *Decoder) charge(n uintptr) bool {
	c := d.charged + int(n)
	if c > densePerByte*d.pos+denseSlack {
		return false
	}
	d.charged = c
	return true
}

// overBudget reports whether allocations that could not be refused (see
// Values) have overrun the budget.
func (d *Decoder) overBudget() bool { return d.charged > densePerByte*d.pos+denseSlack }

// New returns a new T for a pointer member, charging its size to the
// budget, or false, allocating nothing, when the budget is spent: the
// caller returns Dense, and the value is kept raw.
func New[T any](d *Decoder) (*T, bool) {
	if !d.charge(reflect.TypeFor[T]().Size()) {
		return nil, false
	}
	return new(T), true
}

// Values returns *v, an object's values struct (see StringInto),
// allocating it on first use and charging its size. The allocation is
// small and one per object, so it is never refused: an enclosing list
// notices an overrun after the element (see List).
func Values[T any](d *Decoder, v **T) *T {
	if *v == nil {
		*v = newValues[T](d)
	}
	return *v
}

func newValues[T any](d *Decoder) *T {
	d.charged += int(reflect.TypeFor[T]().Size())
	return new(T)
}

// growList returns s with room for twice its elements, or false when the
// new backing array would overrun the budget. Doubling bounds the arrays
// a list allocates by four times its elements; append's quarter growth
// for long slices would make that six.
func growList[T any](d *Decoder, s []T) ([]T, bool) {
	n := max(2*cap(s), 1)
	if !d.charge(uintptr(n) * reflect.TypeFor[T]().Size()) {
		return s, false
	}
	t := make([]T, len(s), n)
	copy(t, s)
	return t, true
}
