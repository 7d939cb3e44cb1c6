package event

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestByteMask(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		var b [8]byte
		for i := range b {
			switch r.IntN(4) {
			case 0:
				b[i] = '"'
			case 1:
				b[i] = byte(r.IntN(256))
			case 2:
				b[i] = '"' ^ byte(1<<r.IntN(8))
			default:
				b[i] = 0xa2
			}
		}
		x := uint64(0)
		want := uint64(0)
		for i := 7; i >= 0; i-- {
			x = x<<8 | uint64(b[i])
		}
		for i := range b {
			if b[i] == '"' {
				want |= 1 << i
			}
		}
		assert.Equal(t, want, byteMask(x, '"'), "%q", b[:])
	}
}

func TestPrefixXOR(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for n := range 20000 {
		m := uint64(n) // every 8-bit mask, then random ones with junk above bit 31
		if n >= 256 {
			m = r.Uint64()
		}
		want, parity := uint64(0), uint64(0)
		for i := range 32 {
			parity ^= m >> i & 1
			want |= parity << i
		}
		assert.Equal(t, want, prefixXOR(m), "%064b", m)
	}
}

// readSummary reads data unfiltered and filtered by source, by name and
// by both (the filters use the members the scanner lists, and reject
// records early), and describes every result, skipped item and the
// summary: what the scanner's fast paths must not change.
func readSummary(data []byte) []string {
	out, _ := readSummaryWith(data)
	for _, opts := range summaryFilters {
		lines, _ := readSummaryWith(data, opts...)
		out = append(append(out, "-- filtered"), lines...)
	}
	return out
}

var summaryFilters = [][]Option{
	{WithEventSources("elasticache.amazonaws.com", "ec2.amazonaws.com")},
	{WithEventNames("CreateCacheCluster", "ModifyCacheCluster", "DescribeInstances", "RunInstances")},
	{WithEventSources("elasticache.amazonaws.com", "ec2.amazonaws.com"),
		WithEventNames("CreateCacheCluster", "ModifyCacheCluster", "DescribeInstances", "RunInstances")},
}

// readSummaryWith describes the results of reading data with opts, and
// returns how many records the reader scanned again after rejecting them
// early.
func readSummaryWith(data []byte, opts ...Option) ([]string, int) {
	return readSummaryFrom(bytes.NewReader(data), opts...)
}

func readSummaryFrom(in io.Reader, opts ...Option) ([]string, int) {
	var out []string
	opts = append(opts, WithSkipped(func(s Skipped) {
		out = append(out, "skipped "+string(s.Kind)+" "+strconv.FormatInt(s.Origin.Offset, 10)+" "+strconv.Itoa(s.Origin.Index))
	}))
	r := NewReader(in, opts...)
	for ev, err := range r.All() {
		line := ""
		if ev != nil {
			line = ev.EventName + " " + ev.EventSource + " " + strconv.FormatInt(ev.Origin().Offset, 10) + " " + strconv.Itoa(ev.Origin().Index)
		}
		if err != nil {
			line += " error: " + err.Error()
		}
		out = append(out, line)
	}
	return append(out, fmt.Sprintf("summary %+v", r.Summary())), r.rescans
}

// TestSkipNestedChangesNothing reads every file of testdata and thousands
// of mutations of log files (quotes, backslashes, brackets and newlines
// inserted, bytes dropped) with the fast path for nested values and with
// the byte loop alone, and requires the same results.
func TestSkipNestedChangesNothing(t *testing.T) {
	junk := []string{`"`, `\`, `{`, `}`, `[`, `]`, "\n", `,`, `:`, `y`, ` `, "\xff"}
	requireSameOnMutations(t, setNestedFastPath, nil, junk, 5, 3000)
}

// FuzzSkipNested reads any stream with the fast path for nested values and
// with the byte loop alone, unfiltered and filtered, and requires the same
// results. Seeds: every JSON file of testdata and blocks that put quotes,
// backslashes and brackets on both sides of the 32-byte steps.
func FuzzSkipNested(f *testing.F) {
	for _, data := range testdataJSON(f) {
		f.Add(data)
	}
	pad := strings.Repeat("x", 29)
	f.Add([]byte(`{"Records":[{"a":{"b":"` + pad + `\"}]","c":[{"d":"}"}]},"eventSource":"ec2.amazonaws.com"}]}`))
	f.Add([]byte(`{"a":{"` + pad + `":{"` + pad + `{[":"]}"},"y":"Y\` + "\x7f" + `"}}` + "\n" + `{"a":[[[` + pad + `]]]}`))
	f.Fuzz(fuzzSame(setNestedFastPath))
}
