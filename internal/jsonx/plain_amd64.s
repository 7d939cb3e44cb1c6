//go:build !purego

#include "textflag.h"

// The end of plain string text, 16 bytes a step with SSE2. Each step
// leaves two masks: AX, a bit per quote or backslash, and BX, a bit per
// byte below 0x20 or from 0x80 (one signed compare with 0x20). The last
// step reads the last 16 bytes of s, dropping the bits of those already
// looked at. Both functions need len(s) >= 16.

// SETUP puts '"', '\\' and 0x20 in every byte of X1, X2 and X3; DX, the
// step's offset, is 0. CX is len(s) and SI its bytes throughout.
#define SETUP \
	MOVQ s_base+0(FP), SI; \
	MOVQ s_len+8(FP), CX; \
	MOVQ $0x2222222222222222, AX; \
	MOVQ AX, X1; \
	PUNPCKLQDQ X1, X1; \
	MOVQ $0x5c5c5c5c5c5c5c5c, AX; \
	MOVQ AX, X2; \
	PUNPCKLQDQ X2, X2; \
	MOVQ $0x2020202020202020, AX; \
	MOVQ AX, X3; \
	PUNPCKLQDQ X3, X3; \
	XORQ DX, DX

// MASKS sets AX and BX for the 16 bytes in X0.
#define MASKS \
	MOVO     X0, X4; \
	PCMPEQB  X1, X4; \
	MOVO     X0, X5; \
	PCMPEQB  X2, X5; \
	MOVO     X3, X6; \
	PCMPGTB  X0, X6; \
	POR      X5, X4; \
	PMOVMSKB X4, AX; \
	PMOVMSKB X6, BX

// HIGHBEFORE adds to R9 the bits of R10 below bit AX: the bytes from
// 0x80 before the stop. It keeps AX, CX and DX.
#define HIGHBEFORE \
	MOVQ CX, R8; \
	MOVQ AX, CX; \
	MOVL $1, BX; \
	SHLL CX, BX; \
	DECL BX; \
	ANDL BX, R10; \
	ORL  R10, R9; \
	MOVQ R8, CX

// DROPSEEN clears the low bits of reg that the last step shares with the
// steps before it: len(s)-DX bytes are new, at its top. R8 keeps CX.
#define DROPSEEN(reg) \
	MOVQ CX, R8; \
	SUBQ DX, CX; \
	NEGQ CX; \
	ADDQ $16, CX; \
	SHRL CX, reg; \
	SHLL CX, reg; \
	MOVQ R8, CX

// func plainEnd(s string) int
//
// The index of the first byte of s that is a quote, a backslash, a
// control byte or not ASCII, or len(s).
TEXT ·plainEnd(SB), NOSPLIT, $0-24
	SETUP

step:
	LEAQ  16(DX), AX
	CMPQ  AX, CX
	JGT   last
	MOVOU (SI)(DX*1), X0
	MASKS
	ORL   BX, AX
	JNE   found
	ADDQ  $16, DX
	JMP   step

found:
	BSFL AX, AX
	ADDQ DX, AX
	MOVQ AX, ret+16(FP)
	RET

last:
	CMPQ  DX, CX
	JGE   none
	MOVOU -16(SI)(CX*1), X0
	MASKS
	ORL   BX, AX
	DROPSEEN(AX)
	TESTL AX, AX
	JEQ   none
	BSFL  AX, AX
	LEAQ  -16(CX)(AX*1), AX
	MOVQ  AX, ret+16(FP)
	RET

none:
	MOVQ CX, ret+16(FP)
	RET

// func plainTextEnd(s string) (int, bool)
//
// plainEnd letting bytes from 0x80 through: the index of the first quote,
// backslash or control byte of s, or len(s), and whether a byte from 0x80
// comes before it. PMOVMSKB of the bytes themselves (R10) marks those from
// 0x80, which BX marks with the control bytes; R9 collects them.
TEXT ·plainTextEnd(SB), NOSPLIT, $0-25
	SETUP
	XORQ R9, R9

textStep:
	LEAQ     16(DX), AX
	CMPQ     AX, CX
	JGT      textLast
	MOVOU    (SI)(DX*1), X0
	PMOVMSKB X0, R10
	MASKS
	MOVL     R10, R11 // control bytes: below 0x20, not from 0x80
	NOTL     R11
	ANDL     R11, BX
	ORL      BX, AX
	JNE      textFound
	ORL      R10, R9
	ADDQ     $16, DX
	JMP      textStep

textFound:
	BSFL  AX, AX
	HIGHBEFORE
	ADDQ  DX, AX
	MOVQ  AX, ret+16(FP)
	TESTL R9, R9
	SETNE ret1+24(FP)
	RET

textLast:
	CMPQ     DX, CX
	JGE      textNone
	MOVOU    -16(SI)(CX*1), X0
	PMOVMSKB X0, R10
	MASKS
	MOVL     R10, R11
	NOTL     R11
	ANDL     R11, BX
	ORL      BX, AX
	DROPSEEN(AX)
	DROPSEEN(R10)
	TESTL    AX, AX
	JEQ      textLastNone
	BSFL     AX, AX
	HIGHBEFORE
	LEAQ     -16(CX)(AX*1), AX
	MOVQ     AX, ret+16(FP)
	TESTL    R9, R9
	SETNE    ret1+24(FP)
	RET

textLastNone:
	ORL R10, R9

textNone:
	MOVQ  CX, ret+16(FP)
	TESTL R9, R9
	SETNE ret1+24(FP)
	RET
