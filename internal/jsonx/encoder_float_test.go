package jsonx

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFloatTextKeepsDigits checks that a number read keeps its text while
// its value is unchanged, and is written as encoding/json does otherwise.
func TestFloatTextKeepsDigits(t *testing.T) {
	t.Parallel()
	for _, text := range []string{"0.1000000000000000055511151231257827", "12345678901234567890123", "1E2", "-0", "0.0", "1.50", "2e-7"} {
		d := NewDecoder(text, Options{})
		var p *float64
		var kept string
		require.Equal(t, OK, Float64Text(d, &p, &kept), text)
		require.NotNil(t, p)
		var e Encoder
		e.FloatText(*p, kept)
		assert.Equal(t, text, string(e.Bytes()))
		require.NoError(t, e.Err())

		// A program changing the value drops the text.
		*p = *p*2 + 1
		e = Encoder{}
		e.FloatText(*p, kept)
		want, err := json.Marshal(*p)
		require.NoError(t, err)
		assert.Equal(t, string(want), string(e.Bytes()), "%s changed", text)
	}
}

func TestFloatTextInto(t *testing.T) {
	t.Parallel()
	d := NewDecoder("3.14159265358979323846264338327950288", Options{})
	var p *float64
	var slot float64
	var kept string
	require.Equal(t, OK, Float64TextInto(d, &p, &slot, &kept))
	assert.Same(t, &slot, p)
	var e Encoder
	e.FloatText(slot, kept)
	assert.Equal(t, "3.14159265358979323846264338327950288", string(e.Bytes()))
}

// TestFloatNonFinite checks that a NaN or an infinity, which JSON cannot
// hold, is an error, and that the output stays JSON.
func TestFloatNonFinite(t *testing.T) {
	t.Parallel()
	for _, v := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		var e Encoder
		e.ObjectStart()
		e.Key("a")
		e.FloatText(v, "1")
		e.Key("b")
		e.Float(v)
		e.ObjectEnd()
		var enc *EncodeError
		require.ErrorAs(t, e.Err(), &enc, "%v", v)
		assert.Equal(t, math.Float64bits(v), math.Float64bits(enc.Value))
		assert.True(t, json.Valid(e.Bytes()), "%s", e.Bytes())
		_, want := json.Marshal(v)
		assert.Equal(t, want.Error(), e.Err().Error())
	}
}
