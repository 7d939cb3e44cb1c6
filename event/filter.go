package event

import "github.com/cachetrail/cachetrail/internal/scan"

// keys holds, for each name the reader looks for (the scan.Key
// constants), 1 + the index of its last member in an item's member list,
// or 0.
type keys [scan.NumKeys]int

// stringKeys are the names whose value counts only when it is a string:
// the decoder leaves a string field unchanged for any other value, so the
// last string wins.
const stringKeys = 1<<scan.KeyEventSource | 1<<scan.KeyEventName | 1<<scan.KeyEventType |
	1<<scan.KeyDetailType | 1<<scan.KeyMessageType | 1<<scan.KeySNSType | 1<<scan.KeySNSMessage

// find fills k from the members ms of an item.
func (k *keys) find(ms []scan.Member) {
	*k = keys{}
	for i := range ms {
		m := &ms[i]
		if id := int(m.ID); id >= 0 && (stringKeys&(1<<id) == 0 || m.Kind == '"') {
			k[id] = i + 1
		}
	}
}

// filtering reports whether WithEventSources or WithEventNames is set.
func (r *Reader) filtering() bool { return len(r.cfg.sources) > 0 || len(r.cfg.names) > 0 }

// keep reports whether record b passes the source and name filters.
func (r *Reader) keep(b []byte, ms []scan.Member, k *keys) bool {
	return matches(b, ms, k[scan.KeyEventSource], r.cfg.sources) && matches(b, ms, k[scan.KeyEventName], r.cfg.names)
}

// matches reports whether the string member at 1+i is one of set; an
// empty set matches anything and a missing member reads as "".
func matches(b []byte, ms []scan.Member, i int, set []string) bool {
	if len(set) == 0 {
		return true
	}
	var v []byte
	if i > 0 {
		var ok bool
		if v, ok = scan.StringBytes(b, &ms[i-1]); !ok {
			return true // a broken string: let the decoder report it
		}
	}
	for _, s := range set {
		if string(v) == s {
			return true
		}
	}
	return false
}
