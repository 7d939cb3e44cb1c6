package elasticache_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"io"
	"os"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/elasticache"
	"github.com/cachetrail/cachetrail/event"
	"github.com/cachetrail/cachetrail/internal/jsonx"
	"github.com/cachetrail/cachetrail/internal/testutil"
	"github.com/cachetrail/cachetrail/wire"
)

// rawEnvelopeMembers are the envelope members whose contents are defined
// by each service and kept as raw JSON on the event: everything under
// them is captured raw. requestParameters and responseElements are raw
// too, except in ElastiCache records, where Decode types them.
var rawEnvelopeMembers = []string{"additionalEventData", "serviceEventDetails", "eventContext", "edgeDeviceDetails", "insightDetails"}

// leafPaths lists the paths of the leaves of a JSON text: its scalars
// (null included) and its empty objects and arrays, as "a.b[0].c" (the
// form of DecodeError.Path and Unmodeled.Path), each prefixed with
// prefix. The text may have the quirks Parse forgives: a byte order mark
// and trailing commas. A name given twice yields its path once.
func leafPaths(t *testing.T, text []byte, prefix string) []string {
	t.Helper()
	d := jsonx.NewDecoder(string(text), jsonx.Options{})
	d.SkipBOM()
	raw, ok := d.Raw()
	require.True(t, ok, "not JSON: %v\n%s", d.Err(), text)
	dec := json.NewDecoder(strings.NewReader(raw))
	dec.UseNumber()
	type level struct {
		path     string
		array    bool
		index    int
		children int
		key      string // the member name read, waiting for its value
		haveKey  bool
	}
	var (
		stack []*level
		out   []string
	)
	valuePath := func() string {
		if len(stack) == 0 {
			return prefix
		}
		l := stack[len(stack)-1]
		l.children++
		if l.array {
			l.index++
			return l.path + "[" + strconv.Itoa(l.index-1) + "]"
		}
		l.haveKey = false
		if l.path == "" {
			return l.key
		}
		return l.path + "." + l.key
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		if len(stack) > 0 {
			if l := stack[len(stack)-1]; !l.array && !l.haveKey {
				if key, ok := tok.(string); ok {
					l.key, l.haveKey = key, true
					continue
				}
			}
		}
		switch tok {
		case json.Delim('{'), json.Delim('['):
			p := valuePath()
			stack = append(stack, &level{path: p, array: tok == json.Delim('[')})
		case json.Delim('}'), json.Delim(']'):
			l := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if l.children == 0 {
				out = append(out, l.path)
			}
		default:
			out = append(out, valuePath())
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// under reports whether path is p or inside the value at p.
func under(path, p string) bool {
	return path == p || strings.HasPrefix(path, p+".") || strings.HasPrefix(path, p+"[")
}

// keptMember is a member a typed value did not capture, with its path.
type keptMember struct {
	path string
	wire.Member
}

// stripUnknown walks v (a pointer to a struct of the typed model) and
// clears every field named Unknown of type wire.Members, returning the
// members it held with their paths, found from the json tags. path is
// the path of v itself.
func stripUnknown(v reflect.Value, path string) []keptMember {
	join := func(name string) string {
		if path == "" {
			return name
		}
		return path + "." + name
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return nil
		}
		return stripUnknown(v.Elem(), path)
	case reflect.Slice, reflect.Array:
		var out []keptMember
		for i := range v.Len() {
			out = append(out, stripUnknown(v.Index(i), path+"["+strconv.Itoa(i)+"]")...)
		}
		return out
	case reflect.Map:
		var out []keptMember
		iter := v.MapRange()
		for iter.Next() {
			out = append(out, stripUnknown(iter.Value(), join(iter.Key().String()))...)
		}
		return out
	case reflect.Struct:
		var out []keptMember
		for i := range v.NumField() {
			f := v.Type().Field(i)
			if !f.IsExported() {
				continue
			}
			if f.Name == "Unknown" && f.Type == reflect.TypeFor[wire.Members]() {
				for _, m := range v.Field(i).Interface().(wire.Members) {
					out = append(out, keptMember{join(m.Name), m})
				}
				v.Field(i).Set(reflect.Zero(f.Type))
				continue
			}
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "-" || name == "" {
				continue
			}
			out = append(out, stripUnknown(v.Field(i), join(name))...)
		}
		return out
	}
	return nil
}

// recordSource is one record and where it came from.
type recordSource struct {
	name string
	data []byte
}

// fixtureRecords returns every single-record fixture and every record of
// the sample files (a gzipped log file, EventBridge events, JSON Lines)
// and of shapes/nonrecords.jsonl, split out with encoding/json; the
// records of the samples are checked to come out of the Reader as Parse
// gives them alone.
func fixtureRecords(t *testing.T) []recordSource {
	var out []recordSource
	for _, name := range testutil.Fixtures(t, "seed", "userid", "quirks", "elasticache") {
		data, err := os.ReadFile(testutil.Testdata(name))
		require.NoError(t, err)
		out = append(out, recordSource{name, data})
	}
	for _, name := range []string{"samples/cloudtrail-20141201.json.gz", "samples/eventbridge-20141202.json", "samples/export-20141202.jsonl", "shapes/nonrecords.jsonl"} {
		data, err := os.ReadFile(testutil.Testdata(name))
		require.NoError(t, err)
		if strings.HasSuffix(name, ".gz") {
			zr, err := gzip.NewReader(bytes.NewReader(data))
			require.NoError(t, err)
			data, err = io.ReadAll(zr)
			require.NoError(t, err)
		}
		var recs [][]byte
		for _, item := range strictValues(t, data) {
			var v struct {
				Records    []json.RawMessage
				DetailType string          `json:"detail-type"`
				Detail     json.RawMessage `json:"detail"`
				Version    *string         `json:"eventVersion"`
			}
			require.NoError(t, json.Unmarshal(item, &v), "%s: %s", name, item)
			switch {
			case v.Records != nil:
				for _, r := range v.Records {
					recs = append(recs, r)
				}
			case strings.HasSuffix(v.DetailType, "via CloudTrail"):
				recs = append(recs, v.Detail)
			case v.Version != nil:
				recs = append(recs, item)
			}
		}
		require.NotEmpty(t, recs, name)
		var want []string
		for i, r := range recs {
			out = append(out, recordSource{name + "#" + strconv.Itoa(i), r})
			ev, _ := event.Parse(r)
			require.NotNil(t, ev)
			want = append(want, marshalEvent(t, ev))
		}
		var got []string
		for ev, err := range event.NewReader(bytes.NewReader(data)).All() {
			require.NotNil(t, ev, "%s: %v", name, err)
			got = append(got, marshalEvent(t, ev))
		}
		assert.Equal(t, want, got, "%s: the reader returns the records Parse gives", name)
	}
	return out
}

// strictValues splits a stream of JSON values, with the quirks Parse
// forgives, into strict JSON texts (trailing commas blanked).
func strictValues(t *testing.T, data []byte) [][]byte {
	d := jsonx.NewDecoder(string(data), jsonx.Options{})
	d.SkipBOM()
	var out [][]byte
	for d.Kind() != 0 {
		raw, ok := d.Raw()
		require.True(t, ok, "%v", d.Err())
		out = append(out, []byte(raw))
	}
	return out
}

func marshalEvent(t *testing.T, ev *event.Event) string {
	out, err := ev.MarshalJSON()
	require.NoError(t, err)
	return string(out)
}

// errorPaths lists the paths of the ErrType errors in err.
func errorPaths(err error) []string {
	var out []string
	for _, e := range flatten(err) {
		if de, ok := errors.AsType[*event.DecodeError](e); ok && errors.Is(de, event.ErrType) {
			out = append(out, de.Path)
		}
	}
	return out
}

// TestNothingLost checks, for every record of testdata/ (the fixtures
// under seed/, userid/, quirks/ and elasticache/, and the records of
// samples/ and shapes/nonrecords.jsonl read through the Reader), that
// every leaf of the input is accounted for.
//
// The leaves of a JSON text are its scalars (null included) and its
// empty objects and arrays, named by path ("requestParameters.
// cacheNodeIdsToReboot[0]"). Let
//
//   - In be the leaf paths of the record as written;
//   - Typed be the leaf paths of the typed model's re-encoding with every
//     Unknown field of every struct cleared (found by reflection) and the
//     raw members removed: Event.MarshalJSON for the envelope, and for an
//     ElastiCache record RequestJSON and ResponseJSON of the action
//     elasticache.Decode returns, under requestParameters and
//     responseElements (for *Unrecognized, none: its payloads are
//     reported unmodeled), and the payload's own path when it is an
//     explicit null, which the event keeps;
//   - Kept be the members held in those Unknown fields, each with its path
//     and reason;
//   - Raw be the service-defined members kept raw on the event:
//     additionalEventData, serviceEventDetails, eventContext,
//     edgeDeviceDetails, insightDetails, and requestParameters and
//     responseElements of records from other services.
//
// The test requires: Typed ⊆ In (the model invents nothing); each Kept
// member is reported: an unknown name by Action.Unmodeled (payload
// members) or by being in an Unknown field (envelope members), a value of
// the wrong type by an ErrType error or a kept-raw quirk at its path, and
// an explicit null is a null; each Action.Unmodeled path is a Kept
// member; and every path of In is in Typed or under the path of a Kept
// member, of a Raw member or of a kept-raw quirk (a value whose type does
// not fit, such as a payload that is a string, stays raw on the event).
func TestNothingLost(t *testing.T) {
	for _, src := range fixtureRecords(t) {
		t.Run(src.name, func(t *testing.T) {
			ev, parseErr := event.Parse(src.data)
			require.NotNil(t, ev, "%v", parseErr)
			in := leafPaths(t, src.data, "")
			reported := errorPaths(parseErr)
			var quirks []wire.Quirk
			quirks = append(quirks, ev.Quirks()...)

			var typed []string
			raw := slices.Clone(rawEnvelopeMembers)
			var act elasticache.Action
			var unmodeled []string
			if ev.EventSource == elasticache.Source {
				var err error
				act, err = elasticache.Decode(ev)
				require.NotNil(t, act)
				reported = append(reported, errorPaths(err)...)
				quirks = append(quirks, act.Quirks()...)
				for _, u := range act.Unmodeled() { // before stripUnknown takes the members away
					unmodeled = append(unmodeled, u.Path)
				}
			} else {
				raw = append(raw, "requestParameters", "responseElements")
			}
			var kept []keptMember
			if act != nil {
				if _, unrecognized := act.(*elasticache.Unrecognized); !unrecognized {
					v := reflect.ValueOf(act).Elem()
					kept = append(kept, stripUnknown(v.FieldByName("Request"), "requestParameters")...)
					kept = append(kept, stripUnknown(v.FieldByName("Response"), "responseElements")...)
					if req := elasticache.RequestJSON(act); req != nil {
						typed = append(typed, leafPaths(t, req, "requestParameters")...)
					}
					if resp := elasticache.ResponseJSON(act); resp != nil {
						typed = append(typed, leafPaths(t, resp, "responseElements")...)
					}
				}
			}

			for name, payload := range map[string][]byte{"requestParameters": ev.RequestParameters, "responseElements": ev.ResponseElements} {
				if string(payload) == "null" {
					typed = append(typed, name) // the event keeps an explicit null
				}
			}

			// The envelope, stripped of raw and unknown parts.
			bare, _ := event.Parse(src.data)
			bare.RequestParameters, bare.ResponseElements = nil, nil
			bare.AdditionalEventData, bare.ServiceEventDetails, bare.EventContext = nil, nil, nil
			bare.EdgeDeviceDetails, bare.InsightDetails = nil, nil
			kept = append(kept, stripUnknown(reflect.ValueOf(bare), "")...)
			typed = append(typed, leafPaths(t, []byte(marshalEvent(t, bare)), "")...)

			for _, p := range typed {
				// An object whose members all went to Unknown (each ""
				// read as absent) re-encodes as {} once they are stripped.
				emptied := slices.ContainsFunc(in, func(q string) bool { return strings.HasPrefix(q, p+".") })
				assert.True(t, slices.Contains(in, p) || emptied, "typed path %s not in the input", p)
			}
			keptRaw := func(p string) bool {
				for _, q := range quirks {
					if q.Kind == wire.QuirkKeptRaw && q.Path == p {
						return true
					}
				}
				return false
			}
			var covered []string
			for _, k := range kept {
				switch k.Reason {
				case wire.ReasonUnknown:
					if strings.HasPrefix(k.path, "requestParameters") || strings.HasPrefix(k.path, "responseElements") {
						assert.Contains(t, unmodeled, k.path, "unknown payload member not listed by Unmodeled")
					}
				case wire.ReasonMismatch:
					assert.True(t, slices.Contains(reported, k.path) || keptRaw(k.path), "mismatched %s neither an error nor a kept-raw quirk", k.path)
				case wire.ReasonNull:
					// An explicit null, or "" read as absent (a quirk).
					if string(k.Value) != "null" {
						assert.Equal(t, `""`, string(k.Value), k.path)
						assert.True(t, testutil.QuirkAt(quirks, k.path, wire.QuirkEmptyStringAsAbsent), "%s: \"\" without its quirk", k.path)
					}
				default:
					t.Errorf("%s: reason %v", k.path, k.Reason)
				}
				covered = append(covered, k.path)
			}
			for _, u := range unmodeled {
				if _, unrecognized := act.(*elasticache.Unrecognized); !unrecognized {
					assert.Contains(t, covered, u, "Unmodeled path not kept")
				}
				covered = append(covered, u)
			}
			covered = append(covered, raw...)
			for _, q := range quirks {
				if q.Kind == wire.QuirkKeptRaw {
					covered = append(covered, q.Path) // such as a payload that is not an object
				}
			}
			for _, p := range in {
				if slices.Contains(typed, p) || slices.ContainsFunc(covered, func(c string) bool { return under(p, c) }) {
					continue
				}
				t.Errorf("lost: %s is neither typed nor kept nor raw", p)
			}
		})
	}
}
