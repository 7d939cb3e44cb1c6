package elasticache_test

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/elasticache"
	"github.com/cachetrail/cachetrail/event"
	"github.com/cachetrail/cachetrail/internal/testutil"
)

// TestChangesGolden writes the change set of every mutating fixture to
// <fixture>.changes.golden (a line per change, then its JSON), and checks
// every mutating operation has one.
func TestChangesGolden(t *testing.T) {
	covered := map[string]bool{}
	for _, name := range testutil.Fixtures(t, "seed", "userid", "quirks", "elasticache") {
		data, err := os.ReadFile(testutil.Testdata(name))
		require.NoError(t, err)
		ev, _ := event.Parse(data)
		if ev == nil || ev.EventSource != elasticache.Source {
			continue
		}
		act, _ := elasticache.Decode(ev)
		info, ok := elasticache.LookupOperation(act.Operation())
		if !ok || info.ReadOnly {
			assert.Empty(t, elasticache.Changes(act), "%s: a read changes nothing", name)
			continue
		}
		if !strings.HasPrefix(name, "elasticache/") {
			continue // the seed, userid and quirks records repeat a few operations
		}
		t.Run(name, func(t *testing.T) {
			changes := elasticache.Changes(act)
			require.NotEmpty(t, changes)
			covered[act.Operation()] = true
			var b bytes.Buffer
			for _, c := range changes {
				b.WriteString(c.String() + "\n")
				assert.Equal(t, !ev.Failed(), c.Applied)
			}
			b.WriteString("--- json\n")
			for _, c := range changes {
				data, err := json.Marshal(c)
				require.NoError(t, err)
				b.Write(data)
				b.WriteByte('\n')
			}
			testutil.Golden(t, strings.TrimSuffix(name, ".json")+".changes.golden", b.Bytes())
		})
	}
	for _, op := range elasticache.Operations() {
		if info, _ := elasticache.LookupOperation(op); !info.ReadOnly {
			assert.True(t, covered[op], "%s has no change-set fixture", op)
		}
	}
}
