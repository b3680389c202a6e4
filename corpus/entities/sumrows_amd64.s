//go:build amd64 && !purego

#include "textflag.h"

// func sumRowsSSE(e *[nTags]float32, w []float32, rows []int32) bool
//
// Four tags a packed add, the seventeenth alone: each lane adds what
// the scalar loop adds, in its order, so the sums are the same to the
// bit. A row outside w stops the loop, and the caller sums in Go as it
// did before.
TEXT ·sumRowsSSE(SB), NOSPLIT, $0-57
	MOVQ e+0(FP), DI
	MOVQ w_base+8(FP), SI
	MOVQ w_len+16(FP), R8
	MOVQ rows_base+32(FP), BX
	MOVQ rows_len+40(FP), CX
	SUBQ $17, R8 // the last row that fits in w
	JCS  bad
	XORPS X0, X0
	XORPS X1, X1
	XORPS X2, X2
	XORPS X3, X3
	XORPS X4, X4

loop:
	TESTQ CX, CX
	JZ    done
	MOVLQSX (BX), AX
	CMPQ  AX, R8
	JHI   bad // negative rows compare high too
	LEAQ  (SI)(AX*4), DX
	MOVUPS (DX), X5
	ADDPS  X5, X0
	MOVUPS 16(DX), X6
	ADDPS  X6, X1
	MOVUPS 32(DX), X7
	ADDPS  X7, X2
	MOVUPS 48(DX), X8
	ADDPS  X8, X3
	MOVSS  64(DX), X9
	ADDSS  X9, X4
	ADDQ   $4, BX
	DECQ   CX
	JMP    loop

done:
	MOVUPS X0, (DI)
	MOVUPS X1, 16(DI)
	MOVUPS X2, 32(DI)
	MOVUPS X3, 48(DI)
	MOVSS  X4, 64(DI)
	MOVB   $1, ret+56(FP)
	RET

bad:
	MOVB $0, ret+56(FP)
	RET
