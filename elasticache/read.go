package elasticache

import (
	"errors"
	"io"
	"iter"

	"github.com/cachetrail/cachetrail/event"
)

// Actions reads CloudTrail records from r in any shape event.NewReader
// accepts, skips those of other services without decoding them, and
// yields each ElastiCache record decoded to its action. opts configure the
// reader (event.WithSourceName, limits); the source filter is added.
//
// As with the reader, an error for one record does not end the sequence:
// the action is yielded with it when the record could be read, nil when
// not; a broken container ends it after its error. Breaking out of the
// loop stops reading r: it is not read after the loop ends.
func Actions(r io.Reader, opts ...event.Option) iter.Seq2[Action, error] {
	return func(yield func(Action, error) bool) {
		rd := event.NewReader(r, append([]event.Option{event.WithEventSources(Source)}, opts...)...)
		for ev, err := range rd.All() {
			var act Action
			if ev != nil {
				var derr error
				act, derr = Decode(ev)
				if err == nil {
					err = derr // as Decode returns it
				} else if derr != nil {
					err = errors.Join(err, derr)
				}
			}
			if !yield(act, err) {
				return
			}
		}
	}
}
