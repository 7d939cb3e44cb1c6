package jsonx

import (
	"slices"

	"github.com/cachetrail/cachetrail/wire"
)

// Member is the state of one object being read by NextMember.
type Member struct {
	Key string // the current member's name

	n         int       // members read
	pathLen   int       // path length of the object itself
	keysBase  int       // first key of this object in d.keys
	keysLen   int       // d.keys length after the current key
	depth     int       // depth inside the object
	start     int       // position of the current member's value
	nerrs     int       // len(d.errs) when the value started
	quirks    quirkMark // quirks when the value started
	seen      uint64    // a bit per hash of the names read, to skip most duplicate checks
	set       int       // index+1 in d.sets of the object's name set, 0 while it is small
	outerSets int       // d.nsets when the object started: the open objects' sets
	prev      int32     // for a duplicate in a large object: index+1 in *u of the earlier kept entry
	dead      int       // entries of *u dropped as stale duplicates, compacted at the end
	dup       bool      // the current name came earlier in the object
	tracked   bool      // dup, or the object has a name set: EndMember has bookkeeping to do
	u         *wire.Members
	ulen      int // len(*u) when the value started, for a tracked member
}

// Small objects find duplicate names by scanning the earlier names (only
// for a name whose filter bit is set); past smallObject members an object
// gets a hash set, so a name costs O(1) however many members there are.
// A record's envelope has some 20 members: it must not need the set.
const smallObject = 64

// maxReusedSet bounds the name sets kept for reuse across objects and
// decodes: clearing a map costs its capacity, so a large one is dropped.
const maxReusedSet = 1024

// tombstone marks an entry of Unknown dropped for a later duplicate,
// until compactUnknown compacts the list. No real member has a negative offset.
var tombstone = wire.Member{Offset: -1}

// nameSet maps each name of a large object to index+1 of its entry in the
// object's Unknown members, 0 when it has none.
type nameSet = map[string]int32

// ObjectStart begins reading an object into m. It returns OK after '{',
// Null after consuming null, Mismatch (consuming nothing) for another JSON
// type, and Fatal for a syntax error.
func (d *Decoder) ObjectStart(m *Member) Status {
	switch d.Kind() {
	case '{':
		d.pos++
		if !d.enter() {
			return Fatal
		}
		*m = Member{pathLen: len(d.path), keysBase: len(d.keys), depth: d.depth, outerSets: d.nsets}
		return OK
	case 'n':
		if d.readLiteral("null") {
			return Null
		}
		return Fatal
	case 0, '?':
		d.badValue()
		return Fatal
	}
	return Mismatch
}

// Dup reports whether the current member's name came earlier in its
// object. The last value wins: a decoder whose value does not fit resets
// the typed field when Dup is true, so no stale earlier value stays.
// Container decoders must ask before reading their elements.
func (d *Decoder) Dup() bool { return d.dup }

// NextMember advances to the next member, leaving the decoder at its value,
// and reports false after the closing '}' or on a syntax error. Every
// member must be finished with EndMember.
func (d *Decoder) NextMember(m *Member) bool {
	if d.fatal != nil {
		return d.abandonObject(m)
	}
	d.skipWS()
	if d.pos >= len(d.src) {
		d.syntaxError("unexpected end of input in object")
		return d.abandonObject(m)
	}
	closing := d.src[d.pos] == '}'
	if m.n > 0 && !closing {
		if d.src[d.pos] != ',' {
			d.syntaxError("unexpected " + DescribeByte(d.src[d.pos]) + ", want ',' or '}'")
			return d.abandonObject(m)
		}
		comma := d.pos
		d.pos++
		d.skipWS()
		if d.pos < len(d.src) && d.src[d.pos] == '}' {
			d.quirk(wire.QuirkTrailingComma, comma, "before }")
			closing = true
		}
	}
	if closing {
		d.pos++
		d.depth = m.depth - 1
		d.path = d.path[:m.pathLen]
		d.keys = d.keys[:m.keysBase]
		if m.set > 0 {
			d.closeSet(m)
		}
		return false
	}
	if d.pos >= len(d.src) {
		d.syntaxError("unexpected end of input in object")
		return d.abandonObject(m)
	}
	if d.src[d.pos] != '"' {
		d.syntaxError("unexpected " + DescribeByte(d.src[d.pos]) + ", want a member name")
		return d.abandonObject(m)
	}
	keyPos := d.pos
	key, ok := d.readString()
	if !ok {
		return d.abandonObject(m)
	}
	d.skipWS()
	if d.pos >= len(d.src) || d.src[d.pos] != ':' {
		if d.pos >= len(d.src) {
			d.syntaxError("unexpected end of input, want ':'")
		} else {
			d.syntaxError("unexpected " + DescribeByte(d.src[d.pos]) + ", want ':'")
		}
		return d.abandonObject(m)
	}
	d.pos++
	d.skipWS()
	d.path = append(d.path[:m.pathLen], segment{key: key, index: -1})
	// Most names fail the filter: only those that pass are looked up.
	if h := nameBit(key); m.set == 0 && m.seen&h == 0 {
		m.seen |= h
		d.keys = append(d.keys, key)
		d.dup, m.dup, m.tracked = false, false, false
	} else {
		d.trackMember(m, key, keyPos)
	}
	m.Key = key
	m.n++
	m.keysLen = len(d.keys)
	d.keysHigh = max(d.keysHigh, m.keysLen)
	d.pathHigh = max(d.pathHigh, len(d.path))
	m.start = d.pos
	m.nerrs = len(d.errs)
	m.quirks = d.quirkMark()
	return true
}

// trackMember looks key up among the earlier names of m's object, for a
// name that passed the filter or an object with a name set, and readies
// EndMember's bookkeeping.
func (d *Decoder) trackMember(m *Member, key string, keyPos int) {
	dup := d.seenName(m, key)
	if dup {
		d.quirk(wire.QuirkDuplicateName, keyPos, "the last value wins")
	}
	d.dup, m.dup = dup, dup
	m.tracked = dup || m.set > 0
	m.ulen = 0
	if m.u != nil {
		m.ulen = len(*m.u)
	}
}

// seenName records key, whose filter bit is set or whose object has a
// set already, as a name of m's object and reports whether it was one.
func (d *Decoder) seenName(m *Member, key string) bool {
	if m.set > 0 {
		return d.inSet(m, key)
	}
	if m.n < smallObject {
		for _, k := range d.keys[m.keysBase:] {
			if k == key {
				return true
			}
		}
		d.keys = append(d.keys, key)
		return false
	}
	// The filter is saturated: move the names to a set.
	s := d.acquireSet()
	for _, k := range d.keys[m.keysBase:] {
		s[k] = 0
	}
	if m.u != nil {
		for i := range *m.u {
			s[(*m.u)[i].Name] = int32(i + 1)
		}
	}
	d.keys = d.keys[:m.keysBase]
	m.set = d.nsets
	return d.inSet(m, key)
}

func (d *Decoder) inSet(m *Member, key string) bool {
	s := d.sets[m.set-1]
	if i, ok := s[key]; ok {
		m.prev = i
		return true
	}
	s[key] = 0
	return false
}

// acquireSet returns an empty set for the innermost open object.
func (d *Decoder) acquireSet() nameSet {
	if d.nsets == len(d.sets) {
		d.sets = append(d.sets, nil)
	}
	s := d.sets[d.nsets]
	if s == nil || len(s) > maxReusedSet {
		s = make(nameSet, 2*smallObject)
		d.sets[d.nsets] = s
	} else {
		clear(s)
	}
	d.nsets++
	return s
}

// closeSet releases the name set of m's object, now closed or abandoned,
// and compacts its Unknown members. (Only an object with a set has stale
// entries: a small one drops them at once.)
func (d *Decoder) closeSet(m *Member) {
	d.nsets = m.set - 1
	if m.dead > 0 {
		d.compactUnknown(m)
	}
}

// abandonObject ends m's object on a syntax error and returns false.
func (d *Decoder) abandonObject(m *Member) bool {
	if m.set > 0 {
		d.closeSet(m)
	}
	return false
}

// compactUnknown removes from the object's Unknown members the entries
// that later duplicates made stale.
func (d *Decoder) compactUnknown(m *Member) {
	u := *m.u
	n := 0
	for _, x := range u {
		if x.Offset != tombstone.Offset {
			u[n] = x
			n++
		}
	}
	clear(u[n:])
	*m.u = u[:n]
	m.dead = 0
}

// EndMember finishes the current member. Unless st is OK or Fatal, the
// value is read again raw and kept in u with its reason. (A mismatched
// value is reported already, as an error or a kept-raw quirk. A Dense one
// forgets what was found inside it and is reported as a kept-raw-dense
// quirk.) For a duplicate name, the entry an earlier value left in u is
// dropped: the last value wins.
func (d *Decoder) EndMember(m *Member, st Status, u *wire.Members) {
	m.u = u
	if st != OK || m.tracked {
		d.endMember(m, st, u)
	}
	d.path = d.path[:m.pathLen]
}

// endMember is EndMember's work for a value kept raw or a name that needs
// duplicate bookkeeping.
func (d *Decoder) endMember(m *Member, st Status, u *wire.Members) {
	if m.dup {
		d.dropEarlier(m, u)
	}
	if st != OK && d.fatal == nil {
		d.path = d.path[:m.pathLen+1]
		d.keys = d.keys[:m.keysLen]
		d.depth = m.depth
		d.nsets = m.outerSets
		if m.set > 0 {
			d.nsets = m.set
		}
		d.keep(m, st, u)
	}
	if m.set > 0 && len(*u) > m.ulen && (*u)[len(*u)-1].Name == m.Key {
		// Kept here or appended by the caller: a later duplicate drops it.
		d.sets[m.set-1][m.Key] = int32(len(*u))
	}
}

// dropEarlier drops the entry of u an earlier member of the same name left.
func (d *Decoder) dropEarlier(m *Member, u *wire.Members) {
	if m.set == 0 {
		// A small object: u has fewer than smallObject entries. Only
		// those before this value's are earlier.
		for i := range (*u)[:min(m.ulen, len(*u))] {
			if (*u)[i].Name == m.Key {
				*u = append((*u)[:i], (*u)[i+1:]...)
				clear((*u)[len(*u) : len(*u)+1])
				return
			}
		}
		return
	}
	if m.prev > 0 {
		(*u)[m.prev-1] = tombstone // compacted by compactUnknown
		m.dead++
		d.sets[m.set-1][m.Key] = 0
	}
}

func (d *Decoder) keep(m *Member, st Status, u *wire.Members) {
	d.rollback(m.quirks)
	reason := wire.ReasonUnknown
	switch st {
	case Mismatch, Dense:
		reason = wire.ReasonMismatch
	case Null:
		reason = wire.ReasonNull
	}
	d.pos = m.start
	if st == Dense {
		// Given up for memory, not for what it holds: the value is
		// kept whole, so what its parts reported goes.
		d.errs = d.errs[:m.nerrs]
		d.quirk(wire.QuirkKeptRawTooDense, m.start, "")
	}
	if st == Null && d.Kind() == '"' {
		// "" read as absent: its quirk went with the rollback.
		d.quirk(wire.QuirkEmptyStringAsAbsent, m.start, "")
	}
	if st == Mismatch && len(d.errs) == m.nerrs {
		k := d.Kind()
		detail := ""
		if d.locates(wire.QuirkKeptRaw) {
			detail = "got " + kindName(k)
		}
		d.quirk(wire.QuirkKeptRaw, m.start, detail)
	}
	d.skipWS()
	start := d.pos
	value, ok := d.keptValue()
	if !ok {
		return
	}
	off := d.base + int64(start)
	*u = append(grow(*u), wire.Member{Name: m.Key, Value: value, Reason: reason, Offset: off})
}

// keptValue reads the next value raw, as Raw does, and returns its text
// as bytes. The kept values of a decode share one copy of the source, made
// when the first is kept, rather than a small allocation each; only a
// value with trailing commas, which are blanked, gets its own. (Values are
// not kept in input order: a list given up as Dense is kept after what its
// elements kept. So the copy is of the whole source.)
func (d *Decoder) keptValue() ([]byte, bool) {
	start := d.pos
	var commas []int
	if !d.skipValue(&commas) {
		return nil, false
	}
	if len(commas) > 0 {
		b := []byte(d.src[start:d.pos])
		for _, c := range commas {
			b[c-start] = ' '
		}
		return b, true
	}
	if d.copied == nil {
		d.copied = []byte(d.src)
	}
	return d.copied[start:d.pos:d.pos], true
}

// Elem is the state of one array being read by NextElem.
type Elem struct {
	n       int
	pathLen int
	depth   int
}

// Index returns the index of the current element.
func (a *Elem) Index() int { return a.n - 1 }

// ListStart begins reading an array into a. It returns OK after '[',
// Empty after consuming {} (recorded as a quirk), Null after consuming
// null, Mismatch (consuming nothing) for another JSON type, and Fatal for a
// syntax error.
func (d *Decoder) ListStart(a *Elem) Status {
	switch d.Kind() {
	case '[':
		d.pos++
		if !d.enter() {
			return Fatal
		}
		*a = Elem{pathLen: len(d.path), depth: d.depth}
		return OK
	case '{':
		save := d.pos
		d.pos++
		d.skipWS()
		if d.pos < len(d.src) && d.src[d.pos] == '}' {
			d.pos++
			d.quirkAt(wire.QuirkEmptyObjectAsList, save)
			return Empty
		}
		d.pos = save
	case 'n':
		if d.readLiteral("null") {
			return Null
		}
		return Fatal
	case 0, '?':
		d.badValue()
		return Fatal
	}
	return Mismatch
}

func (d *Decoder) quirkAt(k wire.QuirkKind, pos int) { d.quirk(k, pos, "") }

// NextElem advances to the next element and reports false after the
// closing ']' or on a syntax error.
func (d *Decoder) NextElem(a *Elem) bool {
	d.path = d.path[:a.pathLen]
	if d.fatal != nil {
		return false
	}
	d.skipWS()
	if d.pos >= len(d.src) {
		d.syntaxError("unexpected end of input in array")
		return false
	}
	if a.n > 0 {
		switch d.src[d.pos] {
		case ']':
			d.closeList(a)
			return false
		case ',':
			comma := d.pos
			d.pos++
			d.skipWS()
			if d.pos < len(d.src) && d.src[d.pos] == ']' {
				d.quirk(wire.QuirkTrailingComma, comma, "before ]")
				d.closeList(a)
				return false
			}
		default:
			d.syntaxError("unexpected " + DescribeByte(d.src[d.pos]) + ", want ',' or ']'")
			return false
		}
	} else if d.src[d.pos] == ']' {
		d.closeList(a)
		return false
	}
	d.path = append(d.path, segment{index: a.n})
	d.pathHigh = max(d.pathHigh, len(d.path))
	a.n++
	return true
}

func (d *Decoder) closeList(a *Elem) {
	d.pos++
	d.depth = a.depth - 1
	d.path = d.path[:a.pathLen]
}

// nameBit hashes a member name to one of 64 bits: a name whose bit is not
// set yet in Member.seen cannot be a duplicate.
// Names of one object often share a prefix (cacheNodeType, cacheNodeIds)
// but rarely their length and these four bytes; the multiply spreads them
// over the top six bits. Over the fixtures it passes half as many names as
// a hash of the first, middle and last bytes did.
func nameBit(key string) uint64 {
	n := len(key)
	h := uint64(n)
	if n > 1 {
		h |= uint64(key[n-2])<<8 | uint64(key[n-1])<<16 | uint64(key[n/2])<<24 | uint64(key[n/4])<<32
	}
	return 1 << (h * 0x9E3779B97F4A7C15 >> 58)
}

// grow doubles a full slice: append grows large slices by a quarter, so
// their copies would sum to five times the final size; doubling bounds
// them by twice it, whatever number of members a hostile object has.
func grow[S ~[]E, E any](s S) S {
	if len(s) < cap(s) || len(s) < 256 {
		return s
	}
	return slices.Grow(s, len(s))
}
