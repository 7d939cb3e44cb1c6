package jsonx

import "sync"

// pool keeps decoders between records, so their path and member-name
// buffers are allocated once rather than grown for every record.
var pool = sync.Pool{New: func() any {
	return &Decoder{path: make([]segment, 0, 16), keys: make([]string, 0, 64)}
}}

// Get returns a pooled Decoder reading src. Call Release when done with it
// and with the slices its methods returned.
func Get(src string, o Options) *Decoder {
	d := pool.Get().(*Decoder)
	d.Reset(src, o)
	return d
}

// Release returns d to the pool. The strings d holds are dropped first,
// so a pooled decoder keeps no input alive.
func (d *Decoder) Release() {
	clear(d.keys[:cap(d.keys)])
	clear(d.path[:cap(d.path)])
	if len(d.sets) > 0 {
		d.clearSets()
	}
	d.Reset("", Options{})
	pool.Put(d)
}

func (d *Decoder) clearSets() {
	for i, s := range d.sets {
		if len(s) > maxReusedSet {
			d.sets[i] = nil
		} else {
			clear(s)
		}
	}
}
