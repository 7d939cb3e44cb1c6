package elasticache_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/elasticache"
	"github.com/cachetrail/cachetrail/event"
)

// TestChangesNeverShowSecrets sets real-looking secrets in every
// sensitive request member and checks no change, printed in any verb,
// marshalled, or kept as a value, shows them; nor a history step.
func TestChangesNeverShowSecrets(t *testing.T) {
	const secret = "s3cr3t-token-value-1234"
	records := []struct{ op, req string }{
		{"ModifyReplicationGroup", `{"replicationGroupId":"rg","authToken":"` + secret + `","authTokenUpdateStrategy":"ROTATE"}`},
		{"CreateReplicationGroup", `{"replicationGroupId":"rg","replicationGroupDescription":"d","authToken":"` + secret + `"}`},
		{"CreateCacheCluster", `{"cacheClusterId":"c","authToken":"` + secret + `"}`},
		{"ModifyCacheCluster", `{"cacheClusterId":"c","authToken":"` + secret + `"}`},
		{"CreateUser", `{"userId":"u","userName":"u","engine":"redis","accessString":"on ~* +@all","passwords":["` + secret + `"],"authenticationMode":{"type":"password","passwords":["` + secret + `"]}}`},
		{"ModifyUser", `{"userId":"u","passwords":["` + secret + `"],"authenticationMode":{"type":"password","passwords":["` + secret + `"]}}`},
	}
	var h elasticache.History
	for _, r := range records {
		rec := `{"eventVersion":"1.09","eventTime":"2024-11-05T10:00:00Z","eventSource":"elasticache.amazonaws.com","eventName":"` + r.op +
			`","awsRegion":"us-east-1","recipientAccountId":"123456789012","requestParameters":` + r.req + `,"responseElements":null}`
		ev, err := event.Parse([]byte(rec))
		require.NoError(t, err)
		act, err := elasticache.Decode(ev)
		require.NoError(t, err, r.op)
		changes := elasticache.Changes(act)
		require.NotEmpty(t, changes, r.op)
		sensitive := 0
		for _, c := range changes {
			data, err := json.Marshal(c)
			require.NoError(t, err)
			for _, s := range []string{string(data), c.String(), fmt.Sprint(c), fmt.Sprintf("%+v", c), fmt.Sprintf("%#v", c), fmt.Sprint(c.Value), string(c.ValueJSON)} {
				assert.NotContains(t, s, secret, "%s %s", r.op, c.Setting)
			}
			if strings.Contains(string(c.ValueJSON), "[redacted") {
				sensitive++
			}
		}
		assert.Positive(t, sensitive, "%s: a redacted value", r.op)
		for _, st := range h.Add(act) {
			assert.NotContains(t, fmt.Sprintf("%+v %#v", st, st), secret, r.op)
		}
	}
}
