package jsonx

import "github.com/cachetrail/cachetrail/wire"

// Member is the state of one object being read by NextMember.
type Member struct {
	Key string // the current member's name

	n        int    // members read
	pathLen  int    // path length of the object itself
	keysBase int    // first key of this object in d.keys
	keysLen  int    // d.keys length after the current key
	depth    int    // depth inside the object
	start    int    // position of the current member's value
	nerrs    int    // len(d.errs) when the value started
	nquirks  int    // len(d.quirks) when the value started
	seen     uint64 // a bit per hash of the names read, to skip most duplicate checks
}

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
		*m = Member{pathLen: len(d.path), keysBase: len(d.keys), depth: d.depth}
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

// NextMember advances to the next member, leaving the decoder at its value,
// and reports false after the closing '}' or on a syntax error. Every
// member must be finished with EndMember.
func (d *Decoder) NextMember(m *Member) bool {
	if d.fatal != nil {
		return false
	}
	d.skipWS()
	if d.pos >= len(d.src) {
		d.syntaxError("unexpected end of input in object")
		return false
	}
	if m.n > 0 {
		switch d.src[d.pos] {
		case '}':
			d.closeObject(m)
			return false
		case ',':
			comma := d.pos
			d.pos++
			d.skipWS()
			if d.pos < len(d.src) && d.src[d.pos] == '}' {
				d.quirk(wire.QuirkTrailingComma, comma, "before }")
				d.closeObject(m)
				return false
			}
		default:
			d.syntaxError("unexpected " + describeByte(d.src[d.pos]) + ", want ',' or '}'")
			return false
		}
	} else if d.src[d.pos] == '}' {
		d.closeObject(m)
		return false
	}
	if d.pos >= len(d.src) {
		d.syntaxError("unexpected end of input in object")
		return false
	}
	if d.src[d.pos] != '"' {
		d.syntaxError("unexpected " + describeByte(d.src[d.pos]) + ", want a member name")
		return false
	}
	keyPos := d.pos
	key, ok := d.readString()
	if !ok {
		return false
	}
	d.skipWS()
	if d.pos >= len(d.src) || d.src[d.pos] != ':' {
		if d.pos >= len(d.src) {
			d.syntaxError("unexpected end of input, want ':'")
		} else {
			d.syntaxError("unexpected " + describeByte(d.src[d.pos]) + ", want ':'")
		}
		return false
	}
	d.pos++
	d.skipWS()
	d.path = append(d.path[:m.pathLen], segment{key: key, index: -1})
	if h := nameBit(key); m.seen&h == 0 {
		m.seen |= h
	} else {
		for _, k := range d.keys[m.keysBase:] {
			if k == key {
				d.quirk(wire.QuirkDuplicateName, keyPos, "the last value wins")
				break
			}
		}
	}
	d.keys = append(d.keys, key)
	m.Key = key
	m.n++
	m.keysLen = len(d.keys)
	m.start = d.pos
	m.nerrs = len(d.errs)
	m.nquirks = len(d.quirks)
	return true
}

func (d *Decoder) closeObject(m *Member) {
	d.pos++
	d.depth = m.depth - 1
	d.path = d.path[:m.pathLen]
	d.keys = d.keys[:m.keysBase]
}

// EndMember finishes the current member. Unless st is OK or Fatal, the
// value is read again raw and kept in u with its reason; unknown names are
// also listed by Unmodelled. (A mismatched value is reported already, as
// an error or a kept-raw quirk.)
func (d *Decoder) EndMember(m *Member, st Status, u *wire.Members) {
	if st != OK && d.fatal == nil {
		d.path = d.path[:m.pathLen+1]
		d.keys = d.keys[:m.keysLen]
		d.depth = m.depth
		d.keep(m, st, u)
	}
	d.path = d.path[:m.pathLen]
}

func (d *Decoder) keep(m *Member, st Status, u *wire.Members) {
	d.quirks = d.quirks[:m.nquirks]
	reason := wire.ReasonUnknown
	switch st {
	case Mismatch:
		reason = wire.ReasonMismatch
	case Null:
		reason = wire.ReasonNull
	}
	d.pos = m.start
	if st == Mismatch && len(d.errs) == m.nerrs {
		d.quirk(wire.QuirkKeptRaw, m.start, "got "+kindName(d.Kind()))
	}
	raw, ok := d.Raw()
	if !ok {
		return
	}
	off := d.base + int64(m.start)
	*u = append(*u, wire.Member{Name: m.Key, Value: []byte(raw), Reason: reason, Offset: off})
	if reason == wire.ReasonUnknown {
		d.unmodelled = append(d.unmodelled, Unmodelled{Path: d.Path(), Offset: off, Reason: reason})
	}
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
			d.syntaxError("unexpected " + describeByte(d.src[d.pos]) + ", want ',' or ']'")
			return false
		}
	} else if d.src[d.pos] == ']' {
		d.closeList(a)
		return false
	}
	d.path = append(d.path, segment{index: a.n})
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
func nameBit(key string) uint64 {
	h := uint(len(key))
	if len(key) > 0 {
		h = h*31 + uint(key[0])
		h = h*31 + uint(key[len(key)-1])
		h = h*31 + uint(key[len(key)/2])
	}
	return 1 << (h & 63)
}
