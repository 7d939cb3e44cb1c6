//go:build !purego

#include "textflag.h"
#include "masks_amd64.h"

// func skipStepsAVX2(p *byte, n int, st *kernelState) int
//
// skipStepsGo in assembly (kernel.go says what it does). The masks are
// classify's; the kinds of the containers a step opens go on a stack in
// a word and reach st.kinds only once the step is taken. Registers: SI
// the step, DI st, R8 the depth, R9 the bits inside strings, R10 the
// brackets left, R11 the bits at depth 1, R12 the last bracket's bit, R13
// the openers, R14 the stack of kinds (innermost at bit 0, above a marker
// bit; R14 is free in ABI0 code, which Go's caller restores it after).
TEXT ·skipStepsAVX2(SB), NOSPLIT, $64-32
	MOVQ p+0(FP), SI
	MOVQ n+8(FP), AX
	MOVQ AX, left-8(SP)
	MOVQ st+16(FP), DI
	MOVQ 80(DI), AX
	MOVQ AX, rem-56(SP) // the bytes before lim from the step on
	BROADCASTS
	MOVQ 0(DI), R8

step:
	CMPQ left-8(SP), $0
	JEQ  done
	VMOVDQU 0(SI), Y1
	VMOVDQU 32(SI), Y2

	// DX: the bits before lim.
	MOVQ  $-1, DX
	MOVQ  rem-56(SP), CX
	CMPQ  CX, $64
	JGE   valid
	MOVQ  $1, DX
	SHLQ  CX, DX
	DECQ  DX

valid:
	// A backslash: the step is the Go code's.
	MASK(Y11, AX)
	TESTQ     DX, AX
	JNE       done

	// The quotes, and R9: the bits of opening quotes and string contents.
	MASK(Y10, AX)
	VMOVQ      AX, X5
	VPCLMULQDQ $0, X9, X5, X5
	VMOVQ      X5, R9
	ANDQ       DX, AX
	MOVQ       AX, quote-16(SP)
	MOVQ       16(DI), BX
	NEGQ       BX
	XORQ       BX, R9

	// R13: the openers; R10: the brackets outside strings, before lim.
	VPOR      Y12, Y1, Y1
	VPOR      Y12, Y2, Y2
	MASK(Y13, R13)
	MASK(Y14, R10)
	ORQ       R13, R10
	ANDQ      DX, R10
	MOVQ      R9, BX
	NOTQ      BX
	ANDQ      BX, R10

	XORQ R11, R11
	XORQ R12, R12
	MOVQ $1, R14 // the stack of kinds, empty: its marker bit alone
	MOVQ $-1, stop-48(SP)

brackets:
	TESTQ R10, R10
	JEQ   bracketsDone
	BSFQ  R10, DX
	CMPQ  R8, $1
	JNE   depthSet
	MOVQ  DX, CX // R11 |= (1<<i - 1) &^ (1<<from - 1)
	MOVQ  $1, AX
	SHLQ  CX, AX
	DECQ  AX
	MOVQ  R12, CX
	MOVQ  $1, BX
	SHLQ  CX, BX
	DECQ  BX
	NOTQ  BX
	ANDQ  BX, AX
	ORQ   AX, R11

depthSet:
	MOVQ    DX, R12
	MOVBQZX (SI)(DX*1), AX
	BTQ     DX, R13
	JCC     closer
	INCQ    R8
	CMPQ    R8, $1024
	JGT     done
	TESTQ   R14, R14 // 63 kinds on the stack already: the Go code's
	JLT     done
	XORQ    BX, BX
	CMPB    AL, $0x5b // '['
	SETEQ   BL
	SHLQ    $1, R14
	ORQ     BX, R14
	JMP     next

closer:
	CMPQ  R8, $1024
	JGT   done
	CMPQ  R8, 8(DI) // at or below the floor: skipBlocks stops here
	JLE   stopHere
	XORQ  BX, BX
	CMPB  AL, $0x5d // ']'
	SETEQ BL
	CMPQ  R14, $1
	JEQ   fromKinds
	MOVQ  R14, AX
	ANDQ  $1, AX
	CMPQ  AX, BX
	JNE   stopHere // a closer that does not match: skipBlocks stops here
	SHRQ  $1, R14
	DECQ  R8
	JMP   next

fromKinds:
	LEAQ -1(R8), CX
	MOVQ CX, AX
	SHRQ $6, AX
	MOVQ 40(DI), DX
	MOVQ (DX)(AX*8), AX
	ANDQ $63, CX
	SHRQ CX, AX
	ANDQ $1, AX
	CMPQ AX, BX
	JNE  stopHere // a closer that does not match: skipBlocks stops here
	DECQ R8

next:
	LEAQ -1(R10), AX
	ANDQ AX, R10
	JMP  brackets

stopHere:
	MOVQ R12, stop-48(SP)
	JMP  names

bracketsDone:
	CMPQ R8, $1
	JNE  names
	MOVQ R12, CX
	MOVQ $-1, AX
	SHLQ CX, AX
	ORQ  AX, R11

names:
	// In a record rejected early, the first eight bytes of each name at
	// depth 1 (not a string that follows '":' at once); one that may be
	// suspicious leaves the step to the Go code.
	CMPQ 56(DI), $0
	JEQ  commit
	MOVQ quote-16(SP), AX
	ANDQ R9, AX
	ANDQ R11, AX
	JEQ  commit
	VMOVDQU   0(SI), Y1 // the colons, only now that they matter
	VMOVDQU   32(SI), Y2
	MASK(Y15, DX)
	MOVQ R9, CX
	NOTQ CX
	ANDQ CX, DX
	SHLQ $1, DX
	MOVQ quote-16(SP), BX
	ANDQ CX, BX
	SHLQ $2, BX
	ANDQ DX, BX
	NOTQ BX
	MOVQ quote-16(SP), AX
	ANDQ R9, AX
	ANDQ BX, AX
	ANDQ R11, AX

name:
	TESTQ AX, AX
	JEQ   commit
	BSFQ  AX, DX
	MOVQ  (SI)(DX*1), BX
	CMPQ  BX, 48(DI)
	JEQ   done
	MOVQ  $0x7954746e65766522, CX // "eventTy
	CMPQ  BX, CX
	JEQ   eventType
	CMPQ  64(DI), $0
	JEQ   nextName
	MOVQ  $0xffffffffffff, CX
	ANDQ  CX, BX
	MOVQ  $0x78e510617311d8a3, CX // otherHash
	MOVQ  BX, DX
	IMULQ CX, DX
	SHRQ  $59, DX
	MOVQ  72(DI), CX
	CMPQ  BX, (CX)(DX*8)
	JEQ   done

nextName:
	LEAQ -1(AX), CX
	ANDQ CX, AX
	JMP  name

eventType:
	// plainEventType: "eventType":" and then not AwsCloud.
	CMPL 8(SI)(DX*1), $0x3a226570 // pe":
	JNE  done
	CMPB 12(SI)(DX*1), $0x22
	JNE  done
	MOVQ 13(SI)(DX*1), BX
	MOVQ $0x64756f6c43737741, CX // AwsCloud
	CMPQ BX, CX
	JEQ  done
	JMP  nextName

commit:
	// The step is taken: the kinds it leaves open, innermost at the
	// depth, go to st.kinds.
	LEAQ -1(R8), R10
	MOVQ 40(DI), DX

kinds:
	CMPQ R14, $1
	JEQ  kindsDone
	MOVQ  R10, AX
	SHRQ  $6, AX
	MOVQ  R10, CX
	ANDQ  $63, CX
	MOVQ  (DX)(AX*8), BX
	BTRQ  CX, BX
	TESTQ $1, R14
	JEQ   kindSet
	BTSQ  CX, BX

kindSet:
	MOVQ BX, (DX)(AX*8)
	SHRQ $1, R14
	DECQ R10
	JMP  kinds

kindsDone:
	MOVQ R8, 0(DI)
	MOVQ SI, BX // BX: the index in b of the step
	SUBQ p+0(FP), BX
	ADDQ 32(DI), BX
	MOVQ stop-48(SP), AX
	CMPQ AX, $0
	JLT  noStop
	ADDQ BX, AX
	MOVQ AX, 88(DI)
	JMP  done

noStop:
	MOVQ quote-16(SP), AX
	ANDQ R9, AX
	JEQ  atLim
	BSRQ AX, AX
	ADDQ BX, AX
	MOVQ AX, 24(DI)

atLim:
	MOVQ rem-56(SP), CX
	CMPQ CX, $64
	JGE  carry
	// The step crosses lim: stop there, or at the opening quote of the
	// string lim cuts.
	MOVQ 32(DI), AX
	ADDQ 80(DI), AX
	DECQ CX
	BTQ  CX, R9
	JCC  limStop
	MOVQ 24(DI), AX

limStop:
	MOVQ AX, 88(DI)
	JMP  done

carry:
	SHRQ $63, R9
	MOVQ R9, 16(DI)
	ADDQ $64, SI
	SUBQ $64, rem-56(SP)
	DECQ left-8(SP)
	JMP  step

done:
	MOVQ n+8(FP), AX
	SUBQ left-8(SP), AX
	MOVQ AX, ret+24(FP)
	VZEROUPPER
	RET
