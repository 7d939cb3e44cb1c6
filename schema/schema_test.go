package schema_test

import (
	"encoding/json"
	"errors"
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/elasticache"
	"github.com/cachetrail/cachetrail/internal/secrettest"
	"github.com/cachetrail/cachetrail/schema"
)

func TestActionsListEveryOperation(t *testing.T) {
	t.Parallel()
	assert.Equal(t, elasticache.Operations(), schema.Actions())
	assert.Len(t, schema.Actions(), 77)
}

func TestAction(t *testing.T) {
	t.Parallel()
	for _, strict := range []bool{false, true} {
		doc, err := schema.Action("CreateCacheCluster", strict)
		require.NoError(t, err)
		var top struct {
			Title      string         `json:"title"`
			Variant    string         `json:"x-cachetrail-variant"`
			DocURL     string         `json:"x-cachetrail-api-reference"`
			Properties map[string]any `json:"properties"`
			Defs       map[string]any `json:"$defs"`
		}
		require.NoError(t, json.Unmarshal(doc, &top))
		info, ok := elasticache.LookupOperation("CreateCacheCluster")
		require.True(t, ok)
		assert.Equal(t, info.DocURL, top.DocURL)
		req, resp := payloadTypes(t, "CreateCacheCluster")
		assert.Contains(t, top.Defs, req)
		assert.Contains(t, top.Defs, resp)
		assert.Contains(t, top.Properties, "requestParameters")
		if strict {
			assert.Equal(t, "strict", top.Variant)
		} else {
			assert.Equal(t, "tolerant", top.Variant)
		}
	}
}

func TestActionUnknown(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"", "NoSuchAction", "../record", "CreateCacheCluster.strict", "*"} {
		_, err := schema.Action(name, false)
		assert.True(t, errors.Is(err, schema.ErrUnknownAction), "%q: %v", name, err)
	}
}

func TestRecord(t *testing.T) {
	t.Parallel()
	tolerant, strict := schema.Record(false), schema.Record(true)
	assert.NotEqual(t, tolerant, strict)
	var top struct {
		Properties map[string]struct {
			Since string `json:"x-cachetrail-since"`
		} `json:"properties"`
	}
	require.NoError(t, json.Unmarshal(tolerant, &top))
	assert.Equal(t, "1.08", top.Properties["tlsDetails"].Since)
	assert.Equal(t, "1.11", top.Properties["eventContext"].Since)
}

// TestUnwrappedResponse checks the rule that an operation whose output is a
// single structure records that structure itself.
func TestUnwrappedResponse(t *testing.T) {
	t.Parallel()
	for _, name := range schema.Actions() {
		info, ok := elasticache.LookupOperation(name)
		require.True(t, ok)
		doc, err := schema.Action(name, false)
		require.NoError(t, err)
		var top struct {
			Unwrapped  string `json:"x-cachetrail-unwrapped-member"`
			Properties struct {
				Response struct {
					AnyOf []map[string]any `json:"anyOf"`
				} `json:"responseElements"`
			} `json:"properties"`
		}
		require.NoError(t, json.Unmarshal(doc, &top))
		assert.Equal(t, info.UnwrappedMember, top.Unwrapped, name)
		require.NotEmpty(t, top.Properties.Response.AnyOf, name)
		_, resp := payloadTypes(t, name)
		assert.Equal(t, "#/$defs/"+resp, top.Properties.Response.AnyOf[0]["$ref"], name)
	}
}

// TestFlatAlternatives checks that the tolerant documents of the migration
// calls take each alternative structure itself and the strict ones do not.
func TestFlatAlternatives(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"StartMigration", "CompleteMigration"} {
		for _, strict := range []bool{false, true} {
			doc, err := schema.Action(name, strict)
			require.NoError(t, err)
			var top struct {
				Flat       []string `json:"x-cachetrail-flat-alternatives"`
				Properties struct {
					Response struct {
						AnyOf []map[string]any `json:"anyOf"`
					} `json:"responseElements"`
				} `json:"properties"`
			}
			require.NoError(t, json.Unmarshal(doc, &top))
			assert.Equal(t, []string{"replicationGroup", "serverlessCache"}, top.Flat, name)
			var refs []any
			for _, alt := range top.Properties.Response.AnyOf {
				if r, ok := alt["$ref"]; ok {
					refs = append(refs, r)
				}
			}
			want := []any{"#/$defs/" + name + "Response"}
			if !strict {
				want = append(want, "#/$defs/ReplicationGroup", "#/$defs/ServerlessCache")
			}
			assert.Equal(t, want, refs, "%s strict=%t", name, strict)
		}
	}
}

// payloadTypes returns the Go type names of the Request and Response
// fields of the action of the operation called name.
func payloadTypes(t *testing.T, name string) (req, resp string) {
	t.Helper()
	act, err := elasticache.Decode(secrettest.Event(name, `{}`, `{}`))
	require.NoError(t, err)
	at := reflect.TypeOf(act).Elem()
	rf, ok := at.FieldByName("Request")
	require.True(t, ok, name)
	sf, ok := at.FieldByName("Response")
	require.True(t, ok, name)
	return rf.Type.Elem().Name(), sf.Type.Elem().Name()
}
