package userid

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/internal/jsonx"
	"github.com/cachetrail/cachetrail/wire"
)

// stringPath is the JSON path of a member whose value is a string on the
// wire; typed when the string must parse (a wire.Bool or wire.Time).
type stringPath struct {
	path  []string
	typed bool
}

// stringPaths returns every member of t, and of the objects nested in it,
// whose value is a string on the wire, found from the types so that a
// member added later is covered too.
func stringPaths(t reflect.Type, prefix []string) []stringPath {
	var paths []stringPath
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if !f.IsExported() || name == "" || name == "-" {
			continue
		}
		path := append(append([]string(nil), prefix...), name)
		switch {
		case f.Type.Kind() == reflect.String:
			paths = append(paths, stringPath{path, false})
		case f.Type == reflect.TypeFor[wire.Bool](), f.Type == reflect.TypeFor[wire.Time]():
			paths = append(paths, stringPath{path, true})
		case f.Type.Kind() == reflect.Pointer && f.Type.Elem().Kind() == reflect.Struct:
			paths = append(paths, stringPaths(f.Type.Elem(), path)...)
		}
	}
	return paths
}

// nestedJSON is {"a":{"b":{"c":""}}} for the path a.b.c, with a sibling
// member at each level so that the object is not only the empty string.
func nestedJSON(path []string) string {
	v := `""`
	for i := len(path) - 1; i >= 0; i-- {
		v = `{"zz":"x","` + path[i] + `":` + v + `}`
	}
	return v
}

// TestEmptyStringsSurvive checks that every string member of userIdentity
// and of each object nested in it, present with an empty value, is
// written back. An empty wire.Bool or wire.Time is read as absent (a
// quirk, which strict decoding of a record reports) and kept raw.
func TestEmptyStringsSurvive(t *testing.T) {
	t.Parallel()
	paths := stringPaths(reflect.TypeFor[Identity](), nil)
	require.GreaterOrEqual(t, len(paths), 28, "string members found: %v", paths)
	for _, p := range paths {
		t.Run(strings.Join(p.path, "."), func(t *testing.T) {
			t.Parallel()
			in := nestedJSON(p.path)
			var want any
			require.NoError(t, json.Unmarshal([]byte(in), &want))
			var id Identity
			require.NoError(t, id.UnmarshalJSON([]byte(in)))
			if p.typed {
				d := jsonx.NewDecoder(in, jsonx.Options{})
				require.Equal(t, jsonx.OK, id.DecodeFrom(d))
				require.Len(t, d.Quirks(), 1)
				assert.Equal(t, wire.QuirkEmptyStringAsAbsent, d.Quirks()[0].Kind)
				assert.Equal(t, strings.Join(p.path, "."), d.Quirks()[0].Path)
			}
			out, err := json.Marshal(&id)
			require.NoError(t, err)
			var got any
			require.NoError(t, json.Unmarshal(out, &got), "%s", out)
			assert.Empty(t, cmp.Diff(want, got), "in %s\nout %s", in, out)
		})
	}
}
