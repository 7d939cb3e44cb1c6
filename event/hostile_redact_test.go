package event_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/event"
)

// TestHostileRedactEvent checks that no printed form of an event shows a
// value under a sensitive name, wherever the record puts it: a payload,
// another raw member, an unknown member, the userIdentity's unknown
// members, a resource; while the neighbors print and MarshalJSON keeps
// every secret.
func TestHostileRedactEvent(t *testing.T) {
	places := map[string]string{
		"requestParameters":        `"requestParameters":{"n":"Neighbor1","authToken":"Secret01x"}`,
		"responseElements":         `"responseElements":{"n":"Neighbor2","x":[{"Passwords":["Secret02x"]}]}`,
		"additionalEventData":      `"additionalEventData":{"n":"Neighbor3","AUTHTOKEN":{"a":"Secret03x"}}`,
		"serviceEventDetails":      `"serviceEventDetails":{"n":"Neighbor4","auth\u0054oken":"Secret04x"}`,
		"unknown top-level":        `"authToken":"Secret05x","someNew":{"n":"Neighbor5","passwords":"Secret06x"}`,
		"userIdentity unknown":     `"userIdentity":{"type":"IAMUser","userName":"Neighbor6","authToken":"Secret07x"}`,
		"resources unknown":        `"resources":[{"ARN":"Neighbor7","passwords":["Secret08x"]}]`,
		"eventContext":             `"eventContext":{"n":"Neighbor8","passwords":{"p":"Secret09x"}}`,
		"edgeDeviceDetails":        `"edgeDeviceDetails":["Neighbor9",{"authToken":"Secret10x"}]`,
		"tlsDetails unknown":       `"tlsDetails":{"tlsVersion":"Neighbor10","authToken":"Secret11x"}`,
		"addendum unknown":         `"addendum":{"reason":"Neighbor11","passwords":"Secret12x"}`,
		"webIdFederationData attr": `"userIdentity":{"type":"WebIdentityUser","sessionContext":{"webIdFederationData":{"federatedProvider":"Neighbor12","attributes":{"authToken":"Secret13x"}}}}`,
	}
	for name, member := range places {
		t.Run(name, func(t *testing.T) {
			in := `{"eventVersion":"1.09","eventSource":"s.amazonaws.com","eventName":"X","eventID":"e",` + member + `}`
			ev, err := event.Parse([]byte(in))
			require.NoError(t, err)
			raw, err := ev.MarshalJSON()
			require.NoError(t, err)
			secrets := regexpAll(in, "Secret")
			require.NotEmpty(t, secrets)
			for _, s := range secrets {
				require.Contains(t, string(raw), s)
			}
			forms := map[string]string{"String": ev.String(), "GoString": ev.GoString()}
			for _, verb := range []string{"%v", "%+v", "%s", "%q", "%#v", "%x"} {
				forms["pointer "+verb] = fmt.Sprintf(verb, ev)
				forms["value "+verb] = fmt.Sprintf(verb, *ev)
				forms["field "+verb] = fmt.Sprintf(verb, struct{ E event.Event }{*ev})
				forms["UserIdentity "+verb] = fmt.Sprintf(verb, ev.UserIdentity)
				forms["Resources "+verb] = fmt.Sprintf(verb, ev.Resources)
			}
			for what, s := range forms {
				for _, secret := range secrets {
					assert.NotContains(t, s, secret, what)
					assert.NotContains(t, s, fmt.Sprintf("%x", secret), what)
				}
			}
			neighbor := regexpAll(in, "Neighbor")
			for _, n := range neighbor {
				assert.Contains(t, forms["String"], n)
				assert.Contains(t, forms["pointer %v"], n)
			}
		})
	}
}

// regexpAll returns the words of s starting with prefix.
func regexpAll(s, prefix string) []string {
	var out []string
	for {
		i := strings.Index(s, prefix)
		if i < 0 {
			return out
		}
		j := i + len(prefix)
		for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] >= 'a' && s[j] <= 'z') {
			j++
		}
		out = append(out, s[i:j])
		s = s[j:]
	}
}
