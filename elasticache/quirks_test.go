package elasticache_test

import (
	"errors"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/elasticache"
	"github.com/cachetrail/cachetrail/event"
	"github.com/cachetrail/cachetrail/internal/testutil"
	"github.com/cachetrail/cachetrail/wire"
)

// quirkFixtures names, for each quirk fixture, the quirk strict mode must
// report, whether event.Parse or elasticache.Decode forgives it.
var quirkFixtures = map[string]wire.QuirkKind{
	"trailing_comma_object.json":  wire.QuirkTrailingComma,
	"trailing_comma_array.json":   wire.QuirkTrailingComma,
	"bom.json":                    wire.QuirkByteOrderMark,
	"gson_event_time.json":        wire.QuirkNonRFC3339Time,
	"gson_comma_time.json":        wire.QuirkNonRFC3339Time,
	"java_date_event_time.json":   wire.QuirkNonRFC3339Time,
	"epoch_millis_time.json":      wire.QuirkNumberAsTime,
	"empty_object_as_list.json":   wire.QuirkEmptyObjectAsList,
	"number_as_string.json":       wire.QuirkStringAsNumber,
	"bool_as_string.json":         wire.QuirkStringAsBool,
	"hidden_value.json":           wire.QuirkKeptRaw,
	"leading_zero_ip.json":        wire.QuirkNonCanonicalIP,
	"empty_string_as_absent.json": wire.QuirkEmptyStringAsAbsent,
	"flat_output.json":            wire.QuirkFlatOutput,
}

// TestStrictReportsEveryQuirkFixture checks that strict mode turns each
// documented quirk into an error naming its kind, path and offset, and
// that the quirk-free fixtures pass strict mode.
func TestStrictReportsEveryQuirkFixture(t *testing.T) {
	t.Parallel()
	for _, name := range testutil.Fixtures(t, "quirks") {
		base := name[len("quirks/"):]
		t.Run(base, func(t *testing.T) {
			data, err := os.ReadFile(testutil.Testdata(name))
			require.NoError(t, err)
			ev, perr := event.Parse(data, event.Strict())
			require.NotNil(t, ev)
			_, derr := elasticache.Decode(ev, event.Strict())
			err = errors.Join(perr, derr)
			want, isQuirk := quirkFixtures[base]
			if !isQuirk {
				assert.NoError(t, err, "no quirk to forgive")
				return
			}
			require.Error(t, err)
			found := false
			for _, e := range flatten(err) {
				var de *event.DecodeError
				if errors.As(e, &de) && de.Quirk == want {
					found = true
					assert.True(t, errors.Is(de, event.ErrQuirk))
					if want != wire.QuirkByteOrderMark { // the BOM is before any value
						assert.NotEmpty(t, de.Path, "path")
					}
					assert.Positive(t, de.Offset+1, "offset")
					if de.Offset > 0 {
						assert.Less(t, de.Offset, int64(len(data)))
					}
				}
			}
			assert.True(t, found, "strict mode reports %s: %v", want, err)
			// Tolerant mode forgives it.
			ev2, perr2 := event.Parse(data)
			require.NoError(t, perr2)
			_, derr2 := elasticache.Decode(ev2)
			assert.NoError(t, derr2)
		})
	}
}

func flatten(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, flatten(e)...)
		}
		return out
	}
	return []error{err}
}
