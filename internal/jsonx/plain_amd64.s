//go:build !purego

#include "textflag.h"

// func plainEnd(s string) int
//
// The index of the first byte of s that is a quote, a backslash, a
// control byte or not ASCII, or len(s); s holds at least 16 bytes. SSE2,
// 16 bytes a step: a signed compare with 0x20 marks the control bytes and
// those from 0x80 at once. The last step reads the last 16 bytes of s,
// ignoring the ones already looked at.
TEXT ·plainEnd(SB), NOSPLIT, $0-24
	MOVQ s_base+0(FP), SI
	MOVQ s_len+8(FP), CX
	MOVQ $0x2222222222222222, AX
	MOVQ AX, X1
	PUNPCKLQDQ X1, X1
	MOVQ $0x5c5c5c5c5c5c5c5c, AX
	MOVQ AX, X2
	PUNPCKLQDQ X2, X2
	MOVQ $0x2020202020202020, AX
	MOVQ AX, X3
	PUNPCKLQDQ X3, X3
	XORQ DX, DX

step:
	LEAQ 16(DX), AX
	CMPQ AX, CX
	JGT  last
	MOVOU   (SI)(DX*1), X0
	MOVO    X0, X4
	PCMPEQB X1, X4
	MOVO    X0, X5
	PCMPEQB X2, X5
	MOVO    X3, X6
	PCMPGTB X0, X6
	POR     X5, X4
	POR     X6, X4
	PMOVMSKB X4, AX
	TESTL   AX, AX
	JNE     found
	ADDQ    $16, DX
	JMP     step

found:
	BSFL AX, AX
	ADDQ DX, AX
	MOVQ AX, ret+16(FP)
	RET

last:
	CMPQ DX, CX
	JGE  none
	MOVOU   -16(SI)(CX*1), X0
	MOVO    X0, X4
	PCMPEQB X1, X4
	MOVO    X0, X5
	PCMPEQB X2, X5
	MOVO    X3, X6
	PCMPGTB X0, X6
	POR     X5, X4
	POR     X6, X4
	PMOVMSKB X4, AX
	// The step starts at len(s)-16; its first 16-(len(s)-DX) bytes were
	// looked at already.
	MOVQ CX, BX
	SUBQ DX, BX
	MOVQ CX, R8
	MOVQ $16, CX
	SUBQ BX, CX
	SHRL CX, AX
	SHLL CX, AX
	MOVQ R8, CX
	TESTL AX, AX
	JEQ  none
	BSFL AX, AX
	LEAQ -16(CX)(AX*1), AX
	MOVQ AX, ret+16(FP)
	RET

none:
	MOVQ CX, ret+16(FP)
	RET

// func plainTextEnd(s string) (int, bool)
//
// plainEnd letting bytes from 0x80 through: the index of the first quote,
// backslash or control byte of s, or len(s), and whether a byte from 0x80
// comes before it; s holds at least 16 bytes. Those bytes are the ones
// PMOVMSKB marks; the signed compare marks them with the control bytes.
TEXT ·plainTextEnd(SB), NOSPLIT, $0-25
	MOVQ s_base+0(FP), SI
	MOVQ s_len+8(FP), CX
	MOVQ $0x2222222222222222, AX
	MOVQ AX, X1
	PUNPCKLQDQ X1, X1
	MOVQ $0x5c5c5c5c5c5c5c5c, AX
	MOVQ AX, X2
	PUNPCKLQDQ X2, X2
	MOVQ $0x2020202020202020, AX
	MOVQ AX, X3
	PUNPCKLQDQ X3, X3
	XORQ DX, DX
	XORQ R9, R9 // the bytes from 0x80 seen, before the stop

textStep:
	LEAQ 16(DX), AX
	CMPQ AX, CX
	JGT  textLast
	MOVOU   (SI)(DX*1), X0
	PMOVMSKB X0, R10 // from 0x80
	MOVO    X0, X4
	PCMPEQB X1, X4
	MOVO    X0, X5
	PCMPEQB X2, X5
	MOVO    X3, X6
	PCMPGTB X0, X6
	POR     X5, X4
	PMOVMSKB X4, AX
	PMOVMSKB X6, BX
	MOVL    R10, R11 // control bytes: below 0x20, not from 0x80
	NOTL    R11
	ANDL    R11, BX
	ORL     BX, AX
	TESTL   AX, AX
	JNE     textFound
	ORL     R10, R9
	ADDQ    $16, DX
	JMP     textStep

textFound:
	BSFL AX, AX
	MOVL $1, BX // the bits before the stop
	MOVQ CX, R8
	MOVQ AX, CX
	SHLL CX, BX
	DECL BX
	MOVQ R8, CX
	ANDL BX, R10
	ORL  R10, R9
	ADDQ DX, AX
	MOVQ AX, ret+16(FP)
	TESTL R9, R9
	SETNE ret1+24(FP)
	RET

textLast:
	CMPQ DX, CX
	JGE  textNone
	MOVOU   -16(SI)(CX*1), X0
	PMOVMSKB X0, R10
	MOVO    X0, X4
	PCMPEQB X1, X4
	MOVO    X0, X5
	PCMPEQB X2, X5
	MOVO    X3, X6
	PCMPGTB X0, X6
	POR     X5, X4
	PMOVMSKB X4, AX
	PMOVMSKB X6, BX
	MOVL    R10, R11
	NOTL    R11
	ANDL    R11, BX
	ORL     BX, AX
	// The step starts at len(s)-16; its first 16-(len(s)-DX) bytes were
	// looked at already: drop their bits.
	MOVQ CX, BX
	SUBQ DX, BX
	MOVQ CX, R8
	MOVQ $16, CX
	SUBQ BX, CX
	SHRL CX, AX
	SHLL CX, AX
	SHRL CX, R10
	SHLL CX, R10
	MOVQ R8, CX
	TESTL AX, AX
	JEQ  textLastNone
	BSFL AX, AX
	MOVL $1, BX
	MOVQ AX, R8
	XCHGQ CX, R8
	SHLL CX, BX
	XCHGQ CX, R8
	DECL BX
	ANDL BX, R10
	ORL  R10, R9
	LEAQ -16(CX)(AX*1), AX
	MOVQ AX, ret+16(FP)
	TESTL R9, R9
	SETNE ret1+24(FP)
	RET

textLastNone:
	ORL R10, R9

textNone:
	MOVQ CX, ret+16(FP)
	TESTL R9, R9
	SETNE ret1+24(FP)
	RET
