package event_test

import (
	"encoding/json"
	"testing"

	"github.com/cachetrail/cachetrail/event"
	"github.com/cachetrail/cachetrail/internal/testutil"
)

// roundTripSeeds have empty strings, duplicates and numbers past float64
// precision, where re-encoding used to differ from the input.
var roundTripSeeds = []string{
	`{"eventVersion":"","eventName":"","userIdentity":{"type":"","sessionContext":{"sessionIssuer":{"userName":"","arn":""},"sourceIdentity":"","ec2RoleDelivery":"","signInSessionArn":"","webIdFederationData":{"federatedProvider":""}},"onBehalfOf":{"userId":""},"inScopeOf":{"sourceArn":""},"invokedByDelegate":{"accountId":""}},"errorCode":""}`,
	`{"eventName":"A","eventName":"B","awsRegion":null,"awsRegion":"r"}`,
	`{"eventName":null,"eventName":"A","readOnly":"true","readOnly":false}`,
	`{"eventID":"e","requestParameters":{"a":0.1000000000000000055511151231257827,"b":1E400,"c":-0},"x":12345678901234567890123}`,
}

// checkRoundTrip is the round-trip oracle of FuzzParse: for an input that
// encoding/json reads as an object, json.Marshal of the event, read back
// by encoding/json, equals encoding/json's reading of the input, numbers
// compared by their text, except the rewrites of the quirks reported.
func checkRoundTrip(t *testing.T, data []byte, ev *event.Event) {
	t.Helper()
	want, err := testutil.ReadJSON(data)
	if err != nil {
		return
	}
	if _, ok := want.(map[string]any); !ok || testutil.QuirksCapped(ev.Quirks()) {
		return
	}
	out, err := json.Marshal(ev)
	if err != nil {
		t.Fatalf("json.Marshal: %v", err)
	}
	got, err := testutil.ReadJSON(out)
	if err != nil {
		t.Fatalf("encoding/json cannot read the encoding: %v\n%s", err, out)
	}
	if path, ok := testutil.SameJSON(want, got, "", ev.Quirks()); !ok {
		t.Fatalf("re-encoding differs at %q:\nin:  %s\nout: %s\nquirks: %v", path, data, out, ev.Quirks())
	}
}
