package scan

import (
	"encoding/binary"
	mbits "math/bits"
)

// The skip kernel takes the steps of skipBlocks, in assembly where there
// is a vector kernel (kernel_amd64.s): the masks of a step, the brackets
// outside strings with their kinds, the stops of skipBlocks (a closer at
// the floor or not matching its opener, lim), and, in a record rejected
// early, a look at each top-level name's first bytes. Anything unusual in
// a step (a backslash, a name that may be suspicious, a depth past
// maxKinds) ends its work before that step, which the Go code of
// skipBlocks then takes: the kernel never has anything to undo, as the
// kinds of the containers a step opens reach the Scanner only once the
// step is taken. In Go, a step cost some 140 instructions besides its
// masks, most of them moving values between registers and the stack.
//
// skipStepsGo is the kernel in Go: the reference the assembly is tested
// against (TestSkipSteps), and the kernel where there is no assembly.
// TestSkipBlocksKernel compares skipBlocks with and without the kernel.

// kernelSlack is how many bytes after its steps the kernel may read: the
// first 21 of a name that starts in the last one.
const kernelSlack = 24

// kernelState is what the kernel reads, and updates after each step it
// takes. The assembly knows its layout.
type kernelState struct {
	depth   int                    // the open containers
	floor   int                    // s.floor
	inStr   uint64                 // 1 while inside a string at the start of a step
	open    int                    // the index in b of the last opening quote
	base    int                    // the index in b of the first step
	kinds   *[maxKinds / 64]uint64 // s.arrays
	rejWord uint64                 // s.rejWord
	watch   uint64                 // nonzero: look at the top-level names (rejected early, no suspect yet)
	items   uint64                 // nonzero: Filter.Items, so the other names may be suspicious too
	slots   *[32]uint64            // otherSlots
	limit   int                    // lim - base: the bytes the steps may look at
	stop    int                    // -1, or where skipBlocks stops: a closer, lim, or the quote of a string lim cuts
}

// skipStepsGo takes up to n steps of 64 bytes from the start of b, which
// holds at least kernelSlack bytes more, and returns how many it took
// whole. It sets st.stop where skipBlocks stops in the next step: at a
// closer at or below the floor or not matching its opener, or, in the
// step that crosses lim (the last, if any), at lim or at the opening
// quote of a string there.
func skipStepsGo(b []byte, n int, st *kernelState) int {
	var ms [maxBlocks]blockMasks
	for k := range n {
		classifyBytes(b[64*k:], 1, &ms)
		m := &ms[0]
		valid, rem := ^uint64(0), st.limit-64*k // the bits before lim
		if rem < 64 {
			valid = 1<<rem - 1
		}
		if m.backslash&valid != 0 {
			return k
		}
		str := m.inside ^ -st.inStr
		opening := m.quote & str & valid
		depth := st.depth
		top, from := uint64(0), uint(0)
		stack, count := uint64(0), 0 // the kinds of the containers opened in this step, innermost at bit 0
		stop := -1
		for bs := (m.open | m.close) &^ str & valid; bs != 0; bs &= bs - 1 {
			i := uint(mbits.TrailingZeros64(bs))
			if depth == 1 {
				top |= (1<<i - 1) &^ (1<<from - 1)
			}
			from = i
			c := b[64*k+int(i)]
			if m.open&(1<<i) != 0 {
				depth++
				if depth > maxKinds || count == 63 {
					return k
				}
				stack = stack<<1 | b2u(c == '[')
				count++
				continue
			}
			if depth > maxKinds {
				return k
			}
			if depth <= st.floor {
				stop = int(i)
				break
			}
			array := stack & 1
			if count == 0 {
				array = st.kinds[(depth-1)/64] >> ((depth - 1) % 64) & 1
			}
			if array != b2u(c == ']') {
				stop = int(i)
				break
			}
			if count > 0 {
				stack, count = stack>>1, count-1
			}
			depth--
		}
		if depth == 1 && stop < 0 {
			top |= ^uint64(0) << from
		}
		if st.watch != 0 {
			for o := opening &^ values(m, str) & top; o != 0; o &= o - 1 {
				j := 64*k + mbits.TrailingZeros64(o)
				w := binary.LittleEndian.Uint64(b[j:])
				if w == eventTyWord && plainEventType(b[j:]) {
					continue
				}
				if w == st.rejWord || w == eventTyWord || st.items != 0 && st.slots[(w&eventPrefixMask)*otherHash>>59] == w&eventPrefixMask {
					return k
				}
			}
		}
		for j := range count {
			d := depth - 1 - j
			st.kinds[d/64] = st.kinds[d/64]&^(1<<(d%64)) | (stack>>j&1)<<(d%64)
		}
		st.depth = depth
		if stop >= 0 {
			st.stop = st.base + 64*k + stop
			return k
		}
		if opening != 0 {
			st.open = st.base + 64*k + 63 - mbits.LeadingZeros64(opening)
		}
		if rem < 64 {
			st.stop = st.base + st.limit
			if str>>(rem-1)&1 != 0 {
				st.stop = st.open
			}
			return k
		}
		st.inStr = str >> 63
	}
	return n
}

// plainEventType reports whether b starts with a member "eventType" whose
// value cannot be "AwsCloudTrailInsight", as most records' can not:
// "eventType":" and then not AwsCloud. Then suspicious says no, and the
// kernel need not leave the step to the Go code for it. b holds at least
// 21 bytes.
func plainEventType(b []byte) bool {
	return string(b[:13]) == `"eventType":"` && string(b[13:21]) != "AwsCloud"
}

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}
