package main

import (
	"crypto/md5"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	testQueueURL  = "https://sqs.us-east-1.amazonaws.com/123456789012/cachetrail"
	testAccessKey = "AKIAIOSFODNN7EXAMPLE"
)

// fakeSQS speaks the SQS JSON protocol (AWS JSON 1.0) for ReceiveMessage,
// with long polling, and DeleteMessageBatch. A received message stays
// invisible until deleted: there is no visibility timeout.
type fakeSQS struct {
	t testing.TB

	mu       sync.Mutex
	queue    []fakeMessage   // visible, in order
	inFlight map[string]bool // receipt handles received and not deleted
	deleted  []string        // message IDs, in order of deletion
	asked    []int           // MaxNumberOfMessages of each ReceiveMessage
	changed  chan struct{}   // closed and replaced when queue or deleted change
	receipts int             // receipt handles issued
	polling  int             // ReceiveMessage requests being answered
}

type fakeMessage struct{ ID, Body string }

func newFakeSQS(t testing.TB) *fakeSQS {
	return &fakeSQS{t: t, inFlight: map[string]bool{}, changed: make(chan struct{})}
}

// send queues a message with the given body; its ID is id.
func (f *fakeSQS) send(id, body string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.queue = append(f.queue, fakeMessage{ID: id, Body: body})
	f.notifyLocked()
}

func (f *fakeSQS) notifyLocked() {
	close(f.changed)
	f.changed = make(chan struct{})
}

// state returns copies of what the test asserts on.
func (f *fakeSQS) state() (deleted []string, visible int, asked []int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.deleted...), len(f.queue), append([]int(nil), f.asked...)
}

// waitFor waits until cond, called with f locked, holds.
func (f *fakeSQS) waitFor(what string, cond func() bool) {
	f.t.Helper()
	deadline := time.After(10 * time.Second)
	for {
		f.mu.Lock()
		ok, ch := cond(), f.changed
		f.mu.Unlock()
		if ok {
			return
		}
		select {
		case <-ch:
		case <-deadline:
			require.FailNow(f.t, "timed out waiting: "+what, "asked %v polling %d", f.asked, f.polling)
		}
	}
}

// waitDeleted waits until n messages are deleted.
func (f *fakeSQS) waitDeleted(n int) {
	f.t.Helper()
	f.waitFor(strconv.Itoa(n)+" deleted", func() bool { return len(f.deleted) >= n })
}

func (f *fakeSQS) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	assert.Equal(f.t, http.MethodPost, r.Method)
	assert.Equal(f.t, "application/x-amz-json-1.0", r.Header.Get("Content-Type"))
	assert.Contains(f.t, r.Header.Get("Authorization"), "AWS4-HMAC-SHA256 Credential="+testAccessKey+"/")
	var in struct {
		QueueURL            string `json:"QueueUrl"`
		MaxNumberOfMessages int
		WaitTimeSeconds     int
		Entries             []struct {
			ID            string `json:"Id"`
			ReceiptHandle string
		}
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return // the client hung up mid-request, as a call canceled by SIGTERM does
	}
	// assert, not require: this runs on the server's goroutine, not the test's.
	if !assert.NoError(f.t, json.Unmarshal(body, &in), "%s", body) {
		return
	}
	assert.Equal(f.t, testQueueURL, in.QueueURL)
	w.Header().Set("Content-Type", "application/x-amz-json-1.0")

	switch target := r.Header.Get("X-Amz-Target"); target {
	case "AmazonSQS.ReceiveMessage":
		assert.Equal(f.t, waitTimeSeconds, in.WaitTimeSeconds, "long polling")
		assert.True(f.t, in.MaxNumberOfMessages >= 1 && in.MaxNumberOfMessages <= 10, "MaxNumberOfMessages %d", in.MaxNumberOfMessages)
		json.NewEncoder(w).Encode(map[string]any{"Messages": f.receive(r, in.MaxNumberOfMessages, in.WaitTimeSeconds)})
	case "AmazonSQS.DeleteMessageBatch":
		type entry struct {
			ID string `json:"Id"`
		}
		ok, failed := []entry{}, []map[string]any{}
		f.mu.Lock()
		for _, e := range in.Entries {
			if !f.inFlight[e.ReceiptHandle] {
				failed = append(failed, map[string]any{"Id": e.ID, "Code": "ReceiptHandleIsInvalid", "SenderFault": true})
				continue
			}
			delete(f.inFlight, e.ReceiptHandle)
			f.deleted = append(f.deleted, messageIDOf(e.ReceiptHandle))
			ok = append(ok, entry{e.ID})
		}
		f.notifyLocked()
		f.mu.Unlock()
		json.NewEncoder(w).Encode(map[string]any{"Successful": ok, "Failed": failed})
	default:
		f.t.Errorf("unexpected X-Amz-Target %q", target)
		w.WriteHeader(http.StatusBadRequest)
	}
}

// receive hands out up to max visible messages, waiting up to wait
// seconds for one to arrive, or until the client gives up.
func (f *fakeSQS) receive(r *http.Request, max, wait int) []map[string]any {
	f.mu.Lock()
	f.asked = append(f.asked, max)
	f.polling++
	f.notifyLocked()
	f.mu.Unlock()
	defer func() {
		f.mu.Lock()
		f.polling--
		f.notifyLocked()
		f.mu.Unlock()
	}()
	out := []map[string]any{}
	timeout := time.After(time.Duration(wait) * time.Second)
	for {
		f.mu.Lock()
		if len(f.queue) > 0 {
			break
		}
		ch := f.changed
		f.mu.Unlock()
		select {
		case <-ch:
		case <-r.Context().Done():
			return out
		case <-timeout:
			return out
		}
	}
	defer f.mu.Unlock()
	for len(f.queue) > 0 && len(out) < max {
		m := f.queue[0]
		f.queue = f.queue[1:]
		f.receipts++
		rh := "rh-" + m.ID + "-" + strconv.Itoa(f.receipts)
		f.inFlight[rh] = true
		sum := md5.Sum([]byte(m.Body))
		out = append(out, map[string]any{"MessageId": m.ID, "ReceiptHandle": rh, "Body": m.Body, "MD5OfBody": hex.EncodeToString(sum[:])})
	}
	return out
}

// messageIDOf returns the message ID in a receipt handle "rh-ID-N".
func messageIDOf(rh string) string {
	rh = rh[len("rh-"):]
	for i := len(rh) - 1; i >= 0; i-- {
		if rh[i] == '-' {
			return rh[:i]
		}
	}
	return rh
}
