package scan

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSkipSteps compares the kernel (in assembly where there is one) with
// skipStepsGo on random steps made of JSON's structural bytes, names the
// kernel looks at, and others, from random states.
func TestSkipSteps(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	pieces := []string{`"`, `\`, `{`, `}`, `[`, `]`, `:`, `,`, ` `, `a`, `"eventSource"`, `"eventName"`,
		`"eventType"`, `"eventType":"AwsApiCall"`, `"eventType":"AwsCloudTrailInsight"`, `"eventType":"A"`, `"Records"`, `"detail"`, `"s3Bucket"`, `"x":"y"`, `":`, `{"a":[1,{"b":"c"}]}`, "\n"}
	taken, stops := 0, 0
	for range 20000 {
		n := 1 + r.IntN(4)
		var b []byte
		for len(b) < 64*n+kernelSlack {
			b = append(b, pieces[r.IntN(len(pieces))]...)
		}
		switch r.IntN(20) {
		case 0, 1, 2, 3, 4, 5, 6, 7, 8, 9: // mostly brackets: deep values
			for i := range b {
				if r.IntN(3) == 0 {
					b[i] = "{}[]"[r.IntN(4)]
				}
			}
		case 10: // openers only: more than the stack of a step holds
			for i := range b {
				b[i] = "{["[r.IntN(2)]
			}
			b[r.IntN(len(b))] = "}]"[r.IntN(2)]
		}
		var kinds [maxKinds / 64]uint64
		for i := range kinds {
			kinds[i] = r.Uint64()
		}
		st := kernelState{
			depth:   r.IntN(6),
			floor:   1 + r.IntN(2),
			inStr:   uint64(r.IntN(2)),
			open:    r.IntN(100),
			base:    r.IntN(1000),
			rejWord: []uint64{eventSoWord, eventNaWord}[r.IntN(2)],
			watch:   uint64(r.IntN(2)),
			items:   uint64(r.IntN(2)),
			slots:   &otherSlots,
			limit:   64*n + r.IntN(100),
			stop:    -1,
		}
		if r.IntN(2) == 0 { // lim in the last step
			st.limit = 64*(n-1) + 1 + r.IntN(64)
		}
		if r.IntN(10) == 0 {
			st.depth = maxKinds - 3 + r.IntN(6)
		}
		want, got := st, st
		wantKinds, gotKinds := kinds, kinds
		want.kinds, got.kinds = &wantKinds, &gotKinds
		wk := skipStepsGo(b, n, &want)
		gk := skipSteps(b, n, &got)
		require.Equal(t, wk, gk, "steps taken of %q from %+v", b, st)
		want.kinds, got.kinds = nil, nil
		assert.Equal(t, want, got, "state after %q", b)
		require.Equal(t, wantKinds, gotKinds, "kinds after %q from %+v", b, st)
		taken += wk
		if want.stop >= 0 {
			stops++
		}
	}
	t.Logf("%d steps taken whole, %d stops", taken, stops)
	assert.Greater(t, taken, 3000)
	assert.Greater(t, stops, 3000)
}

// TestSkipBlocksKernel compares skipNested with and without the kernel on
// random values from random scanner states.
func TestSkipBlocksKernel(t *testing.T) {
	defer func() { useKernel = true }()
	r := rand.New(rand.NewPCG(5, 6))
	pieces := []string{`"`, `\`, `{`, `}`, `[`, `]`, `:`, `,`, ` `, `a`, `"eventSource"`, `"eventName"`,
		`"eventType"`, `"eventType":"AwsApiCall"`, `"eventType":"AwsCloudTrailInsight"`, `"Records"`, `"detail"`,
		`"x":"y"`, `":`, `{"a":[1,{"b":"c"}]}`, "\n", `"abcdefghijklmnopqrstuvwxyz"`}
	for range 20000 {
		var b []byte
		for len(b) < 64+r.IntN(600) {
			b = append(b, pieces[r.IntN(len(pieces))]...)
		}
		f := &Filter{Sources: []string{"x"}, Items: r.IntN(2) == 0}
		var s0 Scanner
		s0.Reset('{', false, []uint8{NLSpace, NLCut}[r.IntN(2)])
		s0.Filter = f
		for i := range s0.arrays {
			s0.arrays[i] = r.Uint64()
		}
		depth := 1 + r.IntN(4)
		if r.IntN(2) == 0 {
			s0.floor, s0.rejectedBy, s0.rejWord, s0.track = 1, KeyEventSource, eventSoWord, false
		} else {
			depth++
		}
		p := r.IntN(20)
		nl := -1
		lim := s0.fastLimit(b, p, &nl)
		got, want := s0, s0
		useKernel = true
		gp, gd := got.skipNested(b, lim, p, depth)
		useKernel = false
		wp, wd := want.skipNested(b, lim, p, depth)
		require.Equal(t, []int{wp, wd}, []int{gp, gd}, "%q from %d at depth %d, floor %d, lim %d", b, p, depth, s0.floor, lim)
		// The kinds of the open containers: the kernel does not write those
		// of the ones it opens and closes in a step.
		for d := 1; d <= min(wd, maxKinds); d++ {
			require.Equal(t, want.closes(d, ']'), got.closes(d, ']'), "%q: kind at depth %d", b, d)
		}
		require.Equal(t, want.suspect, got.suspect, "%q", b)
	}
}
