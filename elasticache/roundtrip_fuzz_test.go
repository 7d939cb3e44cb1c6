package elasticache_test

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/cachetrail/cachetrail/elasticache"
	"github.com/cachetrail/cachetrail/internal/testutil"
	"github.com/cachetrail/cachetrail/wire"
)

// addRoundTripSeeds adds payloads with empty strings, duplicates and
// numbers past float64 precision, where re-encoding used to differ from
// the input.
func addRoundTripSeeds(f *testing.F) {
	f.Add(operationIndex("CreateCacheCluster"), []byte(`{"cacheClusterId":"","engine":"","tags":[{"key":"","value":""}],"numCacheNodes":-0}`), []byte(`{"cacheClusterId":"","cacheNodes":[]}`))
	f.Add(operationIndex("CreateCacheCluster"), []byte(`{"cacheClusterId":null,"cacheClusterId":"c1","x":1,"x":null,"numCacheNodes":2,"numCacheNodes":"two"}`), []byte(`null`))
	f.Add(operationIndex("ModifyCacheCluster"), []byte(`{"cacheClusterId":"c0","cacheClusterId":"","numCacheNodes":"2","numCacheNodes":3}`), []byte(`null`))
	f.Add(operationIndex("PurchaseReservedCacheNodesOffering"), []byte(`{"reservedCacheNodesOfferingId":""}`),
		[]byte(`{"fixedPrice":2190.00000000000000000001,"usagePrice":0.1000000000000000055511151231257827,"recurringCharges":[{"recurringChargeAmount":1E-7,"recurringChargeFrequency":""}]}`))
	f.Add(operationIndex("DescribeReservedCacheNodesOfferings"), []byte(`{}`),
		[]byte(`{"reservedCacheNodesOfferings":[{"fixedPrice":1e400,"usagePrice":-0.0},{"fixedPrice":"12.50"}]}`))
	// Migration outputs, flat or wrapped; the first telling name decides.
	for _, resp := range []string{
		`{"status":"x","replicationGroupId":"rg1","replicationGroup":1,"serverlessCacheName":"c"}`,
		`{"replicationGroupId":5,"replicationGroup":{},"x":[1,]}`,
		`{"serverlessCacheName":"c","serverlessCacheName":null,"endpoint":"HIDDEN_DUE_TO_SECURITY_REASONS"}`,
		`{"replicationGroup":{"replicationGroupId":"rg1"},"replicationGroupId":"rg1"}`,
		`{"aRN":"a","status":""}`,
	} {
		f.Add(operationIndex("StartMigration"), []byte(`{}`), []byte(resp))
	}
}

// checkTypedRoundTrip is the round-trip oracle of FuzzDecode: for a
// payload that encoding/json reads as an object, json.Marshal of the
// typed Request or Response, read back by encoding/json, equals
// encoding/json's reading of the payload, numbers compared by their text,
// except the rewrites of the quirks reported.
func checkTypedRoundTrip(t *testing.T, act elasticache.Action, name, field string, raw json.RawMessage) {
	t.Helper()
	if _, ok := act.(*elasticache.Unrecognized); ok || len(raw) == 0 || testutil.QuirkAt(act.Quirks(), name, wire.QuirkKeptRaw) {
		return
	}
	want, err := testutil.ReadJSON(raw)
	if err != nil {
		return
	}
	if _, ok := want.(map[string]any); !ok || testutil.QuirksCapped(act.Quirks()) {
		return
	}
	v := reflect.ValueOf(act).Elem().FieldByName(field)
	if v.IsNil() {
		t.Fatalf("%s: no typed value for the object %s", name, raw)
	}
	out, err := json.Marshal(v.Interface())
	if err != nil {
		t.Fatalf("%s: json.Marshal: %v", name, err)
	}
	got, err := testutil.ReadJSON(out)
	if err != nil {
		t.Fatalf("%s: encoding/json cannot read the encoding: %v\n%s", name, err, out)
	}
	if path, ok := testutil.SameJSON(want, got, name, act.Quirks()); !ok {
		t.Fatalf("%s: re-encoding differs at %q:\nin:  %s\nout: %s\nquirks: %v", name, path, bytes.TrimSpace(raw), out, act.Quirks())
	}
}
