; BENCH.COM: a fixed amount of integer work for tests/bench/bench.sh,
; which turns its run time into instructions per second per backend.
; BENCH_OUTER x BENCH_INNER turns of a 4-instruction mixing loop (ADD, XOR,
; ROL, LOOP), plus 4 instructions per outer turn: 4,004,000 instructions
; in all (bench.sh's BENCH_INSNS; keep them in step; QUICK: 1/100). Prints the 16-bit
; result in hex, so no backend can skip the work and all must agree.
; DOS calls used: INT 21h/AH=02h (print char), AH=4Ch (exit).
        org 100h
%ifdef QUICK
BENCH_OUTER equ 10
%else
BENCH_OUTER equ 1000
%endif
BENCH_INNER equ 1000

        xor ax, ax
        mov bx, 1
        mov cx, BENCH_OUTER
outer:  push cx
        mov cx, BENCH_INNER
inner:  add ax, cx
        xor bx, ax
        rol bx, 1
        loop inner
        pop cx
        loop outer

        mov cx, 4               ; print BX as four hex digits
digit:  rol bx, 4
        mov dl, bl
        and dl, 0Fh
        add dl, '0'
        cmp dl, '9'
        jbe .out
        add dl, 'A' - '9' - 1
.out:   mov ah, 02h
        int 21h
        loop digit
        mov dl, 13
        int 21h
        mov dl, 10
        int 21h
        mov ax, 4C00h
        int 21h
