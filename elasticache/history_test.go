package elasticache_test

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/elasticache"
	"github.com/cachetrail/cachetrail/internal/testutil"
)

// TestHistoryGolden folds a trail that creates a replication group,
// modifies it three times (by two people, one call failing), snapshots
// it, exports the snapshot to S3 and deletes the group, and writes each
// resource's timeline to replication_group_lifecycle.history.golden.
func TestHistoryGolden(t *testing.T) {
	f, err := os.Open(testutil.Testdata("history", "replication_group_lifecycle.json"))
	require.NoError(t, err)
	defer f.Close()
	var h elasticache.History
	var order []elasticache.Resource
	timelines := map[elasticache.Resource][]elasticache.Step{}
	for act, err := range elasticache.Actions(f) {
		require.NoError(t, err)
		for _, st := range h.Add(act) {
			if _, ok := timelines[st.Resource]; !ok {
				order = append(order, st.Resource)
			}
			timelines[st.Resource] = append(timelines[st.Resource], st)
		}
	}
	var b bytes.Buffer
	for _, r := range order {
		fmt.Fprintf(&b, "%s/%s\n", r.Type, r.ID)
		for _, st := range timelines[r] {
			outcome := "applied"
			if !st.Applied {
				outcome = "failed: " + st.ErrorCode
			}
			fmt.Fprintf(&b, "  %s %-6s %-22s %-6s %s\n", st.Time.Format(time.RFC3339), st.Person, st.Operation, st.Kind, outcome)
			for _, s := range st.Settings {
				before := "?"
				if s.HasBefore {
					before = string(s.BeforeJSON)
				}
				after := string(s.AfterJSON)
				if after == "" {
					after = "?"
				}
				line := fmt.Sprintf("    %s: %s -> %s", s.Setting, before, after)
				if !s.Applied {
					line += " (requested " + string(s.ValueJSON) + ")"
				}
				if s.Security != "" {
					line += "  [security: " + s.Security + "]"
				}
				b.WriteString(line + "\n")
			}
		}
	}
	out := b.String()
	assert.NotContains(t, out, "HIDDEN_DUE_TO_SECURITY_REASONS\" ->", "a secret's before value")
	testutil.Golden(t, "history/replication_group_lifecycle.history.golden", b.Bytes())

	// The failed call changed nothing: the next step's before values
	// are those of the step before it.
	steps := timelines[order[0]]
	require.Len(t, steps, 5)
	assert.False(t, steps[2].Applied)
	assert.Equal(t, "carol", steps[2].Person)
	for _, s := range steps[3].Settings {
		if s.Setting == "snapshotRetentionLimit" {
			assert.Equal(t, "1", string(s.BeforeJSON), "before the failed call's 0")
		}
	}
	assert.True(t, strings.HasPrefix(out, "replicationgroup/orders\n"))
}
