package elasticache_test

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/elasticache"
	"github.com/cachetrail/cachetrail/event"
	"github.com/cachetrail/cachetrail/internal/testutil"
	"github.com/cachetrail/cachetrail/wire"
)

// hostileShape builds an ElastiCache record of about n units of one
// pathological shape.
type hostileShape struct {
	name string
	n    int // units at 1x: a megabyte or so, past the caches
	make func(n int) []byte
}

// hostileRecord is a record of eventName with the given payloads and
// extra envelope members (each starting with a comma, or empty).
func hostileRecord(eventName, extra, req, resp string) []byte {
	var b bytes.Buffer
	b.WriteString(`{"eventVersion":"1.08","eventTime":"2024-01-02T03:04:05Z","eventSource":"elasticache.amazonaws.com",`)
	b.WriteString(`"eventName":"` + eventName + `","awsRegion":"us-east-1","userAgent":"ua"`)
	b.WriteString(extra)
	b.WriteString(`,"requestParameters":` + req + `,"responseElements":` + resp + `}`)
	return b.Bytes()
}

// repeat joins n copies of unit(i) with commas.
func repeat(n int, unit func(i int) string) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(unit(i))
	}
	return b.String()
}

func distinct(i int) string { return `"m` + strconv.Itoa(i) + `":1` }

// deep is an array nested depth levels.
func deep(depth int) string { return strings.Repeat("[", depth) + strings.Repeat("]", depth) }

var hostileShapes = []hostileShape{
	{"names/top", 100000, func(n int) []byte {
		return hostileRecord("CreateReplicationGroup", ","+repeat(n, distinct), `{"replicationGroupId":"r"}`, "null")
	}},
	{"names/request", 100000, func(n int) []byte {
		return hostileRecord("CreateReplicationGroup", "", `{"replicationGroupId":"r",`+repeat(n, distinct)+`}`, "null")
	}},
	{"names/response", 100000, func(n int) []byte {
		return hostileRecord("DescribeCacheClusters", "", "{}", `{"cacheClusters":[],`+repeat(n, distinct)+`}`)
	}},
	{"names/nested", 100000, func(n int) []byte {
		return hostileRecord("CreateReplicationGroup", "", `{"tags":[{"key":"k",`+repeat(n, distinct)+`}]}`, "null")
	}},
	{"names/nested-user", 100000, func(n int) []byte {
		return hostileRecord("CreateUser", "", `{"userId":"u","authenticationMode":{"type":"iam",`+repeat(n, distinct)+`}}`, "null")
	}},
	{"names/duplicates", 20000, func(n int) []byte {
		// Distinct unknown names, each duplicated, and a typed one.
		return hostileRecord("CreateReplicationGroup", "", `{`+repeat(n, func(i int) string {
			return distinct(i) + `,"replicationGroupId":null,` + distinct(i) + `,"replicationGroupId":"r"`
		})+`}`, "null")
	}},
	{"quirks/trailing-commas", 40000, func(n int) []byte {
		return hostileRecord("CreateReplicationGroup", "", `{"tags":[`+repeat(n, func(int) string { return `{"key":"k",}` })+`,],`+
			repeat(n, func(i int) string { return `"u` + strconv.Itoa(i) + `":[1,]` })+`}`, "null")
	}},
	{"quirks/duplicate-names", 40000, func(n int) []byte {
		return hostileRecord("CreateReplicationGroup", ","+repeat(n, func(int) string { return `"x":1` }),
			`{`+repeat(n, func(int) string { return `"replicationGroupId":"r"` })+`}`, "null")
	}},
	{"quirks/invalid-utf8-one", 400000, func(n int) []byte {
		return hostileRecord("CreateReplicationGroup", `,"errorMessage":"`+strings.Repeat("\xff", n)+`"`,
			`{"replicationGroupId":"`+strings.Repeat("\xfe", n)+`","x":"`+strings.Repeat("\xfd", n)+`"}`, "null")
	}},
	{"quirks/invalid-utf8-many", 140000, func(n int) []byte {
		bad := func(int) string { return "\"\xff\"" }
		return hostileRecord("CreateReplicationGroup", "", `{"cacheSecurityGroupNames":[`+repeat(n, bad)+`],"x":[`+repeat(n, bad)+`]}`, "null")
	}},
	{"quirks/string-as-number", 60000, func(n int) []byte {
		return hostileRecord("DescribeCacheClusters", "", "{}", `{"cacheClusters":[`+repeat(n, func(int) string { return `{"numCacheNodes":"1"}` })+`]}`)
	}},
	{"quirks/empty-object-as-list", 60000, func(n int) []byte {
		return hostileRecord("DescribeCacheClusters", "", "{}", `{"cacheClusters":[`+repeat(n, func(int) string { return `{"cacheNodes":{}}` })+`]}`)
	}},
	{"quirks/non-rfc3339-time", 20000, func(n int) []byte {
		return hostileRecord("DescribeCacheClusters", "", "{}", `{"cacheClusters":[`+repeat(n, func(int) string {
			return `{"cacheClusterCreateTime":"Dec 1, 2014 10:16:06 PM"}`
		})+`]}`)
	}},
	{"quirks/kept-raw", 60000, func(n int) []byte {
		return hostileRecord("DescribeCacheClusters", "", "{}", `{"cacheClusters":[`+repeat(n, func(int) string { return `{"cacheNodes":"x"}` })+`]}`)
	}},
	{"nesting/deep", 1000, func(n int) []byte {
		// Eight values nested n levels (8n stays under the default limit).
		return hostileRecord("CreateReplicationGroup", `,"x":`+deep(n), `{"y":`+deep(n)+`,"tags":[{"z":`+deep(n)+`}]}`, `{"w":`+deep(n)+`}`)
	}},
	{"escapes/unicode", 50000, func(n int) []byte {
		s := strings.Repeat(`\u00e9`, n)
		return hostileRecord("CreateReplicationGroup", `,"errorMessage":"`+s+`"`, `{"replicationGroupId":"`+s+`","x":"`+s+`"}`, "null")
	}},
	{"escapes/backslash", 200000, func(n int) []byte {
		s := strings.Repeat(`\\`, n)
		return hostileRecord("CreateReplicationGroup", `,"errorMessage":"`+s+`"`, `{"replicationGroupId":"`+s+`","x":"`+s+`"}`, "null")
	}},
}

// decodeOne parses and decodes one record, failing on a syntax error.
func decodeOne(tb testing.TB, rec []byte) (*event.Event, elasticache.Action) {
	ev, err := event.Parse(rec)
	if ev == nil {
		tb.Fatalf("Parse: %v", err)
	}
	a, err := elasticache.Decode(ev)
	if a == nil {
		tb.Fatalf("Decode: %v", err)
	}
	return ev, a
}

// readOne reads the record as a one-record stream and decodes it.
func readOne(tb testing.TB, rec []byte) {
	r := event.NewReader(bytes.NewReader(rec))
	ev, err := r.Next()
	if ev == nil {
		tb.Fatalf("Next: %v", err)
	}
	if a, err := elasticache.Decode(ev); a == nil {
		tb.Fatalf("Decode: %v", err)
	}
}

// TestHostileDecodeTime checks that decoding time is linear in the size of
// each pathological shape.
func TestHostileDecodeTime(t *testing.T) {
	if testing.Short() {
		t.Skip("timing")
	}
	for _, s := range hostileShapes {
		t.Run(s.name, func(t *testing.T) {
			testutil.Linear(t, s.n, s.make, func(in []byte) { decodeOne(t, in) })
		})
	}
}

// TestHostileDecodeMemory checks the allocation bound of one record of
// each shape, through Parse and through NewReader.
func TestHostileDecodeMemory(t *testing.T) {
	testutil.SkipRace(t) // before building the records, which is slow under -race
	for _, s := range hostileShapes {
		rec := s.make(8 * s.n)
		t.Run(s.name+"/parse", func(t *testing.T) {
			testutil.AllocBound(t, len(rec), func() { decodeOne(t, rec) })
		})
		t.Run(s.name+"/reader", func(t *testing.T) {
			testutil.AllocBound(t, len(rec), func() { readOne(t, rec) })
		})
	}
}

// TestHostileDecodeQuirksBounded checks that a record with a million
// quirks lists a bounded number, keeps every kind's first position and
// counts them all.
func TestHostileDecodeQuirksBounded(t *testing.T) {
	const n = 50000
	// The status pads each cluster, so that the list is not too dense to
	// decode typed (a CacheCluster and its values take 776 bytes).
	pad := strings.Repeat("available", 10)
	rec := hostileRecord("DescribeCacheClusters", ","+repeat(n, func(int) string { return `"x":[1,]` }), "{}",
		`{"cacheClusters":[`+repeat(n, func(int) string { return `{"numCacheNodes":"1","cacheNodes":{},"cacheClusterStatus":"` + pad + `",}` })+`]}`)
	ev, a := decodeOne(t, rec)
	count := func(qs []wire.Quirk) map[wire.QuirkKind]int {
		c := map[wire.QuirkKind]int{}
		for _, q := range qs {
			c[q.Kind] += 1 + q.Repeats
		}
		return c
	}
	assert.LessOrEqual(t, len(ev.Quirks()), 120)
	assert.LessOrEqual(t, len(a.Quirks()), 120)
	// The envelope reads the payloads raw: it counts their trailing commas.
	assert.Equal(t, map[wire.QuirkKind]int{wire.QuirkDuplicateName: n - 1, wire.QuirkTrailingComma: 2 * n}, count(ev.Quirks()))
	assert.Equal(t, map[wire.QuirkKind]int{wire.QuirkStringAsNumber: n, wire.QuirkEmptyObjectAsList: n}, count(a.Quirks()))
	first := map[wire.QuirkKind]wire.Quirk{}
	for _, q := range a.Quirks() {
		if f, ok := first[q.Kind]; !ok || q.Offset < f.Offset {
			first[q.Kind] = q
		}
	}
	i := bytes.Index(rec, []byte(`"1"`))
	assert.Equal(t, int64(i), first[wire.QuirkStringAsNumber].Offset)
	assert.Equal(t, "responseElements.cacheClusters[0].numCacheNodes", first[wire.QuirkStringAsNumber].Path)
	assert.Equal(t, int64(i+17), first[wire.QuirkEmptyObjectAsList].Offset)

	// Strict mode fails on the first, with a bounded number of errors.
	_, err := elasticache.Decode(ev, event.Strict())
	require.Error(t, err)
	assert.Contains(t, err.Error(), "forgiven string-as-number")
	assert.Less(t, strings.Count(err.Error(), "\n"), 130)
	assert.Contains(t, err.Error(), "more")
}

// BenchmarkHostileDecode reports the decoding time of each shape at 1x and
// 8x its size.
func BenchmarkHostileDecode(b *testing.B) {
	for _, s := range hostileShapes {
		for _, k := range []int{1, 8} {
			rec := s.make(k * s.n)
			b.Run(s.name+"/"+strconv.Itoa(k)+"x", func(b *testing.B) {
				b.SetBytes(int64(len(rec)))
				b.ReportAllocs()
				for b.Loop() {
					decodeOne(b, rec)
				}
			})
		}
	}
}
