//go:build !purego

#include "textflag.h"

// STOPS sets AX to a bit per byte of X0 equal to a byte of X1, X2 or X3.
#define STOPS \
	MOVO     X0, X4; \
	PCMPEQB  X1, X4; \
	MOVO     X0, X5; \
	PCMPEQB  X2, X5; \
	PCMPEQB  X3, X0; \
	POR      X5, X4; \
	POR      X0, X4; \
	PMOVMSKB X4, AX

// func stopEnd(b []byte, c byte) int
//
// The index of the first quote, backslash or c in b, or len(b); b holds
// at least 16 bytes. It looks at 16 bytes a step with SSE2 (part of
// amd64); the last step reads the last 16 bytes of b, dropping the bits
// of those already looked at. CX is len(b), SI its bytes and DX the
// step's offset throughout.
TEXT ·stopEnd(SB), NOSPLIT, $0-40
	MOVQ       b_base+0(FP), SI
	MOVQ       b_len+8(FP), CX
	MOVQ       $0x2222222222222222, AX
	MOVQ       AX, X1
	PUNPCKLQDQ X1, X1
	MOVQ       $0x5c5c5c5c5c5c5c5c, AX
	MOVQ       AX, X2
	PUNPCKLQDQ X2, X2
	MOVBQZX    c+24(FP), AX
	MOVQ       $0x0101010101010101, BX
	IMULQ      BX, AX
	MOVQ       AX, X3
	PUNPCKLQDQ X3, X3
	XORQ       DX, DX

step:
	LEAQ     16(DX), AX
	CMPQ     AX, CX
	JGT      last
	MOVOU    (SI)(DX*1), X0
	STOPS
	TESTL    AX, AX
	JNE      found
	ADDQ     $16, DX
	JMP      step

found:
	BSFL AX, AX
	ADDQ DX, AX
	MOVQ AX, ret+32(FP)
	RET

last:
	CMPQ     DX, CX
	JGE      none
	MOVOU    -16(SI)(CX*1), X0
	STOPS
	MOVQ     CX, R8 // drop the bits of bytes looked at: len(b)-DX are new
	SUBQ     DX, CX
	NEGQ     CX
	ADDQ     $16, CX
	SHRL     CX, AX
	SHLL     CX, AX
	MOVQ     R8, CX
	TESTL    AX, AX
	JEQ      none
	BSFL     AX, AX
	LEAQ     -16(CX)(AX*1), AX
	MOVQ     AX, ret+32(FP)
	RET

none:
	MOVQ CX, ret+32(FP)
	RET
