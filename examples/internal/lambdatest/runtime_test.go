package lambdatest

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRuntime(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a binary")
	}
	bin := Build(t, "testdata/echo")
	rt := NewRuntime(t)
	Start(t, bin, rt)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()

	res, err := rt.Invoke(ctx, []byte(`{"say":"hello"}`))
	require.NoError(t, err)
	require.False(t, res.IsError, string(res.Payload))
	var got struct {
		Said        string `json:"said"`
		RequestID   string `json:"requestId"`
		FunctionARN string `json:"functionArn"`
		HasDeadline bool   `json:"hasDeadline"`
	}
	require.NoError(t, json.Unmarshal(res.Payload, &got))
	assert.Equal(t, "hello", got.Said)
	assert.Equal(t, "8476a536-e9f4-11e8-9739-000000000001", got.RequestID)
	assert.Equal(t, FunctionARN, got.FunctionARN)
	assert.True(t, got.HasDeadline)

	res, err = rt.Invoke(ctx, []byte(`{"fail":true}`))
	require.NoError(t, err)
	assert.True(t, res.IsError)
	assert.JSONEq(t, `{"errorMessage":"asked to fail","errorType":"errorString"}`, string(res.Payload))

	res, err = rt.Invoke(ctx, []byte(`{"say":"again"}`))
	require.NoError(t, err)
	assert.False(t, res.IsError, "the process survives a failed invocation")
}

func TestInvokeWithoutFunction(t *testing.T) {
	rt := NewRuntime(t)
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, err := rt.Invoke(ctx, []byte(`{}`))
	assert.ErrorContains(t, err, "did not poll")
}
