// Package lambdatest runs a compiled Lambda function the way Lambda does:
// a fake Runtime API (the HTTP protocol custom runtimes such as
// provided.al2023 speak) serves invocations to the function's process and
// collects its responses.
package lambdatest

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// FunctionARN is the ARN the fake runtime says the function was invoked by.
const FunctionARN = "arn:aws:lambda:us-west-2:123456789012:function:cachetrail-test"

const apiPrefix = "/2018-06-01/runtime/"

// Result is the outcome of one invocation.
type Result struct {
	Payload   []byte // the response, or the error document when IsError
	IsError   bool   // the function posted to .../error
	ErrorType string // the Lambda-Runtime-Function-Error-Type header, if any
}

type invocation struct {
	id      string
	payload []byte
	result  chan Result
}

// Runtime is a fake Lambda Runtime API.
type Runtime struct {
	// Addr is the host:port to put in AWS_LAMBDA_RUNTIME_API.
	Addr string

	queue chan *invocation
	done  chan struct{}

	mu        sync.Mutex
	inflight  map[string]*invocation
	seq       int
	initError []byte
	nexts     int
}

// NewRuntime starts a fake Runtime API that stops when the test ends.
func NewRuntime(t testing.TB) *Runtime {
	r := &Runtime{
		queue:    make(chan *invocation),
		done:     make(chan struct{}),
		inflight: map[string]*invocation{},
	}
	ts := httptest.NewServer(http.HandlerFunc(r.serve))
	r.Addr = strings.TrimPrefix(ts.URL, "http://")
	t.Cleanup(func() {
		close(r.done) // release the function's pending long poll
		ts.Close()
	})
	return r
}

// Invoke hands payload to the function at its next poll and waits for its
// answer, or for ctx to end.
func (r *Runtime) Invoke(ctx context.Context, payload []byte) (Result, error) {
	r.mu.Lock()
	r.seq++
	inv := &invocation{id: fmt.Sprintf("8476a536-e9f4-11e8-9739-%012d", r.seq), payload: payload, result: make(chan Result, 1)}
	r.mu.Unlock()
	select {
	case r.queue <- inv:
	case <-ctx.Done():
		return Result{}, fmt.Errorf("function did not poll for the invocation: %w (init error: %s)", ctx.Err(), r.InitError())
	}
	select {
	case res := <-inv.result:
		return res, nil
	case <-ctx.Done():
		return Result{}, fmt.Errorf("function did not answer the invocation: %w", ctx.Err())
	}
}

// InitError returns what the function posted to /runtime/init/error, if anything.
func (r *Runtime) InitError() []byte {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.initError
}

// Polls returns how many times the function asked for its next invocation.
func (r *Runtime) Polls() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.nexts
}

func (r *Runtime) serve(w http.ResponseWriter, req *http.Request) {
	path, ok := strings.CutPrefix(req.URL.Path, apiPrefix)
	if !ok {
		http.NotFound(w, req)
		return
	}
	switch {
	case req.Method == http.MethodGet && path == "invocation/next":
		r.next(w, req)
	case req.Method == http.MethodPost && path == "init/error":
		body, _ := io.ReadAll(req.Body)
		r.mu.Lock()
		r.initError = body
		r.mu.Unlock()
		w.WriteHeader(http.StatusAccepted)
	case req.Method == http.MethodPost && strings.HasPrefix(path, "invocation/"):
		r.post(w, req, strings.TrimPrefix(path, "invocation/"))
	default:
		http.Error(w, "unexpected "+req.Method+" "+req.URL.Path, http.StatusBadRequest)
	}
}

// next answers the function's long poll with the next invocation, carrying
// the headers the real Runtime API sends.
func (r *Runtime) next(w http.ResponseWriter, req *http.Request) {
	r.mu.Lock()
	r.nexts++
	r.mu.Unlock()
	var inv *invocation
	select {
	case inv = <-r.queue:
	case <-r.done:
		http.Error(w, "runtime shutting down", http.StatusGone)
		return
	case <-req.Context().Done():
		return
	}
	r.mu.Lock()
	r.inflight[inv.id] = inv
	r.mu.Unlock()
	h := w.Header()
	h.Set("Lambda-Runtime-Aws-Request-Id", inv.id)
	h.Set("Lambda-Runtime-Deadline-Ms", strconv.FormatInt(time.Now().Add(time.Minute).UnixMilli(), 10))
	h.Set("Lambda-Runtime-Invoked-Function-Arn", FunctionARN)
	h.Set("Lambda-Runtime-Trace-Id", "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=0")
	h.Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusOK)
	w.Write(inv.payload)
}

// post receives .../{id}/response or .../{id}/error.
func (r *Runtime) post(w http.ResponseWriter, req *http.Request, rest string) {
	id, kind, _ := strings.Cut(rest, "/")
	r.mu.Lock()
	inv := r.inflight[id]
	delete(r.inflight, id)
	r.mu.Unlock()
	if inv == nil || (kind != "response" && kind != "error") {
		http.Error(w, "unknown invocation "+rest, http.StatusBadRequest)
		return
	}
	body, err := io.ReadAll(req.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	res := Result{Payload: body, IsError: kind == "error", ErrorType: req.Header.Get("Lambda-Runtime-Function-Error-Type")}
	if res.ErrorType == "" {
		res.ErrorType = req.Trailer.Get("Lambda-Runtime-Function-Error-Type")
	}
	w.WriteHeader(http.StatusAccepted)
	inv.result <- res
}
