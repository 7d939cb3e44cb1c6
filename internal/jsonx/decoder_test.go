package jsonx

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/wire"
)

// endpoint and group mimic generated code: every decoder in elasticache is
// written the same way.
type endpoint struct {
	Address *string
	Port    *int32
	Unknown wire.Members
}

func (s *endpoint) decode(d *Decoder) Status {
	var m Member
	if st := d.ObjectStart(&m); st != OK {
		return st
	}
	for d.NextMember(&m) {
		st := Unknown
		switch m.Key {
		case "address":
			st = String(d, &s.Address)
		case "port":
			st = Int32(d, &s.Port)
		}
		d.EndMember(&m, st, &s.Unknown)
	}
	if d.Fatal() != nil {
		return Fatal
	}
	return OK
}

func (s *endpoint) encode(e *Encoder) {
	e.ObjectStart()
	if s.Address != nil {
		e.Key("address")
		e.String(*s.Address)
	}
	if s.Port != nil {
		e.Key("port")
		e.Int(int64(*s.Port))
	}
	e.Members(s.Unknown)
	e.ObjectEnd()
}

type group struct {
	Name      *string
	Apply     *bool
	Nodes     []string
	Endpoints []endpoint
	Primary   *endpoint
	Size      *float64
	Unknown   wire.Members
}

func (s *group) decode(d *Decoder) Status {
	var m Member
	if st := d.ObjectStart(&m); st != OK {
		return st
	}
	for d.NextMember(&m) {
		st := Unknown
		switch m.Key {
		case "name":
			st = String(d, &s.Name)
		case "apply":
			st = Bool(d, &s.Apply)
		case "nodes":
			st = List(d, &s.Nodes, StrElem[string])
		case "endpoints":
			st = List(d, &s.Endpoints, (*endpoint).decode)
		case "primary":
			st = StructPtr(d, &s.Primary, (*endpoint).decode)
		case "size":
			st = Float64(d, &s.Size)
		}
		d.EndMember(&m, st, &s.Unknown)
	}
	if d.Fatal() != nil {
		return Fatal
	}
	return OK
}

func (s *group) encode(e *Encoder) {
	e.ObjectStart()
	if s.Name != nil {
		e.Key("name")
		e.String(*s.Name)
	}
	if s.Apply != nil {
		e.Key("apply")
		e.Bool(*s.Apply)
	}
	if s.Nodes != nil {
		e.Key("nodes")
		EncodeList(e, s.Nodes, StrElemEncode[string])
	}
	if s.Endpoints != nil {
		e.Key("endpoints")
		EncodeList(e, s.Endpoints, (*endpoint).encode)
	}
	if s.Primary != nil {
		e.Key("primary")
		s.Primary.encode(e)
	}
	if s.Size != nil {
		e.Key("size")
		e.Float(*s.Size)
	}
	e.Members(s.Unknown)
	e.ObjectEnd()
}

func decodeGroup(t *testing.T, src string) (*group, *Decoder) {
	t.Helper()
	d := NewDecoder(src, Options{Base: 100, Path: "requestParameters"})
	var g group
	st := g.decode(d)
	if st == OK {
		d.Finish()
	}
	return &g, d
}

func encodeGroup(g *group) string {
	var e Encoder
	g.encode(&e)
	return string(e.Bytes())
}

func TestDecodeTypedAndRoundTrip(t *testing.T) {
	t.Parallel()
	src := `{"name":"g1","apply":false,"nodes":["0001","0002"],` +
		`"endpoints":[{"address":"a.example","port":6379}],"primary":{"address":"p","port":1,"zone":"us-east-1a"},` +
		`"size":2.5,"extra":{"x":[1,2]}}`
	g, d := decodeGroup(t, src)
	require.NoError(t, d.Err())
	assert.Equal(t, "g1", *g.Name)
	assert.False(t, *g.Apply, "explicit false is kept")
	assert.Equal(t, []string{"0001", "0002"}, g.Nodes)
	require.Len(t, g.Endpoints, 1)
	assert.Equal(t, int32(6379), *g.Endpoints[0].Port)
	assert.Equal(t, "us-east-1a", mustGet(t, g.Primary.Unknown, "zone"))
	assert.Equal(t, 2.5, *g.Size)
	assert.Empty(t, d.Quirks())
	assert.Equal(t, int64(100+strings.Index(src, `"us-east-1a"`)), g.Primary.Unknown[0].Offset)
	assert.Equal(t, wire.ReasonUnknown, g.Primary.Unknown[0].Reason)
	require.Len(t, g.Unknown, 1)
	assert.Equal(t, wire.Member{Name: "extra", Value: []byte(`{"x":[1,2]}`), Reason: wire.ReasonUnknown, Offset: 100 + int64(strings.Index(src, `{"x"`))}, g.Unknown[0])
	assertJSONEqual(t, src, encodeGroup(g))
}

func mustGet(t *testing.T, m wire.Members, name string) string {
	t.Helper()
	raw, ok := m.Get(name)
	require.True(t, ok, "member %q", name)
	var s string
	require.NoError(t, json.Unmarshal(raw, &s))
	return s
}

func assertJSONEqual(t *testing.T, want, got string) {
	t.Helper()
	var w, g any
	require.NoError(t, json.Unmarshal([]byte(want), &w), "want is JSON")
	require.NoError(t, json.Unmarshal([]byte(got), &g), "got is JSON: %s", got)
	if diff := cmp.Diff(w, g); diff != "" {
		t.Errorf("JSON mismatch (-want +got):\n%s", diff)
	}
}

func TestQuirks(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		src    string
		quirks []wire.QuirkKind
		paths  []string
		check  func(t *testing.T, g *group)
		equal  string // the JSON the re-encoding must equal
	}{
		{
			name:   "trailing comma in object",
			src:    `{"name":"a",}`,
			quirks: []wire.QuirkKind{wire.QuirkTrailingComma},
			paths:  []string{"requestParameters"},
			equal:  `{"name":"a"}`,
		},
		{
			name:   "trailing comma in list",
			src:    `{"nodes":["1","2",]}`,
			quirks: []wire.QuirkKind{wire.QuirkTrailingComma},
			paths:  []string{"requestParameters.nodes"},
			equal:  `{"nodes":["1","2"]}`,
		},
		{
			name:   "trailing comma inside an unknown member is blanked in the raw text",
			src:    `{"other":{"a":[1,],},"name":"x"}`,
			quirks: []wire.QuirkKind{wire.QuirkTrailingComma, wire.QuirkTrailingComma},
			paths:  []string{"requestParameters.other", "requestParameters.other"},
			equal:  `{"other":{"a":[1]},"name":"x"}`,
		},
		{
			name:   "empty object as list",
			src:    `{"nodes":{ }}`,
			quirks: []wire.QuirkKind{wire.QuirkEmptyObjectAsList},
			paths:  []string{"requestParameters.nodes"},
			check:  func(t *testing.T, g *group) { assert.Equal(t, []string{}, g.Nodes) },
			equal:  `{"nodes":[]}`,
		},
		{
			name:   "number and bool as strings",
			src:    `{"endpoints":[{"port":" 6379"}],"apply":"TRUE"}`,
			quirks: []wire.QuirkKind{wire.QuirkStringAsNumber, wire.QuirkStringAsBool},
			paths:  []string{"requestParameters.endpoints[0].port", "requestParameters.apply"},
			check: func(t *testing.T, g *group) {
				assert.Equal(t, int32(6379), *g.Endpoints[0].Port)
				assert.True(t, *g.Apply)
			},
			equal: `{"endpoints":[{"port":6379}],"apply":true}`,
		},
		{
			name:   "string where a list is expected is kept raw",
			src:    `{"nodes":"HIDDEN_DUE_TO_SECURITY_REASONS","name":"n"}`,
			quirks: []wire.QuirkKind{wire.QuirkKeptRaw},
			paths:  []string{"requestParameters.nodes"},
			check: func(t *testing.T, g *group) {
				assert.Nil(t, g.Nodes)
				assert.Equal(t, "HIDDEN_DUE_TO_SECURITY_REASONS", mustGet(t, g.Unknown, "nodes"))
				assert.Equal(t, wire.ReasonMismatch, g.Unknown[0].Reason)
			},
			equal: `{"nodes":"HIDDEN_DUE_TO_SECURITY_REASONS","name":"n"}`,
		},
		{
			name:   "duplicate name: the last value wins",
			src:    `{"name":"first","name":"second"}`,
			quirks: []wire.QuirkKind{wire.QuirkDuplicateName},
			paths:  []string{"requestParameters.name"},
			check:  func(t *testing.T, g *group) { assert.Equal(t, "second", *g.Name) },
			equal:  `{"name":"second"}`,
		},
		{
			name:   "invalid UTF-8 becomes U+FFFD",
			src:    "{\"name\":\"a\xffb\"}",
			quirks: []wire.QuirkKind{wire.QuirkInvalidUTF8},
			paths:  []string{"requestParameters.name"},
			check:  func(t *testing.T, g *group) { assert.Equal(t, "a\uFFFDb", *g.Name) },
			equal:  `{"name":"a\ufffdb"}`,
		},
		{
			name:  "explicit null is kept for re-encoding, not reported",
			src:   `{"name":null,"primary":null}`,
			check: func(t *testing.T, g *group) { assert.Nil(t, g.Name); assert.Len(t, g.Unknown, 2) },
			equal: `{"name":null,"primary":null}`,
		},
		{
			name: "a trailing comma inside a string is kept",
			src:  `{"name":"a,}b,]"}`,
			check: func(t *testing.T, g *group) {
				assert.Equal(t, "a,}b,]", *g.Name)
			},
			equal: `{"name":"a,}b,]"}`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			g, d := decodeGroup(t, tt.src)
			require.NoError(t, d.Err())
			var kinds []wire.QuirkKind
			var paths []string
			for _, q := range d.Quirks() {
				kinds = append(kinds, q.Kind)
				paths = append(paths, q.Path)
			}
			assert.Equal(t, tt.quirks, kinds)
			assert.Equal(t, tt.paths, paths)
			if tt.check != nil {
				tt.check(t, g)
			}
			assertJSONEqual(t, tt.equal, encodeGroup(g))
		})
	}
}

func TestQuirkOffsets(t *testing.T) {
	t.Parallel()
	src := `{"name":"a" , "nodes":{}, }`
	_, d := decodeGroup(t, src)
	require.NoError(t, d.Err())
	require.Len(t, d.Quirks(), 2)
	assert.Equal(t, int64(100+strings.Index(src, "{}")), d.Quirks()[0].Offset)
	assert.Equal(t, int64(100+strings.LastIndex(src, ",")), d.Quirks()[1].Offset)
}

func TestErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		src   string
		want  string // the first error's message
		fatal bool
	}{
		{"string for number", `{"endpoints":[{"port":"two"}]}`, `requestParameters.endpoints[0].port: want number, got string "two" at offset 122`, false},
		{"fraction for integer", `{"primary":{"port":2.5}}`, `requestParameters.primary.port: want integer, got number "2.5" at offset 119`, false},
		{"out of range", `{"primary":{"port":1e400}}`, `requestParameters.primary.port: want integer, got number "1e400" at offset 119`, false},
		{"int32 overflow", `{"primary":{"port":4294967296}}`, `requestParameters.primary.port: number "4294967296" out of range for int32 at offset 119`, false},
		{"float overflow", `{"size":1e400}`, `requestParameters.size: number "1e400" out of range for float64 at offset 108`, false},
		{"bool as number", `{"apply":1}`, `requestParameters.apply: want boolean, got number "1" at offset 109`, false},
		{"truncated", `{"name":"a"`, `requestParameters: unexpected end of input in object at offset 111`, true},
		{"unterminated string", `{"name":"a`, `requestParameters.name: unterminated string at offset 110`, true},
		{"missing colon", `{"name" "a"}`, `requestParameters: unexpected '"', want ':' at offset 108`, true},
		{"bad literal", `{"apply":tru}`, `requestParameters.apply: invalid literal (3 bytes) at offset 109`, true},
		{"leading zero", `{"size":01}`, `requestParameters.size: unexpected '1' in number at offset 109`, true},
		{"control character", "{\"name\":\"a\x00\"}", `requestParameters.name: control character byte 0x0 in string at offset 110`, true},
		{"comma only", `{,}`, `requestParameters: unexpected ',', want a member name at offset 101`, true},
		{"garbage after", `{} x`, `requestParameters: unexpected 'x' after the value at offset 103`, true},
		{"bad escape", `{"name":"\q"}`, `requestParameters.name: invalid escape 'q' in string at offset 109`, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, d := decodeGroup(t, tt.src)
			err := d.Err()
			require.Error(t, err)
			assert.Equal(t, tt.want, err.Error())
			assert.Equal(t, tt.fatal, d.Fatal() != nil)
		})
	}
}

// TestMismatchKeepsRaw checks that a value breaking the model is an error
// yet nothing is lost: the member is kept raw and decoding goes on.
func TestMismatchKeepsRaw(t *testing.T) {
	t.Parallel()
	src := `{"primary":{"port":"two","address":"a"},"name":"n"}`
	g, d := decodeGroup(t, src)
	require.Len(t, d.Errors(), 1)
	assert.Nil(t, d.Fatal())
	assert.Equal(t, "n", *g.Name)
	assert.Equal(t, "a", *g.Primary.Address)
	raw, ok := g.Primary.Unknown.Get("port")
	require.True(t, ok)
	assert.Equal(t, `"two"`, string(raw))
	assertJSONEqual(t, src, encodeGroup(g))
}

func TestListElementMismatchKeepsWholeList(t *testing.T) {
	t.Parallel()
	src := `{"nodes":["a",7,"c"],"name":"n"}`
	g, d := decodeGroup(t, src)
	require.Len(t, d.Errors(), 1)
	assert.Equal(t, `requestParameters.nodes[1]: want string, got number "7" at offset 114`, d.Errors()[0].Error())
	assert.Nil(t, g.Nodes)
	assert.Equal(t, "n", *g.Name)
	assertJSONEqual(t, src, encodeGroup(g))
	require.Len(t, g.Unknown, 1)
	assert.Equal(t, wire.ReasonMismatch, g.Unknown[0].Reason, "a mismatch is kept as such, not as unknown")
}

func TestDepthLimit(t *testing.T) {
	t.Parallel()
	deep := `{"x":` + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + `}`
	d := NewDecoder(deep, Options{})
	var g group
	g.decode(d)
	require.NotNil(t, d.Fatal())
	assert.Contains(t, d.Fatal().Error(), "nesting deeper than 10000 levels")

	d = NewDecoder(deep, Options{MaxDepth: 200000})
	g = group{}
	assert.Equal(t, OK, g.decode(d))
	assert.Len(t, g.Unknown, 1)
}

func TestStringEscapes(t *testing.T) {
	t.Parallel()
	src := `{"name":"tab\there \"q\" \u00e9 \ud83d\ude00 \ud800 end\/"}`
	g, d := decodeGroup(t, src)
	require.NoError(t, d.Err())
	var want struct{ Name string }
	require.NoError(t, json.Unmarshal([]byte(src), &want))
	assert.Equal(t, want.Name, *g.Name)
}

func TestBOM(t *testing.T) {
	t.Parallel()
	d := NewDecoder("\xef\xbb\xbf{\"name\":\"a\"}", Options{})
	d.SkipBOM()
	var g group
	require.Equal(t, OK, g.decode(d))
	d.Finish()
	require.NoError(t, d.Err())
	require.Len(t, d.Quirks(), 1)
	assert.Equal(t, wire.QuirkByteOrderMark, d.Quirks()[0].Kind)
	assert.Equal(t, int64(0), d.Quirks()[0].Offset)
}

func TestEncoderFloatsMatchEncodingJSON(t *testing.T) {
	t.Parallel()
	for _, f := range []float64{0, 1, -1, 2.5, 1e21, 1e-7, 123456789.125, 0.000001, 1e20} {
		var e Encoder
		e.Float(f)
		want, err := json.Marshal(f)
		require.NoError(t, err)
		assert.Equal(t, string(want), string(e.Bytes()), "%v", f)
	}
}

func TestEncoderStrings(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"", "plain", "q\"b\\s", "nl\n\r\t\x01", "é😀", "a<b>&c"} {
		var e Encoder
		e.String(s)
		var back string
		require.NoError(t, json.Unmarshal(e.Bytes(), &back), "%s", e.Bytes())
		assert.Equal(t, s, back)
	}
}

func TestTimeKeepsText(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		in    string
		quirk wire.QuirkKind
		norm  string
	}{
		{`"2014-12-01T22:16:06Z"`, "", "2014-12-01T22:16:06Z"},
		{`"Dec 1, 2014 10:16:06 PM"`, wire.QuirkNonRFC3339Time, "2014-12-01T22:16:06Z"},
		{`"Dec 1, 2014, 10:16:06\u202fPM"`, wire.QuirkNonRFC3339Time, "2014-12-01T22:16:06Z"},
		{`1417471566000`, wire.QuirkNumberAsTime, "2014-12-01T22:06:06Z"},
	} {
		d := NewDecoder(tt.in, Options{Path: "t"})
		var v wire.Time
		require.Equal(t, OK, TimeValue(d, &v), tt.in)
		require.NoError(t, d.Err())
		assert.Equal(t, tt.norm, v.String(), tt.in)
		var kinds []wire.QuirkKind
		for _, q := range d.Quirks() {
			kinds = append(kinds, q.Kind)
		}
		if tt.quirk == "" {
			assert.Empty(t, kinds, tt.in)
		} else {
			assert.Equal(t, []wire.QuirkKind{tt.quirk}, kinds, tt.in)
		}
		var e Encoder
		e.Time(v)
		assert.Equal(t, tt.in, string(e.Bytes()), "written back as read")
		e = Encoder{Normalize: true}
		e.Time(v)
		assert.Equal(t, `"`+tt.norm+`"`, string(e.Bytes()))
	}
}

// TestKeptValuesShareACopy checks that kept values are slices of one copy
// of the source, each capped so that appending to one cannot change
// another, and that a value whose trailing commas were blanked has its own.
func TestKeptValuesShareACopy(t *testing.T) {
	t.Parallel()
	src := `{"a":[1],"b":[2,],"c":[3],"d":{"e":4}}`
	g, d := decodeGroup(t, src)
	require.NoError(t, d.Err())
	require.Len(t, g.Unknown, 4)
	a, b, c := g.Unknown[0].Value, g.Unknown[1].Value, g.Unknown[2].Value
	assert.Equal(t, "[1]", string(a))
	assert.Equal(t, "[2 ]", string(b))
	assert.Equal(t, "[3]", string(c))
	assert.Equal(t, len(a), cap(a))
	assert.Same(t, &d.copied[strings.Index(src, "[3]")], &c[0], "c shares the copy")
	assert.NotSame(t, &d.copied[strings.Index(src, "[2,]")], &b[0], "b has its own bytes")
	_ = append(a, 'x')
	assert.Equal(t, src, string(d.copied), "appending to a copies it")
	for i, off := range []int64{5, 13, 22, 30} {
		assert.Equal(t, 100+off, g.Unknown[i].Offset, g.Unknown[i].Name)
	}
}
