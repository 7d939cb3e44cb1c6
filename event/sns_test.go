package event_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/cachetrail/cachetrail/event"
)

func TestParseSNSNotification(t *testing.T) {
	t.Parallel()
	const bare = `{"s3Bucket":"b","s3ObjectKey":["k1","k2"]}`
	for _, tc := range []struct {
		name    string
		in      string
		bucket  string
		keys    []string
		wantErr error
	}{
		{"bare", bare, "b", []string{"k1", "k2"}, nil},
		{"bom and spaces", "\xef\xbb\xbf { \"s3ObjectKey\" : [\"k\"], \"s3Bucket\" : \"b\" } ", "b", []string{"k"}, nil},
		{"envelope", snsEnvelope(t, bare), "b", []string{"k1", "k2"}, nil},
		{"envelope of other JSON", snsEnvelope(t, `{"a":1}`), "", nil, event.ErrNotNotification},
		{"envelope of text", snsEnvelope(t, `hello`), "", nil, event.ErrSyntax},
		{"envelope in an envelope", snsEnvelope(t, snsEnvelope(t, bare)), "", nil, event.ErrNotNotification},
		{"confirmation", `{"Type":"SubscriptionConfirmation","Message":"You have chosen to subscribe"}`, "", nil, event.ErrNotNotification},
		{"keys not a list", `{"s3Bucket":"b","s3ObjectKey":"k"}`, "", nil, event.ErrNotNotification},
		{"a record", rec("A"), "", nil, event.ErrNotNotification},
		{"array", `[` + bare + `]`, "", nil, event.ErrNotNotification},
		{"broken", `{"s3Bucket":"b",`, "", nil, event.ErrSyntax},
		{"empty", ``, "", nil, event.ErrSyntax},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			bucket, keys, err := event.ParseSNSNotification([]byte(tc.in))
			assert.Equal(t, tc.bucket, bucket)
			assert.Equal(t, tc.keys, keys)
			if tc.wantErr == nil {
				assert.NoError(t, err)
				return
			}
			assert.ErrorIs(t, err, tc.wantErr)
			_, ok := errors.AsType[*event.DecodeError](err)
			assert.True(t, ok, "%T", err)
		})
	}
}
