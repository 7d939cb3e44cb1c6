package schema_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/elasticache"
	"github.com/cachetrail/cachetrail/event"
	"github.com/cachetrail/cachetrail/internal/testutil"
	"github.com/cachetrail/cachetrail/schema"
	"github.com/cachetrail/cachetrail/wire"
)

// metaSchemaURL is the draft every document declares; the validator
// carries its meta-schema, so nothing is fetched.
const metaSchemaURL = "https://json-schema.org/draft/2020-12/schema"

// compile compiles one document, asserting formats (date-time in strict
// documents).
func compile(t testing.TB, name string, doc []byte) *jsonschema.Schema {
	t.Helper()
	s, err := compileDoc(name, doc)
	require.NoError(t, err, name)
	return s
}

func compileDoc(name string, doc []byte) (*jsonschema.Schema, error) {
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	url := "mem:///" + name
	if err := c.AddResource(url, v); err != nil {
		return nil, err
	}
	return c.Compile(url)
}

// documents returns every embedded document by a readable name.
func documents(t testing.TB) map[string][]byte {
	t.Helper()
	docs := map[string][]byte{
		"record.schema.json":        schema.Record(false),
		"record.strict.schema.json": schema.Record(true),
	}
	for _, name := range schema.Actions() {
		for _, strict := range []bool{false, true} {
			doc, err := schema.Action(name, strict)
			require.NoError(t, err, name)
			docs[fmt.Sprintf("%s.strict=%t", name, strict)] = doc
		}
	}
	return docs
}

// TestDocumentsPassMetaSchema validates every document against the draft
// 2020-12 meta-schema and compiles it.
func TestDocumentsPassMetaSchema(t *testing.T) {
	t.Parallel()
	meta, err := jsonschema.NewCompiler().Compile(metaSchemaURL)
	require.NoError(t, err)
	docs := documents(t)
	require.Len(t, docs, 2+2*77)
	for name, doc := range docs {
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
		require.NoError(t, err, name)
		assert.NoError(t, meta.Validate(v), name)
		var top map[string]any
		require.NoError(t, json.Unmarshal(doc, &top), name)
		assert.Equal(t, metaSchemaURL, top["$schema"], name)
		compile(t, name, doc)
	}
}

// TestMetaSchemaRejectsBrokenDocument shows the meta-schema check can fail.
func TestMetaSchemaRejectsBrokenDocument(t *testing.T) {
	t.Parallel()
	meta, err := jsonschema.NewCompiler().Compile(metaSchemaURL)
	require.NoError(t, err)
	v, err := jsonschema.UnmarshalJSON(strings.NewReader(`{"type": "integr", "properties": []}`))
	require.NoError(t, err)
	assert.Error(t, meta.Validate(v))
}

// validator holds the compiled documents.
type validator struct {
	record  map[bool]*jsonschema.Schema
	actions map[string]map[bool]*jsonschema.Schema
}

// newValidator returns the compiled documents, compiled once for all
// tests.
func newValidator(t testing.TB) *validator {
	t.Helper()
	v, err := sharedValidator()
	require.NoError(t, err)
	return v
}

var sharedValidator = sync.OnceValues(func() (*validator, error) {
	v := &validator{
		record:  map[bool]*jsonschema.Schema{},
		actions: map[string]map[bool]*jsonschema.Schema{},
	}
	for _, strict := range []bool{false, true} {
		s, err := compileDoc(fmt.Sprintf("record.strict=%t", strict), schema.Record(strict))
		if err != nil {
			return nil, err
		}
		v.record[strict] = s
	}
	for _, name := range schema.Actions() {
		v.actions[name] = map[bool]*jsonschema.Schema{}
		for _, strict := range []bool{false, true} {
			doc, err := schema.Action(name, strict)
			if err != nil {
				return nil, err
			}
			if v.actions[name][strict], err = compileDoc(fmt.Sprintf("%s.strict=%t", name, strict), doc); err != nil {
				return nil, err
			}
		}
	}
	return v, nil
})

// validate checks a record, given as JSON, against the record document and
// its action's document. It fails the test when the action has none.
func (v *validator) validate(t testing.TB, record []byte, strict bool) error {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(record))
	require.NoError(t, err)
	errRecord := v.record[strict].Validate(inst)
	name, _ := inst.(map[string]any)["eventName"].(string)
	act, ok := v.actions[name]
	require.True(t, ok, "no document for action %q", name)
	return errors.Join(errRecord, act[strict].Validate(inst))
}

// normalized parses a fixture with the tolerant front end and encodes the
// event again: JSON a validator can read, with every value as written
// except a trailing comma or a byte order mark.
func normalized(t testing.TB, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(testutil.Testdata(path))
	require.NoError(t, err)
	ev, err := event.Parse(data)
	require.NoError(t, err, path)
	out, err := json.Marshal(ev)
	require.NoError(t, err, path)
	return out
}

// recordFixtures are the fixture directories holding single records.
var recordFixtures = []string{"seed", "quirks", "userid", "elasticache"}

// TestFixturesValidateTolerant validates every record fixture against the
// tolerant record document and its action's tolerant document.
func TestFixturesValidateTolerant(t *testing.T) {
	t.Parallel()
	v := newValidator(t)
	fixtures := testutil.Fixtures(t, recordFixtures...)
	require.GreaterOrEqual(t, len(fixtures), 50, "fixtures found")
	for _, path := range fixtures {
		assert.NoError(t, v.validate(t, normalized(t, path), false), path)
	}
}

// strictOnly lists the fixtures the strict documents reject although
// cachetrail's strict mode forgives nothing visible in them: members or
// enum values the model does not know, which strict mode keeps and reports
// apart. Each names a path the error must contain.
var strictOnly = map[string]string{
	"quirks/unknown_fields.json":    "futureEnvelopeField",
	"userid/undocumented_type.json": "/userIdentity/type",
}

// visibleQuirk reports whether cachetrail's strict mode reports a quirk in
// the fixture that survives parsing, that is, any but a trailing comma or
// a byte order mark.
func visibleQuirk(t testing.TB, path string) bool {
	t.Helper()
	data, err := os.ReadFile(testutil.Testdata(path))
	require.NoError(t, err)
	ev, perr := event.Parse(data, event.Strict())
	require.NotNil(t, ev, path)
	_, derr := elasticache.Decode(ev, event.Strict())
	for _, e := range flatten(errors.Join(perr, derr)) {
		var de *event.DecodeError
		if errors.As(e, &de) && de.Quirk != "" && de.Quirk != wire.QuirkTrailingComma && de.Quirk != wire.QuirkByteOrderMark {
			return true
		}
	}
	return false
}

func flatten(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, flatten(e)...)
		}
		return out
	}
	if err == nil {
		return nil
	}
	return []error{err}
}

// TestStrictAgreesWithStrictMode checks that the strict documents reject
// exactly the fixtures in which cachetrail's strict mode reports a quirk a
// validator can see, plus the listed unknown members and values, and
// accept the rest.
func TestStrictAgreesWithStrictMode(t *testing.T) {
	t.Parallel()
	v := newValidator(t)
	rejected := 0
	for _, path := range testutil.Fixtures(t, recordFixtures...) {
		err := v.validate(t, normalized(t, path), true)
		want, only := strictOnly[path]
		switch {
		case only:
			if assert.Error(t, err, path) {
				assert.Contains(t, err.Error(), want, path)
			}
		case visibleQuirk(t, path):
			assert.Error(t, err, "%s: strict mode reports a quirk", path)
		default:
			assert.NoError(t, err, path)
		}
		if err != nil {
			rejected++
		}
	}
	t.Logf("strict documents reject %d fixtures", rejected)
	for _, q := range []string{"number_as_string", "bool_as_string", "empty_object_as_list", "gson_event_time", "epoch_millis_time", "hidden_value"} {
		assert.True(t, visibleQuirk(t, "quirks/"+q+".json"), "%s: the quirk fixtures the strict documents must reject", q)
	}
}

// TestWrongTypeFails checks that a numCacheNodes of the wrong JSON type
// fails the tolerant document, with the member's path in the error, and
// that cachetrail's decoder agrees.
func TestWrongTypeFails(t *testing.T) {
	t.Parallel()
	v := newValidator(t)
	good := normalized(t, "seed/create_cache_cluster.json")
	require.NoError(t, v.validate(t, good, false))
	for _, bad := range []string{`[1]`, `"two"`, `{"n": 1}`, `true`} {
		var rec map[string]any
		require.NoError(t, json.Unmarshal(good, &rec))
		req := rec["requestParameters"].(map[string]any)
		require.Contains(t, req, "numCacheNodes")
		var val any
		require.NoError(t, json.Unmarshal([]byte(bad), &val))
		req["numCacheNodes"] = val
		data, err := json.Marshal(rec)
		require.NoError(t, err)

		err = v.validate(t, data, false)
		var ve *jsonschema.ValidationError
		if assert.ErrorAs(t, err, &ve, bad) {
			assert.Contains(t, err.Error(), "/requestParameters/numCacheNodes", bad)
		}
		ev, err := event.Parse(data)
		require.NoError(t, err)
		_, err = elasticache.Decode(ev)
		assert.Error(t, err, "%s: cachetrail rejects it too", bad)
	}
}
