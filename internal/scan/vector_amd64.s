//go:build !purego

#include "textflag.h"

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
	MOVQ $0x22, AX
	VMOVQ AX, X0
	VPBROADCASTB X0, Y10 // '"'
	MOVQ $0x5c, AX
	VMOVQ AX, X0
	VPBROADCASTB X0, Y11 // '\\'
	MOVQ $0x20, AX
	VMOVQ AX, X0
	VPBROADCASTB X0, Y12 // 0x20
	MOVQ $0x7b, AX
	VMOVQ AX, X0
	VPBROADCASTB X0, Y13 // '{' | 0x20
	MOVQ $0x7d, AX
	VMOVQ AX, X0
	VPBROADCASTB X0, Y14 // '}' | 0x20
	MOVQ $0x3a, AX
	VMOVQ AX, X0
	VPBROADCASTB X0, Y15 // ':'
	MOVQ $-1, AX
	VMOVQ AX, X9 // all ones, for the parity

loop:
	VMOVDQU 0(SI), Y1
	VMOVDQU 32(SI), Y2

	VPCMPEQB Y10, Y1, Y3
	VPCMPEQB Y10, Y2, Y4
	VPMOVMSKB Y3, AX
	VPMOVMSKB Y4, BX
	SHLQ $32, BX
	ORQ BX, AX
	MOVQ AX, 0(DI)
	VMOVQ AX, X5
	VPCLMULQDQ $0, X9, X5, X5
	VMOVQ X5, 40(DI)

	VPCMPEQB Y11, Y1, Y3
	VPCMPEQB Y11, Y2, Y4
	VPMOVMSKB Y3, AX
	VPMOVMSKB Y4, BX
	SHLQ $32, BX
	ORQ BX, AX
	MOVQ AX, 8(DI)

	VPCMPEQB Y15, Y1, Y3
	VPCMPEQB Y15, Y2, Y4
	VPMOVMSKB Y3, AX
	VPMOVMSKB Y4, BX
	SHLQ $32, BX
	ORQ BX, AX
	MOVQ AX, 32(DI)

	VPOR Y12, Y1, Y1
	VPOR Y12, Y2, Y2

	VPCMPEQB Y13, Y1, Y3
	VPCMPEQB Y13, Y2, Y4
	VPMOVMSKB Y3, AX
	VPMOVMSKB Y4, BX
	SHLQ $32, BX
	ORQ BX, AX
	MOVQ AX, 16(DI)

	VPCMPEQB Y14, Y1, Y3
	VPCMPEQB Y14, Y2, Y4
	VPMOVMSKB Y3, AX
	VPMOVMSKB Y4, BX
	SHLQ $32, BX
	ORQ BX, AX
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
