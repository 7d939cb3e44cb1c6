package event_test

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/event"
	"github.com/cachetrail/cachetrail/internal/testutil"
)

// snsShapes are notifications a hostile publisher to the topic or queue
// could send, built at size n.
var snsShapes = map[string]func(n int) []byte{
	"distinct names": func(n int) []byte {
		var b strings.Builder
		b.WriteString(`{"s3Bucket":"b","s3ObjectKey":["k"]`)
		for i := 0; b.Len() < n; i++ {
			fmt.Fprintf(&b, `,"n%d":%d`, i, i)
		}
		return []byte(b.String() + "}")
	},
	"duplicate names": func(n int) []byte {
		return []byte(`{"s3ObjectKey":["k"]` + strings.Repeat(`,"s3Bucket":"b"`, n/15) + "}")
	},
	"many keys": func(n int) []byte {
		return []byte(`{"s3Bucket":"b","s3ObjectKey":["k"` + strings.Repeat(`,"k"`, n/4) + "]}")
	},
	"white space": func(n int) []byte {
		return []byte(`{"s3Bucket":"b",` + strings.Repeat(" \n", n/2) + `"s3ObjectKey":["k"]}`)
	},
	"envelope with names": func(n int) []byte {
		var b strings.Builder
		b.WriteString(`{"s3Bucket":"b","s3ObjectKey":["k"]`)
		for i := 0; b.Len() < n; i++ {
			fmt.Fprintf(&b, `,"n%d":%d`, i, i)
		}
		b.WriteString("}")
		return []byte(`{"Type":"Notification","Message":` + strconv.Quote(b.String()) + `}`)
	},
}

func TestHostileSNSNotificationTime(t *testing.T) {
	for name, build := range snsShapes {
		t.Run(name, func(t *testing.T) {
			testutil.Linear(t, 1<<20, build, func(in []byte) {
				bucket, keys, err := event.ParseSNSNotification(in)
				require.NoError(t, err)
				assert.Equal(t, "b", bucket)
				assert.NotEmpty(t, keys)
			})
		})
	}
}

func TestHostileSNSNotificationMemory(t *testing.T) {
	testutil.SkipRace(t)
	for name, build := range snsShapes {
		t.Run(name, func(t *testing.T) {
			in := build(4 << 20)
			testutil.AllocBound(t, len(in), func() {
				_, _, err := event.ParseSNSNotification(in)
				assert.NoError(t, err)
			})
		})
	}
}

func BenchmarkHostileSNSNotification(b *testing.B) {
	for name, build := range snsShapes {
		for _, scale := range []int{1, testutil.ScaleFactor} {
			in := build(scale << 17)
			b.Run(fmt.Sprintf("%s/%dx", strings.ReplaceAll(name, " ", "_"), scale), func(b *testing.B) {
				b.SetBytes(int64(len(in)))
				for b.Loop() {
					_, _, _ = event.ParseSNSNotification(in)
				}
			})
		}
	}
}
