package event_test

import (
	"errors"
	"io"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/event"
)

func TestReaderDefaults(t *testing.T) {
	t.Parallel()
	// A 2 MiB record fits the default limit; 0 and negative limits keep it.
	big := `{"eventName":"Big","requestParameters":{"blob":"` + strings.Repeat("x", 2<<20) + `"}}`
	for _, opt := range []event.Option{nil, event.WithMaxRecordBytes(0), event.WithMaxRecordBytes(-1), event.WithMaxInputBytes(0)} {
		res, _ := readAll(t, []byte(big), opt)
		checkResults(t, res, wantEvent{0, "Big", nil})
	}
	assert.Equal(t, int64(16<<20), event.DefaultMaxRecordBytes)
	assert.Equal(t, int64(16<<30), event.DefaultMaxInputBytes)
}

func TestReaderEmptyInput(t *testing.T) {
	t.Parallel()
	for _, in := range []string{"", " \n\t", "\xef\xbb\xbf", "[]", `{"Records":[]}`, "[ ]\n[]"} {
		res, sum := readAll(t, []byte(in))
		assert.Empty(t, res, "%q", in)
		assert.Zero(t, sum.Records)
	}
}

func TestReaderNextAfterEnd(t *testing.T) {
	t.Parallel()
	r := event.NewReader(strings.NewReader(rec("A") + "\n" + rec("B")))
	for ev, err := range r.All() {
		require.NoError(t, err)
		assert.Equal(t, "A", ev.EventName)
		break // stopping early leaves the rest to Next
	}
	ev, err := r.Next()
	require.NoError(t, err)
	assert.Equal(t, "B", ev.EventName)
	for range 3 {
		ev, err = r.Next()
		assert.Nil(t, ev)
		assert.Equal(t, io.EOF, err)
	}
}

func TestReaderStrict(t *testing.T) {
	t.Parallel()
	res, _ := readAll(t, []byte(seedLines(t)[0]), event.Strict())
	require.Len(t, res, 1)
	require.NotNil(t, res[0].ev)
	assert.ErrorIs(t, res[0].err, event.ErrQuirk)
}

func TestWithSourceNameInParse(t *testing.T) {
	t.Parallel()
	_, err := event.Parse([]byte(`[]`), event.WithSourceName("f.json"))
	de, ok := errors.AsType[*event.DecodeError](err)
	require.True(t, ok)
	assert.Equal(t, "f.json", de.Source)
	// WithSkipped means nothing to Parse.
	ev, err := event.Parse([]byte(rec("A")), event.WithSkipped(func(event.Skipped) { t.Error("called") }))
	require.NoError(t, err)
	assert.Equal(t, "A", ev.EventName)
}

func TestWithSkippedConcurrent(t *testing.T) {
	t.Parallel()
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			n := 0
			in := strings.Repeat(`{"s3Bucket":"b","s3ObjectKey":[]}`+"\n", i+1)
			r := event.NewReader(strings.NewReader(in), event.WithSkipped(func(event.Skipped) { n++ }))
			for range r.All() {
			}
			assert.Equal(t, i+1, n)
		})
	}
	wg.Wait()
}
