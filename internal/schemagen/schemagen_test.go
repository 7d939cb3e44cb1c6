package schemagen

import (
	"encoding/json"
	"fmt"
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/wire"
)

// TestTimeExamples checks that each layout's example is read by wire in
// that layout, so the documented forms are the accepted ones.
func TestTimeExamples(t *testing.T) {
	t.Parallel()
	layouts := Layouts()
	require.Len(t, layouts, 8)
	for _, l := range layouts {
		ex, ok := TimeExample(l)
		require.True(t, ok, l)
		var tm wire.Time
		var err error
		switch ex := ex.(type) {
		case string:
			tm, err = wire.ParseTime(ex)
		case int:
			tm, err = wire.ParseTimeNumber(fmt.Sprint(ex))
		}
		require.NoError(t, err, l)
		assert.Equal(t, l, tm.Layout().String())
	}
}

type undocumented struct {
	Name string `json:"name"`
}

// TestUndocumentedStructFails checks that a struct without descriptions
// makes generation fail instead of producing a silent schema.
func TestUndocumentedStructFails(t *testing.T) {
	t.Parallel()
	w := &recordWalker{v: Tolerant, defs: obj()}
	w.define(reflect.TypeFor[undocumented]())
	assert.Len(t, w.errs, 2, "the type and its member lack docs: %v", w.errs)
}

// TestUnsupportedTypeFails checks that a Go type the walk cannot describe
// is an error.
func TestUnsupportedTypeFails(t *testing.T) {
	t.Parallel()
	w := &recordWalker{v: Tolerant, defs: obj()}
	w.member(reflect.TypeFor[float32](), "x")
	assert.Len(t, w.errs, 1)
}

func TestWithoutNull(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		in   *Object
		want string
	}{
		{Tolerant.str(), `{"type":"string"}`},
		{Strict.integer(64), `{"type":"integer"}`},
		{Tolerant.integer(64), `{"type":["integer","string"],"pattern":"^(-?[0-9]+)?$"}`},
		{Strict.enum([]string{"a"}), `{"type":"string","enum":["a"]}`},
		{Tolerant.enum([]string{"a"}), `{"anyOf":[{"enum":["a"]},{"type":"string"}]}`},
	} {
		got, err := json.Marshal(withoutNull(tt.in))
		require.NoError(t, err)
		assert.JSONEq(t, tt.want, string(got))
	}
}

func TestObjectKeepsOrder(t *testing.T) {
	t.Parallel()
	o := obj("b", 1, "a", 2)
	o.Set("b", 3)
	got, err := json.Marshal(o)
	require.NoError(t, err)
	assert.Equal(t, `{"b":3,"a":2}`, string(got))
	doc, err := document(obj("type", []string{"string", "null"}, "x", obj("y", []any{1, obj("z", 1)})))
	require.NoError(t, err)
	assert.Equal(t, "{\n  \"type\": [\"string\", \"null\"],\n  \"x\": {\n    \"y\": [\n      1,\n      {\n        \"z\": 1\n      }\n    ]\n  }\n}\n", string(doc))
}
