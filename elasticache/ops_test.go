package elasticache_test

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/elasticache"
	"github.com/cachetrail/cachetrail/event"
	"github.com/cachetrail/cachetrail/internal/secrettest"
	"github.com/cachetrail/cachetrail/wire"
)

func record(name, req, resp string) *event.Event {
	return event.MustParse(fmt.Sprintf(`{"eventVersion":"1.09","eventSource":"elasticache.amazonaws.com","eventName":%q,"awsRegion":"eu-west-1","recipientAccountId":"123456789012","requestParameters":%s,"responseElements":%s}`, name, req, resp))
}

// TestEveryOperationDecodes checks that each of the 77 operations decodes
// to its own action type.
func TestEveryOperationDecodes(t *testing.T) {
	t.Parallel()
	ops := elasticache.Operations()
	require.Len(t, ops, 77)
	for _, op := range ops {
		t.Run(op, func(t *testing.T) {
			t.Parallel()
			act, err := elasticache.Decode(record(op, "{}", "null"))
			require.NoError(t, err)
			assert.Equal(t, "*elasticache."+op, fmt.Sprintf("%T", act))
			assert.Equal(t, op, act.Operation())
			v := reflect.ValueOf(act).Elem()
			assert.False(t, v.FieldByName("Request").IsNil(), "Request set from {}")
			assert.True(t, v.FieldByName("Response").IsNil(), "Response nil for null")
			assert.Empty(t, act.Unmodeled())
			assert.Empty(t, act.Quirks())
		})
	}
}

func TestUnrecognizedOperation(t *testing.T) {
	t.Parallel()
	act, err := elasticache.Decode(record("FrobnicateCache", `{"cacheId":"x"}`, "null"))
	require.NoError(t, err)
	u, ok := act.(*elasticache.Unrecognized)
	require.True(t, ok, "%T", act)
	assert.Equal(t, "FrobnicateCache", u.Operation())
	require.Len(t, act.Unmodeled(), 1)
	assert.Equal(t, "requestParameters", act.Unmodeled()[0].Path)
	assert.JSONEq(t, `{"cacheId":"x"}`, string(elasticache.RequestJSON(act)))
}

func TestOtherSourceIsAnError(t *testing.T) {
	t.Parallel()
	ev := event.MustParse(`{"eventSource":"ec2.amazonaws.com","eventName":"RunInstances"}`)
	_, err := elasticache.Decode(ev)
	require.Error(t, err)
	assert.True(t, errors.Is(err, elasticache.ErrNotElastiCache))
	assert.Contains(t, err.Error(), `eventSource "ec2.amazonaws.com" is not elasticache.amazonaws.com`)
}

func TestTypeErrorKeepsRawAndGoesOn(t *testing.T) {
	t.Parallel()
	ev := record("ModifyCacheCluster", `{"cacheClusterId":"c1","numCacheNodes":"two","applyImmediately":false}`, "null")
	act, err := elasticache.Decode(ev)
	require.Error(t, err)
	var de *event.DecodeError
	require.True(t, errors.As(err, &de))
	assert.Equal(t, "requestParameters.numCacheNodes", de.Path)
	assert.True(t, errors.Is(err, event.ErrType))
	assert.Equal(t, `event: requestParameters.numCacheNodes: want number, got string "two" at offset `+fmt.Sprint(de.Offset), err.Error())
	a := act.(*elasticache.ModifyCacheCluster)
	assert.Equal(t, "c1", a.Request.GetCacheClusterID())
	require.NotNil(t, a.Request.ApplyImmediately, "explicit false is present")
	assert.False(t, *a.Request.ApplyImmediately)
	assert.Nil(t, a.Request.NumCacheNodes)
	assert.JSONEq(t, `{"cacheClusterId":"c1","numCacheNodes":"two","applyImmediately":false}`, string(elasticache.RequestJSON(act)))
}

func TestPresenceSurvivesRoundTrip(t *testing.T) {
	t.Parallel()
	in := `{"replicationGroupId":"rg","applyImmediately":false,"securityGroupIds":[],"cacheSecurityGroupNames":null}`
	act, err := elasticache.Decode(record("ModifyReplicationGroup", in, "null"))
	require.NoError(t, err)
	r := act.(*elasticache.ModifyReplicationGroup).Request
	require.NotNil(t, r.ApplyImmediately)
	assert.False(t, *r.ApplyImmediately)
	assert.Nil(t, r.AutoMinorVersionUpgrade, "absent stays nil")
	assert.NotNil(t, r.SecurityGroupIDs, "[] is an empty list, not absent")
	assert.Empty(t, r.SecurityGroupIDs)
	assert.Nil(t, r.CacheSecurityGroupNames)
	assert.JSONEq(t, in, string(elasticache.RequestJSON(act)))
}

func TestStrictReportsPayloadQuirks(t *testing.T) {
	t.Parallel()
	ev := record("ModifyCacheCluster", `{"cacheClusterId":"c1","numCacheNodes":"2",}`, "null")
	_, err := elasticache.Decode(ev)
	require.NoError(t, err, "tolerant by default")
	_, err = elasticache.Decode(ev, event.Strict())
	require.Error(t, err)
	assert.True(t, errors.Is(err, event.ErrQuirk))
	assert.Contains(t, err.Error(), "requestParameters.numCacheNodes: forgiven string-as-number")
	// The trailing comma is syntax, forgiven (and reported) by event.Parse,
	// which keeps the raw payload without it.
	require.Len(t, ev.Quirks(), 1)
	assert.Equal(t, wire.QuirkTrailingComma, ev.Quirks()[0].Kind)
}

// timestampForms are the forms CloudTrail writes timestamps in, all
// 2014-12-01T22:16:06Z.
var timestampForms = []string{
	`"2014-12-01T22:16:06Z"`,
	`"2014-12-01T22:16:06.000Z"`,
	`"2014-12-01T23:16:06+01:00"`,
	`"20141201T221606Z"`,
	`"Dec 1, 2014 10:16:06 PM"`,
	`"Dec 1, 2014, 10:16:06 PM"`,
	`"Dec 1, 2014, 10:16:06\u202fPM"`,
	`"Mon Dec 01 22:16:06 UTC 2014"`,
	`1417472166`,
	`1417472166000`,
}

// TestEveryTimestampMemberAcceptsEveryForm walks every generated struct
// reachable from the operations and decodes each timestamp member in each
// form.
func TestEveryTimestampMemberAcceptsEveryForm(t *testing.T) {
	t.Parallel()
	want := time.Date(2014, 12, 1, 22, 16, 6, 0, time.UTC)
	timeType := reflect.TypeOf(wire.Time{})
	seen := map[reflect.Type]bool{}
	count := 0
	var walk func(reflect.Type)
	walk = func(st reflect.Type) {
		if seen[st] {
			return
		}
		seen[st] = true
		for i := range st.NumField() {
			f := st.Field(i)
			ft := f.Type
			for ft.Kind() == reflect.Pointer || ft.Kind() == reflect.Slice {
				ft = ft.Elem()
			}
			if ft == timeType && f.Type.Kind() == reflect.Pointer {
				count++
				wireName := strings.Split(f.Tag.Get("json"), ",")[0]
				for _, form := range timestampForms {
					v := reflect.New(st)
					err := v.Interface().(interface{ UnmarshalJSON([]byte) error }).UnmarshalJSON([]byte(`{"` + wireName + `":` + form + `}`))
					require.NoError(t, err, "%s.%s %s", st.Name(), f.Name, form)
					got := v.Elem().Field(i).Interface().(*wire.Time)
					require.NotNil(t, got, "%s.%s %s", st.Name(), f.Name, form)
					assert.True(t, got.Time().Equal(want), "%s.%s %s: %v", st.Name(), f.Name, form, got.Time())
				}
				continue
			}
			if ft.Kind() == reflect.Struct && ft.PkgPath() == st.PkgPath() {
				walk(ft)
			}
		}
	}
	for _, op := range elasticache.Operations() {
		act, err := elasticache.Decode(record(op, "{}", "{}"))
		require.NoError(t, err)
		v := reflect.ValueOf(act).Elem()
		walk(v.FieldByName("Request").Type().Elem())
		walk(v.FieldByName("Response").Type().Elem())
	}
	assert.Equal(t, 34, count, "timestamp members in the model")
}

func TestSensitiveMembersRedactedInString(t *testing.T) {
	t.Parallel()
	var r elasticache.CreateUserRequest
	require.NoError(t, r.UnmarshalJSON([]byte(`{"userId":"u","passwords":["hunter2","HIDDEN_DUE_TO_SECURITY_REASONS"]}`)))
	assert.Equal(t, `{"userId":"u","passwords":["[redacted string]","HIDDEN_DUE_TO_SECURITY_REASONS"]}`, r.String())
	out, err := r.MarshalJSON()
	require.NoError(t, err)
	assert.JSONEq(t, `{"userId":"u","passwords":["hunter2","HIDDEN_DUE_TO_SECURITY_REASONS"]}`, string(out), "MarshalJSON keeps the data")
	var m elasticache.ModifyReplicationGroupRequest
	require.NoError(t, m.UnmarshalJSON([]byte(`{"authToken":"s3cret"}`)))
	assert.Equal(t, `{"authToken":"[redacted string]"}`, m.String())
}

func TestSensitiveFields(t *testing.T) {
	t.Parallel()
	got := secrettest.Fields()
	assert.Contains(t, got, secrettest.Field{Type: "CreateUserRequest", Field: "Passwords", Wire: "passwords"})
	assert.Contains(t, got, secrettest.Field{Type: "CreateCacheClusterRequest", Field: "AuthToken", Wire: "authToken"})
	assert.Contains(t, got, secrettest.Field{Type: "AuthenticationMode", Field: "Passwords", Wire: "passwords"})
	assert.Len(t, got, 7)
}
