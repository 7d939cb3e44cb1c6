package elasticache_test

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/elasticache"
	"github.com/cachetrail/cachetrail/event"
	"github.com/cachetrail/cachetrail/internal/testutil"
	"github.com/cachetrail/cachetrail/wire"
)

// decoded is everything the concurrency test computes from one record,
// as text, so that runs can be compared.
type decoded struct {
	event    string // the event re-encoded
	quirks   string // event quirks, version, source address, actor
	request  string // RequestJSON
	response string // ResponseJSON
	strings  string // String of the typed request and response
	action   string // resources, quirks and unmodeled of the action
}

// decodeShared computes a record's outputs from an event and action that
// other goroutines use at the same time.
func decodeShared(ev *event.Event, act elasticache.Action) decoded {
	var d decoded
	out, err := ev.MarshalJSON()
	d.event = fmt.Sprint(string(out), err)
	v, vok := ev.Version()
	addr, aok := ev.SourceAddr()
	d.quirks = fmt.Sprint(ev.Quirks(), v, vok, addr, aok, ev.Failed(), ev.UserIdentity.Actor(), reflect.TypeOf(ev.UserIdentity.Variant()), ev.Payload("requestParameters").Offset)
	if act == nil {
		return d
	}
	d.request = string(elasticache.RequestJSON(act))
	d.response = string(elasticache.ResponseJSON(act, elasticache.Normalize()))
	d.action = fmt.Sprint(act.Operation(), act.Resources(), act.Quirks(), act.Unmodeled())
	if rv := reflect.ValueOf(act).Elem(); rv.Kind() == reflect.Struct {
		for _, name := range []string{"Request", "Response"} {
			if f := rv.FieldByName(name); f.IsValid() && !f.IsNil() {
				if s, ok := f.Interface().(fmt.Stringer); ok {
					d.strings += s.String()
				}
			}
		}
	}
	return d
}

// decodeFresh parses and decodes data anew.
func decodeFresh(data []byte) decoded {
	ev, _ := event.Parse(data)
	if ev == nil {
		return decoded{}
	}
	var act elasticache.Action
	if ev.EventSource == elasticache.Source {
		act, _ = elasticache.Decode(ev)
	}
	return decodeShared(ev, act)
}

// readShapes reads a stream with Actions and with a bare Reader and
// lists what each yields.
func readShapes(data []byte) string {
	var b strings.Builder
	for act, err := range elasticache.Actions(bytes.NewReader(data), event.WithSourceName("log")) {
		fmt.Fprintln(&b, act.Operation(), err, string(elasticache.RequestJSON(act)))
	}
	r := event.NewReader(bytes.NewReader(data))
	for ev, err := range r.All() {
		if ev != nil {
			fmt.Fprintln(&b, ev.EventName, ev.Origin(), err)
		}
	}
	fmt.Fprintln(&b, r.Summary())
	return b.String()
}

// TestConcurrentUse decodes the same inputs from many goroutines at once
// (run it with -race): Parse, Decode, MarshalJSON, RequestJSON,
// ResponseJSON, String and the accessors on events and actions shared by
// all goroutines, fresh Parse and Decode of the same bytes, and Actions
// and Readers (one per goroutine, as a Reader is not safe for concurrent
// use) over the same log, plain and gzipped. Every goroutine must get
// what a lone run gets.
func TestConcurrentUse(t *testing.T) {
	files := testutil.Fixtures(t, "seed", "userid", "quirks", "elasticache")
	require.NotEmpty(t, files)
	type fixture struct {
		data []byte
		ev   *event.Event
		act  elasticache.Action
		want decoded
	}
	var fixtures []fixture
	var records []string
	for _, name := range files {
		data, err := os.ReadFile(testutil.Testdata(name))
		require.NoError(t, err)
		ev, _ := event.Parse(data)
		require.NotNil(t, ev, name)
		var act elasticache.Action
		if ev.EventSource == elasticache.Source {
			act, _ = elasticache.Decode(ev)
		}
		fixtures = append(fixtures, fixture{data, ev, act, decodeFresh(data)})
		records = append(records, string(bytes.TrimPrefix(bytes.TrimSpace(data), []byte("\xef\xbb\xbf"))))
	}
	log := []byte(`{"Records":[` + strings.Join(records, ",") + `]}`)
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	_, err := zw.Write(log)
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	streams := [][]byte{log, gz.Bytes()}
	var wantStreams []string
	for _, s := range streams {
		wantStreams = append(wantStreams, readShapes(s))
	}
	require.Contains(t, wantStreams[0], "CreateCacheCluster")
	require.Equal(t, wantStreams[0], wantStreams[1], "gzip reads the same")

	const goroutines = 8
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Go(func() {
			for i := range fixtures {
				f := &fixtures[(i+g)%len(fixtures)] // each goroutine starts elsewhere
				assert.Equal(t, f.want, decodeShared(f.ev, f.act), "shared %d", i)
				assert.Equal(t, f.want, decodeFresh(f.data), "fresh %d", i)
				if f.act != nil {
					again, _ := elasticache.Decode(f.ev) // Decode of a shared event
					assert.Equal(t, f.want, decodeShared(f.ev, again), "decoded again %d", i)
				}
				_, _ = wire.ParseTime(f.ev.EventTime.String())
			}
			s := g % len(streams)
			assert.Equal(t, wantStreams[s], readShapes(streams[s]), "stream %d", s)
		})
	}
	wg.Wait()
}
