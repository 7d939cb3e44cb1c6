package event

import (
	"github.com/cachetrail/cachetrail/internal/scan"
)

// record handles one record candidate: text is its JSON, base the stream
// offset that text's offsets count from, origin the offset Event.Origin
// reports, and ms its top-level members (k, if not nil, already found
// from them). A broken candidate skips the filters, so that the decoder
// reports what is wrong. hold says that a candidate that yields no event
// may be a scan misled by a broken string (see split.Splitter.Resplit).
func (r *Reader) record(text []byte, base, origin int64, ms []scan.Member, k *keys, broken, hold bool) {
	idx := r.nextIndex()
	if !broken && r.filtering() && len(text) > 0 && text[0] == '{' {
		var own keys
		if k == nil {
			k = &own
			k.find(ms)
		}
		// Insights records name the calls they are about inside
		// insightDetails, not at the top level: check them first.
		if i := k[scan.KeyEventType]; i > 0 {
			if v, ok := scan.StringBytes(text, &ms[i-1]); ok && string(v) == scan.InsightType {
				r.skip(Skipped{Kind: SkippedInsight, Origin: Origin{Source: r.source, Index: idx, Offset: origin}})
				return
			}
		}
		if !r.keep(text, ms, k) {
			r.sum.Filtered++
			return
		}
	}
	r.cfg.origin = Origin{Source: r.source, Index: idx, Offset: base}
	ev, err := r.cfg.parse(string(text))
	if ev == nil {
		if hold && r.sp.Resplit() {
			// The splitter splits the item again, with the records
			// inside it apart: this one was not a record.
			r.index--
			r.sum.Records--
			return
		}
		r.fail(err)
		return
	}
	ev.origin.Offset = origin
	r.sum.Returned++
	r.emit(ev, err)
}
