package jsonx

// PeekNames calls fn with each member name of the object at the current
// position, in order, until fn returns false or the object ends, then
// rewinds so that the object is read again by whatever decodes it. Values
// are skipped, not built: a scan is one linear pass over the text. What
// the scan meets (a syntax error, a quirk) is forgotten, since the decode
// that follows meets it again. For a value that is not an object, fn is
// not called.
func (d *Decoder) PeekNames(fn func(name string) bool) {
	if d.fatal != nil {
		return
	}
	pos, depth, nerrs, mk := d.pos, d.depth, len(d.errs), d.quirkMark()
	defer func() {
		d.pos, d.depth, d.errs, d.fatal = pos, depth, d.errs[:nerrs], nil
		d.rollback(mk)
	}()
	d.skipWS()
	if d.pos >= len(d.src) || d.src[d.pos] != '{' {
		return
	}
	d.pos++
	for {
		d.skipWS()
		if d.pos >= len(d.src) || d.src[d.pos] != '"' {
			return // '}' or broken: the decode says which
		}
		name, ok := d.readString()
		if !ok || !fn(name) {
			return
		}
		d.skipWS()
		if d.pos >= len(d.src) || d.src[d.pos] != ':' {
			return
		}
		d.pos++
		if !d.Skip() {
			return
		}
		d.skipWS()
		if d.pos >= len(d.src) || d.src[d.pos] != ',' {
			return
		}
		d.pos++
	}
}
