package wire_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/internal/testutil"
	"github.com/cachetrail/cachetrail/wire"
)

func TestHostileRedactSensitiveName(t *testing.T) {
	for _, n := range []string{"authToken", "AuthToken", "AUTHTOKEN", "passwords", "Passwords", "PASSWORDS"} {
		assert.True(t, wire.SensitiveName(n), n)
	}
	for _, n := range []string{"authTokenEnabled", "password", "userName", "", "authToke"} {
		assert.False(t, wire.SensitiveName(n), n)
	}
	assert.True(t, wire.SensitivePath("requestParameters.authenticationMode.passwords[0]"))
	assert.True(t, wire.SensitivePath("requestParameters.AuthToken.x"))
	assert.False(t, wire.SensitivePath("requestParameters.authTokenEnabled"))
	assert.False(t, wire.SensitivePath(""))
}

func TestHostileRedactAppendRedacted(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`{"a":1,"authToken":"s3cret"}`, `{"a":1,"authToken":"[redacted string]"}`},
		{` { "x" : [ {"Passwords":["s3cret"]} , 2 ] } `, `{"x":[{"Passwords":"[redacted array]"},2]}`},
		{`{"authToken":{"a":"s3cret"},"passwords":12,"PASSWORDS":true,"authtoken":null}`, `{"authToken":"[redacted object]","passwords":"[redacted number]","PASSWORDS":"[redacted boolean]","authtoken":null}`},
		{`{"authToken":"HIDDEN_DUE_TO_SECURITY_REASONS"}`, `{"authToken":"HIDDEN_DUE_TO_SECURITY_REASONS"}`},
		{`{"auth\u0054oken":"s3cret"}`, `{"auth\u0054oken":"[redacted string]"}`},
		{`{"a":[1,],"b":{"c":2,},}`, `{"a":[1],"b":{"c":2}}`},
		{`"plain"`, `"plain"`},
		{`{"a":"s3cret"`, `"[invalid JSON]"`},
		{`{"authToken":"s3cret`, `"[invalid JSON]"`},
		{`{"authToken":"s3cret"}}`, `"[invalid JSON]"`},
		{`{"authToken":[1}`, `"[invalid JSON]"`},
		{``, `"[invalid JSON]"`},
		{`{"x\q":"s3cret"}`, `{"x\q":"[redacted string]"}`}, // a name that does not decode hides its value
	} {
		assert.Equal(t, tc.want, string(wire.AppendRedacted(nil, []byte(tc.in))), tc.in)
	}
	deep := func(n int) []byte { return []byte(strings.Repeat("[", n) + strings.Repeat("]", n)) }
	assert.True(t, string(wire.AppendRedacted(nil, deep(10001))) == string(deep(10001)), "the decoder's nesting limit")
	assert.Equal(t, `"[invalid JSON]"`, string(wire.AppendRedacted(nil, deep(10002))))
}

func TestHostileRedactMembersPrint(t *testing.T) {
	m := wire.Members{
		{Name: "AuthToken", Value: json.RawMessage(`["s3cret"]`), Reason: wire.ReasonUnknown, Offset: 7},
		{Name: "other", Value: json.RawMessage(`{"deep":[{"passwords":"s3cret"}],"keep":"visible"}`), Reason: wire.ReasonUnknown},
		{Name: "broken", Value: json.RawMessage(`{"passwords":"s3cret`)},
	}
	want := `{"AuthToken":"[redacted array]","other":{"deep":[{"passwords":"[redacted string]"}],"keep":"visible"},"broken":"[invalid JSON]"}`
	assert.Equal(t, want, m.String())
	for _, verb := range []string{"%v", "%+v", "%s", "%q", "%#v", "%x", "%d"} {
		for _, v := range []any{m, &m, m[0], &m[1], struct{ M wire.Members }{m}, []wire.Member(m)} {
			s := fmt.Sprintf(verb, v)
			assert.NotContains(t, s, "s3cret", verb)
			assert.NotContains(t, s, fmt.Sprintf("%x", "s3cret"), verb)
		}
	}
	assert.Contains(t, fmt.Sprintf("%v", struct{ M wire.Members }{m}), "visible")
	assert.Equal(t, "wire.Members"+want, fmt.Sprintf("%#v", m))
	assert.Equal(t, `"AuthToken":"[redacted array]" (unknown at offset 7)`, m[0].String())
}

// sensitiveRun is n members with sensitive names, each holding a nested
// value, then n ordinary members.
func sensitiveRun(n int) []byte {
	var b bytes.Buffer
	b.WriteString(`{"x":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"passwords":["p%d",{"authToken":"t"}],"AuthToken":{"a":[1,2,3]},"k":"v%d"}`, i, i)
	}
	b.WriteString(`]}`)
	return b.Bytes()
}

func deepNest(n int) []byte {
	return []byte(`{"a":` + strings.Repeat(`{"passwords":[`, n/2) + `1` + strings.Repeat(`]}`, n/2) + `}`)
}

func TestHostileRedactLinear(t *testing.T) {
	for _, shape := range []struct {
		name  string
		n     int
		build func(int) []byte
	}{{"sensitive-run", 20000, sensitiveRun}, {"deep", 2400, deepNest}} {
		t.Run(shape.name, func(t *testing.T) {
			ratio := testutil.Linear(t, shape.n, shape.build, func(in []byte) {
				_ = wire.AppendRedacted(nil, in)
			})
			in := shape.build(shape.n)
			alloc := testutil.AllocBound(t, len(in), func() { _ = wire.AppendRedacted(nil, in) })
			t.Logf("8x/1x time %.1f, %.2f bytes allocated per input byte", ratio, float64(alloc)/float64(len(in)))
		})
	}
}

func BenchmarkHostileRedact(b *testing.B) {
	for _, shape := range []struct {
		name  string
		n     int
		build func(int) []byte
	}{{"sensitive-run", 20000, sensitiveRun}, {"deep", 2400, deepNest}} {
		for _, x := range []int{1, 8} {
			in := shape.build(shape.n * x)
			b.Run(fmt.Sprintf("%s/%dx", shape.name, x), func(b *testing.B) {
				b.SetBytes(int64(len(in)))
				for b.Loop() {
					_ = wire.AppendRedacted(nil, in)
				}
			})
		}
	}
}

// FuzzAppendRedacted checks the redacting walk on any bytes: it never
// panics; for valid JSON its output is valid JSON in which every value
// under a sensitive name is a placeholder, null or CloudTrail's hidden
// marker; and a second walk changes nothing.
func FuzzAppendRedacted(f *testing.F) {
	for _, s := range []string{`{"authToken":"x"}`, `{"a":[{"Passwords":[1,{"b":2}]}],}`, `{"auth\u0054oken":1}`, `[1,2,`, `"\ud800"`, `{"passwords":"HIDDEN_DUE_TO_SECURITY_REASONS"}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		out := wire.AppendRedacted(nil, in)
		if !json.Valid(in) {
			return
		}
		require.True(t, json.Valid(out), "%s -> %s", in, out)
		require.Equal(t, string(out), string(wire.AppendRedacted(nil, out)))
		d := json.NewDecoder(bytes.NewReader(out))
		d.UseNumber() // 1e1000 is valid JSON, but no float64
		var v any
		require.NoError(t, d.Decode(&v))
		checkRedacted(t, v, false)
	})
}

func checkRedacted(t *testing.T, v any, under bool) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			checkRedacted(t, x, under || wire.SensitiveName(k))
		}
	case []any:
		require.False(t, under, "a list under a sensitive name")
		for _, x := range v {
			checkRedacted(t, x, under)
		}
	case string:
		if under {
			require.True(t, v == "HIDDEN_DUE_TO_SECURITY_REASONS" || strings.HasPrefix(v, "[redacted"), v)
		}
	case nil:
	default:
		require.False(t, under, "%v under a sensitive name", v)
	}
}
