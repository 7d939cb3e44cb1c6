package elasticache_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/elasticache"
	"github.com/cachetrail/cachetrail/event"
	"github.com/cachetrail/cachetrail/internal/secrettest"
)

// A redaction case places a secret under the sensitive member leaf in one
// JSON shape. payload returns the payload's text; marker is the secret's
// text that must never print (empty when the shape cannot carry one, as
// for a boolean, where placeholder must print instead); roundTrip says
// whether RequestJSON/ResponseJSON must still hold the marker.
type redactCase struct {
	name        string
	payload     func(p secrettest.Path, leaf, secret, neighbor string) string
	number      bool
	placeholder string
	roundTrip   bool
}

var redactCases = []redactCase{
	{name: "string", roundTrip: true, payload: func(p secrettest.Path, leaf, s, n string) string {
		return p.Payload(neighborMember(n) + `,"` + leaf + `":"` + s + `"`)
	}},
	{name: "list", roundTrip: true, payload: func(p secrettest.Path, leaf, s, n string) string {
		return p.Payload(neighborMember(n) + `,"` + leaf + `":["` + s + `","` + s + `"]`)
	}},
	{name: "object", roundTrip: true, payload: func(p secrettest.Path, leaf, s, n string) string {
		return p.Payload(neighborMember(n) + `,"` + leaf + `":{"k":"` + s + `","l":["` + s + `"],"n":{"o":"` + s + `"}}`)
	}},
	{name: "number", number: true, roundTrip: true, payload: func(p secrettest.Path, leaf, s, n string) string {
		return p.Payload(neighborMember(n) + `,"` + leaf + `":` + s)
	}},
	{name: "boolean", placeholder: `[redacted boolean]`, payload: func(p secrettest.Path, leaf, s, n string) string {
		return p.Payload(neighborMember(n) + `,"` + leaf + `":true`)
	}},
	{name: "upper-case", roundTrip: true, payload: func(p secrettest.Path, leaf, s, n string) string {
		return p.Payload(neighborMember(n) + `,"` + strings.ToUpper(leaf) + `":"` + s + `"`)
	}},
	{name: "title-case", roundTrip: true, payload: func(p secrettest.Path, leaf, s, n string) string {
		return p.Payload(neighborMember(n) + `,"` + strings.ToUpper(leaf[:1]) + leaf[1:] + `":["` + s + `"]`)
	}},
	{name: "escaped-name", roundTrip: true, payload: func(p secrettest.Path, leaf, s, n string) string {
		return p.Payload(neighborMember(n) + `,"\u00` + strconv.FormatInt(int64(leaf[0]), 16) + leaf[1:] + `":{"x":"` + s + `"}`)
	}},
	{name: "duplicate-string-first", payload: func(p secrettest.Path, leaf, s, n string) string {
		return p.Payload(neighborMember(n) + `,"` + leaf + `":"` + s + `","` + leaf + `":{"a":"` + s + `"}`)
	}},
	{name: "duplicate-string-last", payload: func(p secrettest.Path, leaf, s, n string) string {
		return p.Payload(neighborMember(n) + `,"` + leaf + `":[1,{"a":"` + s + `"}],"` + leaf + `":"` + s + `"`)
	}},
	{name: "in-unknown-member", roundTrip: true, payload: func(p secrettest.Path, leaf, s, n string) string {
		return p.Payload(neighborMember(n) + `,"someNewParam":{"deep":[{"` + leaf + `":"` + s + `"},{"` + strings.ToUpper(leaf) + `":["` + s + `"]}]}`)
	}},
	{name: "in-kept-raw-mismatch", payload: func(p secrettest.Path, leaf, s, n string) string {
		// The object holding the member is an array instead: the parent
		// keeps it raw (the payload itself when the member is top level).
		inner := `[{` + neighborMember(n) + `,"` + leaf + `":"` + s + `"}]`
		if len(p.Steps) == 1 {
			return inner
		}
		parent := p.Steps[len(p.Steps)-2].Name
		return secrettest.Nest(p.Steps[:len(p.Steps)-2], neighborMember(n)+`,"`+parent+`":`+inner)
	}},
}

func neighborMember(n string) string { return `"neighborParam":"` + n + `"` }

// printedForms returns every way a program may print what Decode gave:
// the action, its payloads, the event, by value and by pointer, as a
// field, with every verb, the errors and the quirks.
func printedForms(act elasticache.Action, ev *event.Event, errs ...error) map[string]string {
	forms := map[string]string{}
	verbs := []string{"%v", "%+v", "%s", "%q", "%#v", "%x"}
	add := func(what string, v any) {
		for _, verb := range verbs {
			forms[what+" "+verb] = fmt.Sprintf(verb, v)
		}
		forms[what+" Sprint"] = fmt.Sprint(v)
	}
	add("event", ev)
	if ev != nil {
		add("event value", *ev)
		add("event.Unknown", ev.Unknown)
		forms["event String"] = ev.String()
		for i, q := range ev.Quirks() {
			forms["event quirk "+strconv.Itoa(i)] = q.String()
		}
	}
	if act != nil {
		add("action", act)
		forms["action String"] = act.(fmt.Stringer).String()
		forms["action GoString"] = act.(fmt.GoStringer).GoString()
		v := reflect.ValueOf(act).Elem()
		add("action value", v.Interface())
		add("action as field", struct {
			A elasticache.Action
			V any
		}{act, v.Interface()})
		for _, part := range []string{"Request", "Response"} {
			f := v.FieldByName(part)
			if !f.IsValid() {
				continue
			}
			add(part, f.Interface())
			if !f.IsNil() {
				add(part+" value", f.Elem().Interface())
				add(part+".Unknown", f.Elem().FieldByName("Unknown").Interface())
			}
		}
		for i, q := range act.Quirks() {
			forms["action quirk "+strconv.Itoa(i)] = q.String()
		}
		add("Unmodeled", act.Unmodeled())
		for name, o := range map[string][]elasticache.Option{
			"redacted":            {elasticache.Redact()},
			"redacted normalized": {elasticache.Redact(), elasticache.Normalize()},
		} {
			forms["payloads "+name] = string(elasticache.RequestJSON(act, o...)) + "\n" + string(elasticache.ResponseJSON(act, o...))
		}
	}
	for i, err := range errs {
		if err == nil {
			continue
		}
		forms["error "+strconv.Itoa(i)] = err.Error()
		add("error "+strconv.Itoa(i), err)
		var de *event.DecodeError
		if errors.As(err, &de) {
			add("DecodeError "+strconv.Itoa(i), *de)
		}
	}
	return forms
}

// leaks returns the forms that show secret, also as the hex %x prints.
func leaks(forms map[string]string, secret string) []string {
	hex := fmt.Sprintf("%x", secret)
	var out []string
	for what, s := range forms {
		if strings.Contains(s, secret) || strings.Contains(s, hex) {
			out = append(out, what+": "+s)
		}
	}
	return out
}

func TestHostileRedactEverySensitiveMember(t *testing.T) {
	paths := secrettest.Paths(t)
	require.NotEmpty(t, paths)
	// Every sensitive field the model marks is reached from some payload.
	reached := map[string]bool{}
	for _, p := range paths {
		reached[p.Steps[len(p.Steps)-1].Name] = true
	}
	for _, f := range secrettest.Fields() {
		assert.True(t, reached[f.Wire], "%s.%s reached by no payload", f.Type, f.Field)
	}
	id := 0
	for _, p := range paths {
		leaf := p.Steps[len(p.Steps)-1].Name
		for _, c := range redactCases {
			t.Run(p.String()+"/"+c.name, func(t *testing.T) {
				id++
				secret := fmt.Sprintf("S3cr3tMarker%04dZq", id)
				if c.number {
					secret = fmt.Sprintf("918273645%04d", id)
				}
				neighbor := fmt.Sprintf("Neighbor%04dVisible", id)
				payload := c.payload(p, leaf, secret, neighbor)
				req, resp := payload, `{"neighborResp":"`+neighbor+`"}`
				if p.Part == "responseElements" {
					req, resp = `{"neighborReq":"`+neighbor+`"}`, payload
				}
				ev := secrettest.Event(p.Op, req, resp)
				require.NotNil(t, ev, payload)
				raw, err := ev.MarshalJSON()
				require.NoError(t, err)
				if c.placeholder == "" {
					require.Contains(t, string(raw), secret, "the event must keep the secret for MarshalJSON")
				}

				act, err := elasticache.Decode(ev)
				require.NotNil(t, act)
				_, strictErr := elasticache.Decode(ev, event.Strict())
				forms := printedForms(act, ev, err, strictErr)
				assert.Empty(t, leaks(forms, secret), "payload %s", payload)
				if c.placeholder != "" {
					assert.Contains(t, forms["action String"], c.placeholder)
					assert.NotContains(t, forms["action String"], leaf+`":true`)
				}
				// The neighbors still print, so the test would see a leak.
				for _, what := range []string{"action String", "action %v", "action value %+v", "event %v", "event value %s", "event %#v", "payloads redacted"} {
					assert.Contains(t, forms[what], neighbor, what)
				}
				if c.roundTrip {
					enc := elasticache.RequestJSON(act)
					if p.Part == "responseElements" {
						enc = elasticache.ResponseJSON(act)
					}
					assert.Contains(t, string(enc), secret, "re-encoding lost the secret")
				}
			})
		}
	}
}

// TestHostileRedactErrorsSayKind checks that a type error about a
// sensitive member says what kind was found, not its value, while one
// about another member still quotes it.
func TestHostileRedactErrorsSayKind(t *testing.T) {
	ev := secrettest.Event("CreateCacheCluster", `{"authToken":12345678,"numCacheNodes":"two","cacheClusterId":"c1"}`, `null`)
	_, err := elasticache.Decode(ev)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "requestParameters.authToken: want string, got number at offset")
	assert.NotContains(t, err.Error(), "12345678")
	assert.Contains(t, err.Error(), `want number, got string "two"`)

	ev = secrettest.Event("CreateUser", `{"authenticationMode":{"passwords":["a",7654321]},"userId":"u"}`, `null`)
	_, err = elasticache.Decode(ev)
	require.Error(t, err)
	assert.NotContains(t, err.Error(), "7654321")
	assert.Contains(t, err.Error(), "got number")
}

// TestHostileRedactMarshalKeepsSecrets checks that MarshalJSON, which is
// not printing, writes back every secret as read.
func TestHostileRedactMarshalKeepsSecrets(t *testing.T) {
	in := `{"userId":"u","passwords":["p1"],"authenticationMode":{"type":"password","passwords":"p2","Passwords":["p3"]},"AuthToken":{"t":"p4"}}`
	var r elasticache.CreateUserRequest
	require.NoError(t, json.Unmarshal([]byte(in), &r))
	out, err := json.Marshal(&r)
	require.NoError(t, err)
	assert.JSONEq(t, in, string(out))
	for _, secret := range []string{"p1", "p2", "p3", "p4"} {
		assert.NotContains(t, r.String(), `"`+secret+`"`)
		assert.NotContains(t, fmt.Sprintf("%#v", r), `"`+secret+`"`)
	}
	assert.Equal(t, `{"userId":"u","authenticationMode":{"type":"password","passwords":"[redacted string]","Passwords":"[redacted array]"},"passwords":["[redacted string]"],"AuthToken":"[redacted object]"}`, r.String())
}
