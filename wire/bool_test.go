package wire

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseBool(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		in      string
		want    bool
		wantErr string
	}{
		{name: "true", in: "true", want: true},
		{name: "false", in: "false", want: false},
		{name: "upper", in: "TRUE", want: true},
		{name: "title", in: "False", want: false},
		{name: "empty", in: "", wantErr: `wire: cannot parse "" as a boolean: want "true" or "false"`},
		{name: "yes", in: "yes", wantErr: `wire: cannot parse "yes" as a boolean: want "true" or "false"`},
		{name: "one", in: "1", wantErr: `wire: cannot parse "1" as a boolean: want "true" or "false"`},
		{name: "padded", in: " true", wantErr: `wire: cannot parse " true" as a boolean: want "true" or "false"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := ParseBool(tc.in)
			if tc.wantErr != "" {
				assert.EqualError(t, err, tc.wantErr)
				var pe *ParseError
				require.ErrorAs(t, err, &pe)
				assert.Equal(t, "boolean", pe.Type)
				assert.True(t, got.IsZero())
				return
			}
			require.NoError(t, err)
			v, ok := got.Value()
			assert.Equal(t, tc.want, v)
			assert.True(t, ok)
			assert.Equal(t, tc.want, got.True())
			assert.Equal(t, tc.in, got.Raw())
			assert.True(t, got.IsQuoted())
			assert.False(t, got.IsZero())
		})
	}
}

func TestBoolOf(t *testing.T) {
	t.Parallel()
	for _, v := range []bool{true, false} {
		b := BoolOf(v)
		got, ok := b.Value()
		assert.Equal(t, v, got)
		assert.True(t, ok)
		assert.True(t, b.IsQuoted())
		out, err := json.Marshal(b)
		require.NoError(t, err)
		want := `"false"`
		if v {
			want = `"true"`
		}
		assert.Equal(t, want, string(out))
		assert.Equal(t, want[1:len(want)-1], b.String())
	}
}

func TestBoolZero(t *testing.T) {
	t.Parallel()
	var z Bool
	v, ok := z.Value()
	assert.False(t, v)
	assert.False(t, ok)
	assert.False(t, z.True())
	assert.True(t, z.IsZero())
	assert.False(t, z.IsQuoted())
	assert.Equal(t, "", z.Raw())
	assert.Equal(t, "", z.String())
	out, err := json.Marshal(z)
	require.NoError(t, err)
	assert.Equal(t, "null", string(out))
}

func TestBoolUnmarshalJSON(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		in      string
		want    bool
		quoted  bool
		raw     string
		wantErr string
	}{
		{name: "string true", in: `"true"`, want: true, quoted: true, raw: "true"},
		{name: "string false", in: `"false"`, want: false, quoted: true, raw: "false"},
		{name: "string upper", in: `"TRUE"`, want: true, quoted: true, raw: "TRUE"},
		{name: "escaped string", in: `"\u0074rue"`, want: true, quoted: true, raw: "true"},
		{name: "literal true", in: `true`, want: true, raw: "true"},
		{name: "literal false", in: `false`, want: false, raw: "false"},
		{name: "whitespace", in: " true\n", want: true, raw: "true"},
		{name: "bad string", in: `"yes"`, wantErr: `wire: cannot parse "yes" as a boolean: want "true" or "false"`},
		{name: "number", in: `1`, wantErr: `wire: cannot parse "1" as a boolean: not a JSON string or boolean`},
		{name: "upper literal", in: `TRUE`, wantErr: `wire: cannot parse "TRUE" as a boolean: not a JSON string or boolean`},
		{name: "unterminated", in: `"true`, wantErr: `wire: cannot parse "\"true" as a boolean: invalid JSON string`},
		{name: "empty", in: ``, wantErr: `wire: cannot parse "" as a boolean: not a JSON string or boolean`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			before := BoolOf(false)
			got := before
			err := got.UnmarshalJSON([]byte(tc.in))
			if tc.wantErr != "" {
				assert.EqualError(t, err, tc.wantErr)
				assert.Equal(t, before, got, "an error must leave the Bool unchanged")
				return
			}
			require.NoError(t, err)
			v, ok := got.Value()
			assert.Equal(t, tc.want, v)
			assert.True(t, ok)
			assert.Equal(t, tc.quoted, got.IsQuoted())
			assert.Equal(t, tc.raw, got.Raw())
		})
	}
}

// jsonBoolInputs are JSON texts Bool accepts; each must encode back byte
// for byte.
var jsonBoolInputs = []string{
	`"true"`, `"false"`, `"True"`, `"FALSE"`, `true`, `false`,
	`"\u0074rue"`, // an escape must survive
}

func TestBoolJSONRoundTrip(t *testing.T) {
	t.Parallel()
	for _, in := range jsonBoolInputs {
		t.Run(in, func(t *testing.T) {
			t.Parallel()
			var v struct {
				B Bool `json:"b"`
			}
			doc := `{"b":` + in + `}`
			require.NoError(t, json.Unmarshal([]byte(doc), &v))
			out, err := json.Marshal(v)
			require.NoError(t, err)
			assert.Equal(t, doc, string(out))
		})
	}
}

func TestBoolNull(t *testing.T) {
	t.Parallel()
	var v struct{ B Bool }
	require.NoError(t, json.Unmarshal([]byte(`{"B":null}`), &v))
	assert.True(t, v.B.IsZero())

	b := BoolOf(true)
	require.NoError(t, b.UnmarshalJSON([]byte("null")))
	assert.True(t, b.True(), "null leaves the value unchanged, as encoding/json does")
}

func FuzzBoolUnmarshalJSON(f *testing.F) {
	for _, in := range jsonBoolInputs {
		f.Add([]byte(in))
	}
	f.Add([]byte(`null`))
	f.Add([]byte(`"yes"`))
	f.Fuzz(func(t *testing.T, in []byte) {
		var b Bool
		if err := b.UnmarshalJSON(in); err != nil || b.IsZero() {
			return
		}
		out, err := b.MarshalJSON()
		require.NoError(t, err)
		assert.Equal(t, string(trimJSONSpace(in)), string(out))
		var back Bool
		require.NoError(t, back.UnmarshalJSON(out))
		assert.Equal(t, b, back)
	})
}
