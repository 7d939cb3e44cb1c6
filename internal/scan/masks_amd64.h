// Macros the scanner's two AVX2 kernels share (vector_amd64.s,
// kernel_amd64.s): the bytes they compare with, and a mask of 64 bytes.

// BROADCASTS puts '"', '\\', 0x20, '{'|0x20, '}'|0x20 and ':' in every
// byte of Y10 to Y15, and all ones in X9, for the quotes' parity. A byte
// ORed with 0x20 is 0x7b only for '{' and '[', and 0x7d only for '}' and
// ']'. Uses AX and X0.
#define BROADCASTS \
	MOVQ $0x22, AX; VMOVQ AX, X0; VPBROADCASTB X0, Y10; \
	MOVQ $0x5c, AX; VMOVQ AX, X0; VPBROADCASTB X0, Y11; \
	MOVQ $0x20, AX; VMOVQ AX, X0; VPBROADCASTB X0, Y12; \
	MOVQ $0x7b, AX; VMOVQ AX, X0; VPBROADCASTB X0, Y13; \
	MOVQ $0x7d, AX; VMOVQ AX, X0; VPBROADCASTB X0, Y14; \
	MOVQ $0x3a, AX; VMOVQ AX, X0; VPBROADCASTB X0, Y15; \
	MOVQ $-1, AX; VMOVQ AX, X9

// MASK sets m to a bit per byte of Y1 (bits 0-31) and Y2 (bits 32-63)
// equal to the byte in every byte of y. Uses Y3, Y4 and BX.
#define MASK(y, m) \
	VPCMPEQB y, Y1, Y3; \
	VPCMPEQB y, Y2, Y4; \
	VPMOVMSKB Y3, m; \
	VPMOVMSKB Y4, BX; \
	SHLQ $32, BX; \
	ORQ BX, m
