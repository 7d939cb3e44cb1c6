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
// so a pooled decoder keeps no input alive. Only the entries used are
// cleared: clearing pointers costs a write barrier each while the
// collector runs.
func (d *Decoder) Release() {
	clear(d.keys[:d.keysHigh])
	clear(d.path[:d.pathHigh])
	if len(d.sets) > 0 {
		d.clearSets()
	}
	d.Reset("", Options{})
	d.keysHigh, d.pathHigh = 0, 0
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
