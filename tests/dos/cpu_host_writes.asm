; Host writes into code that a JIT has already translated, at the places
; the Unicorn backend's exact-range invalidation (vdm/mem.c's host-write
; log) must still catch:
; - the bytes right after an INT 21h/AH=3Fh (RBIL INT 21/AH=3Fh) that read
;   them: the same loop runs twice, so the second read replaces code that
;   ran (and was translated) in the first pass;
; - one byte inside a routine changed through a buffer that also covers
;   bytes the routine does not use: only a range, not a page, is written.
; The first pass proves the code ran as read; the second that a stale
; translation was dropped. Stdin holds the records (cpu_host_writes.stdin).
        org 100h
%include "check.inc"
        mov     bp, 2                   ; two passes
.pass:  mov     ah, 3Fh                 ; read 4 bytes of code to .here
        xor     bx, bx
        mov     cx, 4
        mov     dx, .here
        int     21h
.here:  times 4 nop                     ; mov ax, imm16 / nop once read
        push    ax                      ; pass 1's result, then pass 2's
        dec     bp
        jnz     .pass
        pop     dx
        pop     ax
        CHECK_EQ "hw-1.1 first read code runs", ax, 1111h
        CHECK_EQ "hw-1.2 second read replaces translated code", dx, 2222h

        call    routine                 ; translated with imm 33h
        CHECK_EQ8 "hw-2.1 routine before", al, 33h
        mov     ah, 3Fh                 ; read its immediate byte
        xor     bx, bx
        mov     cx, 1
        mov     dx, routine + 1
        int     21h
        call    routine
        CHECK_EQ8 "hw-2.2 one host-written byte is seen", al, 44h
        CHECK_DONE

routine:
        mov     al, 33h
        ret
