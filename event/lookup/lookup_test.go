package lookup_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail/types"
	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/elasticache"
	"github.com/cachetrail/cachetrail/event"
	"github.com/cachetrail/cachetrail/event/lookup"
	"github.com/cachetrail/cachetrail/internal/testutil"
)

// targets are the X-Amz-Target values CloudTrail accepts for
// LookupEvents: the AWS CLI sends the first, the Go SDK the second.
var targets = []string{
	"com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents",
	"CloudTrail_20131101.LookupEvents",
}

// lookupRequest is the JSON body of a LookupEvents call.
type lookupRequest struct {
	StartTime        float64
	EndTime          float64
	MaxResults       int
	NextToken        string
	LookupAttributes []struct{ AttributeKey, AttributeValue string }
}

// fakeCloudTrail speaks enough of the CloudTrail JSON protocol for
// LookupEvents: it serves pages in order, following NextToken, and
// answers the calls listed in throttle with a ThrottlingException.
type fakeCloudTrail struct {
	t        *testing.T
	pages    [][]string // record texts of each page
	throttle map[int]bool
	errCode  string // if set, every call fails with it

	mu    sync.Mutex
	calls []lookupRequest
}

func (f *fakeCloudTrail) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	assert.Equal(f.t, http.MethodPost, r.Method)
	assert.Contains(f.t, targets, r.Header.Get("X-Amz-Target"))
	assert.Equal(f.t, "application/x-amz-json-1.1", r.Header.Get("Content-Type"))
	assert.Contains(f.t, r.Header.Get("Authorization"), "Credential=AKIDEXAMPLE/")
	assert.Contains(f.t, r.Header.Get("Authorization"), "/us-west-2/cloudtrail/aws4_request")
	body, err := io.ReadAll(r.Body)
	require.NoError(f.t, err)
	var req lookupRequest
	require.NoError(f.t, json.Unmarshal(body, &req), "%s", body)
	f.calls = append(f.calls, req)

	w.Header().Set("Content-Type", "application/x-amz-json-1.1")
	fail := func(code, msg string) {
		w.Header().Set("X-Amzn-ErrorType", code)
		w.WriteHeader(http.StatusBadRequest)
		json.NewEncoder(w).Encode(map[string]string{"__type": code, "message": msg})
	}
	switch {
	case f.errCode != "":
		fail(f.errCode, "no")
		return
	case f.throttle[len(f.calls)]:
		fail("ThrottlingException", "Rate exceeded")
		return
	}
	page := 0
	if req.NextToken != "" {
		_, err := fmtSscan(req.NextToken, &page)
		require.NoError(f.t, err)
	}
	var events []map[string]any
	for _, rec := range f.pages[page] {
		ev := event.MustParse(rec)
		events = append(events, map[string]any{
			"EventId":         ev.EventID,
			"EventName":       ev.EventName,
			"EventSource":     ev.EventSource,
			"EventTime":       ev.EventTime.Time().Unix(),
			"ReadOnly":        "false",
			"Username":        "elasticache-allow",
			"CloudTrailEvent": rec,
		})
	}
	out := map[string]any{"Events": events}
	if page+1 < len(f.pages) {
		out["NextToken"] = "page-" + string(rune('0'+page+1))
	}
	require.NoError(f.t, json.NewEncoder(w).Encode(out))
}

// fmtSscan reads the page number from a "page-N" token.
func fmtSscan(tok string, page *int) (int, error) {
	n := strings.TrimPrefix(tok, "page-")
	if len(n) != 1 || n[0] < '0' || n[0] > '9' {
		return 0, io.ErrUnexpectedEOF
	}
	*page = int(n[0] - '0')
	return 1, nil
}

// newClient returns a real SDK client pointed at srv, with static
// credentials, a fixed region and retries that do not wait.
func newClient(srv *httptest.Server) *cloudtrail.Client {
	return cloudtrail.New(cloudtrail.Options{
		Region:       "us-west-2",
		BaseEndpoint: aws.String(srv.URL),
		Credentials: aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
			return aws.Credentials{AccessKeyID: "AKIDEXAMPLE", SecretAccessKey: "secret", Source: "test"}, nil
		}),
		Retryer: retry.NewStandard(func(o *retry.StandardOptions) {
			o.Backoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return 0, nil })
		}),
	})
}

func seedRecords(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, name := range []string{"create_cache_cluster", "describe_cache_clusters", "modify_cache_cluster"} {
		data, err := os.ReadFile(testutil.Testdata("seed", name+".json"))
		require.NoError(t, err)
		out = append(out, strings.TrimSpace(string(data)))
	}
	return out
}

func TestEvents(t *testing.T) {
	t.Parallel()
	recs := seedRecords(t)
	fake := &fakeCloudTrail{t: t, pages: [][]string{{recs[0]}, {recs[1], recs[2]}, {recs[0]}}, throttle: map[int]bool{2: true}}
	srv := httptest.NewServer(fake)
	defer srv.Close()

	start := time.Date(2014, 12, 1, 0, 0, 0, 0, time.UTC)
	end := start.Add(24 * time.Hour)
	var got []*event.Event
	for ev, err := range lookup.Events(context.Background(), newClient(srv), start, end) {
		require.NoError(t, err)
		got = append(got, ev)
	}

	require.Len(t, got, 4)
	for i, ev := range got {
		want := event.MustParse(fake.pages[[]int{0, 1, 1, 2}[i]][[]int{0, 0, 1, 0}[i]])
		wantJSON, _ := want.MarshalJSON()
		gotJSON, _ := ev.MarshalJSON()
		assert.JSONEq(t, string(wantJSON), string(gotJSON))
		assert.Equal(t, event.Origin{Source: lookup.SourceName, Index: i}, ev.Origin())
	}
	assert.Equal(t, "CreateCacheCluster", got[0].EventName)
	assert.Equal(t, "ModifyCacheCluster", got[2].EventName)

	// Three pages, the second asked twice: throttled, then retried.
	require.Len(t, fake.calls, 4)
	assert.Equal(t, []string{"", "page-1", "page-1", "page-2"},
		[]string{fake.calls[0].NextToken, fake.calls[1].NextToken, fake.calls[2].NextToken, fake.calls[3].NextToken})
	for _, c := range fake.calls {
		assert.InDelta(t, float64(start.Unix()), c.StartTime, 0.001)
		assert.InDelta(t, float64(end.Unix()), c.EndTime, 0.001)
		require.Len(t, c.LookupAttributes, 1)
		assert.Equal(t, "EventSource", c.LookupAttributes[0].AttributeKey)
		assert.Equal(t, elasticache.Source, c.LookupAttributes[0].AttributeValue)
		assert.Equal(t, 50, c.MaxResults)
	}
}

func TestEventsError(t *testing.T) {
	t.Parallel()
	fake := &fakeCloudTrail{t: t, errCode: "AccessDeniedException"}
	srv := httptest.NewServer(fake)
	defer srv.Close()
	n := 0
	for ev, err := range lookup.Events(context.Background(), newClient(srv), time.Unix(0, 0), time.Unix(1, 0)) {
		n++
		assert.Nil(t, ev)
		var apiErr smithy.APIError
		require.ErrorAs(t, err, &apiErr)
		assert.Equal(t, "AccessDeniedException", apiErr.ErrorCode())
	}
	assert.Equal(t, 1, n)
	assert.Len(t, fake.calls, 1, "access denied is not retried")
}

func TestEventsStopEarly(t *testing.T) {
	t.Parallel()
	recs := seedRecords(t)
	fake := &fakeCloudTrail{t: t, pages: [][]string{{recs[0], recs[1]}, {recs[2]}}}
	srv := httptest.NewServer(fake)
	defer srv.Close()
	for ev, err := range lookup.Events(context.Background(), newClient(srv), time.Unix(0, 0), time.Now(), event.Strict()) {
		require.NotNil(t, ev)
		assert.ErrorIs(t, err, event.ErrQuirk, "Strict reaches Parse")
		break
	}
	assert.Len(t, fake.calls, 1, "no page fetched after the caller stopped")
}

func TestConvert(t *testing.T) {
	t.Parallel()
	recs := seedRecords(t)
	ev, err := lookup.Convert(types.Event{CloudTrailEvent: aws.String(recs[1])}, event.WithSourceName("x"))
	require.NoError(t, err)
	assert.Equal(t, "DescribeCacheClusters", ev.EventName)
	assert.Equal(t, "x", ev.Origin().Source)

	_, err = lookup.Convert(types.Event{EventId: aws.String("id")})
	assert.ErrorIs(t, err, lookup.ErrNoRecord)

	_, err = lookup.Convert(types.Event{CloudTrailEvent: aws.String("{")})
	assert.ErrorIs(t, err, event.ErrSyntax)
}
