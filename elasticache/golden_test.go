package elasticache_test

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/elasticache"
	"github.com/cachetrail/cachetrail/event"
	"github.com/cachetrail/cachetrail/internal/testutil"
	"github.com/cachetrail/cachetrail/wire"
)

// allowedUnmodeled names the fixtures that exist to carry members the
// model does not know.
var allowedUnmodeled = map[string]bool{"quirks/unknown_fields.json": true}

// TestGolden decodes every ElastiCache fixture and compares a dump of the
// typed action with <fixture>.elasticache.golden.
func TestGolden(t *testing.T) {
	files := testutil.Fixtures(t, "seed", "userid", "quirks", "elasticache")
	require.NotEmpty(t, files)
	for _, name := range files {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(testutil.Testdata(name))
			require.NoError(t, err)
			ev, _ := event.Parse(data)
			require.NotNil(t, ev)
			if ev.EventSource != elasticache.Source {
				t.Skip("not an ElastiCache record")
			}
			act, err := elasticache.Decode(ev)
			require.NotNil(t, act)
			if !allowedUnmodeled[name] {
				assert.Empty(t, act.Unmodeled(), "unmodeled members")
			}
			var b bytes.Buffer
			dumpAction(t, &b, act, err)
			testutil.Golden(t, strings.TrimSuffix(name, ".json")+".elasticache.golden", b.Bytes())
		})
	}
}

func dumpAction(t *testing.T, b *bytes.Buffer, act elasticache.Action, err error) {
	p := func(k string, v any) { fmt.Fprintf(b, "%-12s %v\n", k+":", v) }
	p("operation", act.Operation())
	p("type", fmt.Sprintf("%T", act))
	for _, r := range act.Resources() {
		p("resource", fmt.Sprintf("%s %s %s", r.Type, r.ID, r.ARN))
	}
	for _, q := range act.Quirks() {
		p("quirk", q)
	}
	for _, u := range act.Unmodeled() {
		p("unmodeled", fmt.Sprintf("%s (%s) at offset %d", u.Path, wire.ReasonUnknown, u.Offset))
	}
	if err != nil {
		for _, line := range strings.Split(err.Error(), "\n") {
			p("error", line)
		}
	}
	o := elasticache.Normalize()
	for _, part := range []struct {
		name string
		data []byte
	}{{"request", elasticache.RequestJSON(act, o)}, {"response", elasticache.ResponseJSON(act, o)}} {
		fmt.Fprintf(b, "--- %s (typed, normalized)\n", part.name)
		if part.data == nil {
			b.WriteString("nil\n")
			continue
		}
		b.Write(testutil.Indent(t, part.data))
	}
}
