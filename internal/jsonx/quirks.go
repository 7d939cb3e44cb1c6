package jsonx

import (
	"strconv"

	"github.com/cachetrail/cachetrail/wire"
)

// MaxQuirks is how many quirks a Decoder locates, each with its path and
// detail. Past it, quirks are only counted per kind: Quirks ends with one
// quirk per kind seen past the cap, the first of them, whose Repeats
// counts the rest. A hostile record with millions of quirks thus costs a
// few counters, not a path string each.
const MaxQuirks = 100

// quirkKinds lists every kind, so counting needs no map.
var quirkKinds = [...]wire.QuirkKind{
	wire.QuirkTrailingComma, wire.QuirkByteOrderMark, wire.QuirkEmptyObjectAsList,
	wire.QuirkStringAsNumber, wire.QuirkStringAsBool, wire.QuirkNonRFC3339Time,
	wire.QuirkNumberAsTime, wire.QuirkKeptRaw, wire.QuirkKeptRawTooDense, wire.QuirkDuplicateName,
	wire.QuirkInvalidUTF8, wire.QuirkNonCanonicalIP, wire.QuirkEmptyStringAsAbsent,
	wire.QuirkFlatOutput,
}

func kindIndex(k wire.QuirkKind) int {
	for i, x := range quirkKinds {
		if x == k {
			return i
		}
	}
	return len(quirkKinds) // another kind: counted together
}

// omitted counts the quirks of one kind past the cap.
type omitted struct {
	n     int        // how many
	first wire.Quirk // the first of them, located
}

// omittedKinds counts per kind (and one for any other kind).
type omittedKinds [len(quirkKinds) + 1]omitted

// quirkState holds the quirks of one decode.
type quirkState struct {
	located []wire.Quirk
	omitted *omittedKinds // allocated at the first quirk past the cap, which only hostile input reaches
	log     []uint8       // kind index of each omitted quirk, so a re-read value can undo them
}

// locates reports whether a quirk of kind k recorded now would keep its
// path and detail: callers skip building a detail that would be dropped.
func (d *Decoder) locates(k wire.QuirkKind) bool {
	return len(d.q.located) < MaxQuirks || d.q.omitted == nil || d.q.omitted[kindIndex(k)].n == 0
}

func (d *Decoder) quirk(k wire.QuirkKind, pos int, detail string) {
	d.quirkOffset(k, d.base+int64(pos), detail)
}

func (d *Decoder) quirkOffset(k wire.QuirkKind, off int64, detail string) {
	if len(d.q.located) < MaxQuirks {
		d.q.located = append(d.q.located, wire.Quirk{Kind: k, Offset: off, Path: d.Path(), Detail: detail})
		return
	}
	i := kindIndex(k)
	if d.q.omitted == nil {
		d.q.omitted = new(omittedKinds)
	}
	o := &d.q.omitted[i]
	if o.n == 0 {
		o.first = wire.Quirk{Kind: k, Offset: off, Path: d.Path(), Detail: detail}
	}
	o.n++
	d.q.log = append(d.q.log, uint8(i))
}

// quirkQuoted records a quirk whose detail is s quoted, quoting only when
// the quirk is located.
func (d *Decoder) quirkQuoted(k wire.QuirkKind, pos int, s string) {
	detail := ""
	if d.locates(k) {
		detail = d.valueDetail(s)
	}
	d.quirk(k, pos, detail)
}

// AddQuirk records a quirk the caller found in the current value, at the
// original-input offset off, under the same cap as the decoder's own.
func (d *Decoder) AddQuirk(k wire.QuirkKind, off int64, detail func() string) {
	s := ""
	if d.locates(k) && detail != nil {
		s = detail()
	}
	d.quirkOffset(k, off, s)
}

// quirkMark is a point to roll quirks back to.
type quirkMark struct{ located, log int32 }

func (d *Decoder) quirkMark() quirkMark {
	return quirkMark{int32(len(d.q.located)), int32(len(d.q.log))}
}

// rollback forgets the quirks recorded since mk, as when a value is read
// again raw.
func (d *Decoder) rollback(mk quirkMark) {
	d.q.located = d.q.located[:mk.located]
	for _, i := range d.q.log[mk.log:] {
		d.q.omitted[i].n--
		if d.q.omitted[i].n == 0 {
			d.q.omitted[i].first = wire.Quirk{}
		}
	}
	d.q.log = d.q.log[:mk.log]
}

// Quirks returns the quirks forgiven so far: the located ones in the order
// found, then, per kind counted past MaxQuirks, the first one past it with
// Repeats set to how many more followed.
func (d *Decoder) Quirks() []wire.Quirk {
	if len(d.q.log) == 0 {
		return d.q.located
	}
	out := d.q.located[:len(d.q.located):len(d.q.located)]
	for _, o := range d.q.omitted {
		if o.n > 0 {
			q := o.first
			q.Repeats = o.n - 1
			out = append(out, q)
		}
	}
	return out
}

// byteDetail describes a byte for a quirk's detail.
func byteDetail(c byte) string {
	return "byte 0x" + strconv.FormatUint(uint64(c), 16)
}
