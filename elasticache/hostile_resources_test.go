package elasticache_test

import (
	"bytes"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/elasticache"
	"github.com/cachetrail/cachetrail/event"
	"github.com/cachetrail/cachetrail/internal/testutil"
)

// idListPosition is a payload member holding a list of ids that Resources
// reads.
type idListPosition struct {
	op, payload, wire string
}

func (p idListPosition) String() string { return p.op + "/" + p.payload + "." + p.wire }

// idListPositions finds, for every operation, each list-of-strings member
// of requestParameters and responseElements whose ids Resources reports.
func idListPositions(t testing.TB) []idListPosition {
	t.Helper()
	var ps []idListPosition
	for _, op := range elasticache.Operations() {
		act, err := elasticache.Decode(record(op, "{}", "{}"))
		require.NoError(t, err, op)
		v := reflect.ValueOf(act).Elem()
		for field, payload := range map[string]string{"Request": "requestParameters", "Response": "responseElements"} {
			st := v.FieldByName(field).Type().Elem()
			for i := range st.NumField() {
				f := st.Field(i)
				if f.Type != reflect.TypeFor[[]string]() {
					continue
				}
				wire, _, _ := strings.Cut(f.Tag.Get("json"), ",")
				p := idListPosition{op, payload, wire}
				if reportsIDs(t, p) {
					ps = append(ps, p)
				}
			}
		}
	}
	return ps
}

// reportsIDs reports whether Resources lists the ids given at p, checking
// that it lists each once, in order of first appearance.
func reportsIDs(t testing.TB, p idListPosition) bool {
	t.Helper()
	act, err := elasticache.Decode(event.MustParse(string(idListRecord(p, 40))))
	require.NoError(t, err, p)
	var got []string
	for _, r := range act.Resources() {
		if strings.HasPrefix(r.ID, "id-") {
			got = append(got, r.ID)
		}
	}
	if len(got) == 0 {
		return false
	}
	want := make([]string, 0, 30)
	for i := range 30 {
		want = append(want, "id-"+strconv.Itoa(i))
	}
	assert.Equal(t, want, got, "%v: each id once, in order of first appearance", p)
	return true
}

// idListRecord is a record whose member p lists n ids, a quarter of them
// repeating earlier ones.
func idListRecord(p idListPosition, n int) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, `{"eventVersion":"1.09","eventSource":"elasticache.amazonaws.com","eventName":%q,"awsRegion":"eu-west-1","recipientAccountId":"123456789012","%s":{"%s":[`, p.op, p.payload, p.wire)
	distinct := 0
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		id := distinct
		if i%4 == 3 {
			id = distinct / 2
		} else {
			distinct++
		}
		fmt.Fprintf(&b, `"id-%d"`, id)
	}
	b.WriteString("]}}")
	return b.Bytes()
}

func resourcesOf(in []byte) []elasticache.Resource {
	ev, err := event.Parse(in)
	if err != nil {
		panic(err)
	}
	act, err := elasticache.Decode(ev)
	if err != nil {
		panic(err)
	}
	return act.Resources()
}

// TestHostileResourcesIDLists checks that Resources takes time linear in
// the length of the id lists, at every position it reads ids from.
func TestHostileResourcesIDLists(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test")
	}
	ps := idListPositions(t)
	// BatchApplyUpdateAction and BatchStopUpdateAction alone have two each.
	require.GreaterOrEqual(t, len(ps), 20, "id-list positions found: %v", ps)
	for _, p := range ps {
		t.Run(p.String(), func(t *testing.T) {
			linearRetry(t, 20000, func(n int) []byte { return idListRecord(p, n) }, func(in []byte) { resourcesOf(in) })
		})
	}
}

// linearRetry is testutil.Linear given a second chance: on a busy shared
// machine one measurement can be off by more than 2x, while quadratic work
// fails both.
func linearRetry(t *testing.T, n int, build func(int) []byte, run func([]byte)) {
	t.Helper()
	first := &quietTB{TB: t}
	if testutil.Linear(first, n, build, run); !first.failed {
		return
	}
	t.Logf("retrying: %s", first.msg)
	testutil.Linear(t, n, build, run)
}

// quietTB records an error instead of failing the test.
type quietTB struct {
	testing.TB
	failed bool
	msg    string
}

func (q *quietTB) Errorf(format string, args ...any) {
	q.failed = true
	q.msg = fmt.Sprintf(format, args...)
}

func BenchmarkHostileResources(b *testing.B) {
	p := idListPosition{"BatchApplyUpdateAction", "requestParameters", "replicationGroupIds"}
	for _, scale := range []int{1, testutil.ScaleFactor} {
		b.Run(strconv.Itoa(scale)+"x", func(b *testing.B) {
			in := idListRecord(p, 20000*scale)
			b.SetBytes(int64(len(in)))
			b.ReportAllocs()
			for b.Loop() {
				resourcesOf(in)
			}
		})
	}
}
