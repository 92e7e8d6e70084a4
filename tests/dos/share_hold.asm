; The holder half of tests/e2e/locks.sh (no .expect: not run on its own).
; Opens DATA.TXT read/write with deny-write sharing (RBIL INT 21/AH=3Dh,
; mode 22h), locks bytes 0-9 (RBIL INT 21/AH=5Ch), prints "held", then
; waits for end of file on standard input (the e2e script's fifo) and
; exits, which drops the lock and the sharing mode. Exit code 1 when the
; open or the lock failed.
        org 100h
        mov     ax, 3D22h
        mov     dx, data
        int     21h
        jc      fail
        mov     bx, ax
        mov     ax, 5C00h
        xor     cx, cx
        xor     dx, dx
        xor     si, si
        mov     di, 10
        int     21h
        jc      fail
        mov     ah, 40h
        mov     bx, 1
        mov     cx, held_len
        mov     dx, held
        int     21h
.wait:   mov     ah, 3Fh
        xor     bx, bx
        mov     cx, 1
        mov     dx, buf
        int     21h
        jc      done
        test    ax, ax
        jnz     .wait
done:   mov     ax, 4C00h
        int     21h
fail:   mov     ax, 4C01h
        int     21h

data    db "DATA.TXT", 0
held    db "held", 13, 10
held_len equ $ - held
buf     db 0
