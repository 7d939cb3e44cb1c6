package elasticache_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/elasticache"
	"github.com/cachetrail/cachetrail/event"
)

// changesOf decodes in and folds it into Changes and a History.
func changesOf(in []byte) int {
	ev, err := event.Parse(in)
	if err != nil {
		panic(err)
	}
	act, err := elasticache.Decode(ev)
	if err != nil {
		panic(err)
	}
	var h elasticache.History
	return len(elasticache.Changes(act)) + len(h.Add(act))
}

// TestHostileChangesIDLists checks that Changes and History take time
// linear in the length of the id lists a caller chooses, at every position
// Resources reads ids from.
func TestHostileChangesIDLists(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test")
	}
	ps := idListPositions(t)
	require.GreaterOrEqual(t, len(ps), 20)
	for _, p := range ps {
		t.Run(p.String(), func(t *testing.T) {
			linearRetry(t, 2000, func(n int) []byte { return idListRecord(p, n) }, func(in []byte) { changesOf(in) })
		})
	}
}
