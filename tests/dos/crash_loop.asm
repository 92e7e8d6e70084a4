; A program that never ends, for --timeout (status 124) and for the signal
; tests (SIGTERM ends vdm cleanly with 128+15). With "H" anywhere in the
; command tail it idles in STI/HLT (the run loop sleeps between timer
; ticks); otherwise it spins in a tight JMP $ (the CPU never stops).
; Before looping it prints "looping" so a test knows it started.
        org 100h

TAIL_LEN equ 80h
TAIL     equ 81h

        mov     ah, 09h
        mov     dx, msg
        int     21h
        mov     cl, [TAIL_LEN]
        xor     ch, ch
        mov     di, TAIL
        mov     al, 'H'
        repne   scasb                   ; ZF set: found an H
        je      idle
spin:   jmp     spin
idle:   sti
        hlt
        jmp     idle

msg     db "looping", 13, 10, "$"
