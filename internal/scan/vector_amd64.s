//go:build !purego

#include "textflag.h"
#include "masks_amd64.h"

// func classifyAVX2(p *byte, n int, ms *[maxBlocks]blockMasks)
//
// For each 64 bytes: two loads, and per kind of byte two compares whose
// byte masks make one 64-bit mask. A byte ORed with 0x20 is 0x7b only
// for '{' and '[', and 0x7d only for '}' and ']'. The running parity of
// the quotes is a carry-less multiplication by all ones.
TEXT ·classifyAVX2(SB), NOSPLIT, $0-24
	MOVQ p+0(FP), SI
	MOVQ n+8(FP), CX
	MOVQ ms+16(FP), DI
	BROADCASTS

loop:
	VMOVDQU 0(SI), Y1
	VMOVDQU 32(SI), Y2

	MASK(Y10, AX)
	MOVQ AX, 0(DI)
	VMOVQ AX, X5
	VPCLMULQDQ $0, X9, X5, X5
	VMOVQ X5, 40(DI)

	MASK(Y11, AX)
	MOVQ AX, 8(DI)

	MASK(Y15, AX)
	MOVQ AX, 32(DI)

	VPOR Y12, Y1, Y1
	VPOR Y12, Y2, Y2

	MASK(Y13, AX)
	MOVQ AX, 16(DI)

	MASK(Y14, AX)
	MOVQ AX, 24(DI)

	ADDQ $64, SI
	ADDQ $48, DI
	DECQ CX
	JNZ  loop
	VZEROUPPER
	RET

// func cpuid(leaf, sub uint32) (eax, ebx, ecx, edx uint32)
TEXT ·cpuid(SB), NOSPLIT, $0-24
	MOVL leaf+0(FP), AX
	MOVL sub+4(FP), CX
	CPUID
	MOVL AX, eax+8(FP)
	MOVL BX, ebx+12(FP)
	MOVL CX, ecx+16(FP)
	MOVL DX, edx+20(FP)
	RET

// func xgetbv() (eax, edx uint32)
TEXT ·xgetbv(SB), NOSPLIT, $0-8
	MOVL $0, CX
	XGETBV
	MOVL AX, eax+0(FP)
	MOVL DX, edx+4(FP)
	RET
