; Helper for int21_fcb_leak (no .expect of its own): opens the file
; FCB.DAT through one FCB 90 times without closing it (each open takes a
; new SFT entry) and exits with the number of opens that succeeded.
        org 100h
        xor     bx, bx
        mov     cx, 90
.again: push    cx
        mov     ah, 0Fh
        mov     dx, fcb
        int     21h
        pop     cx
        test    al, al
        jnz     .fail
        inc     bx
.fail:  loop    .again
        mov     al, bl
        mov     ah, 4Ch
        int     21h
fcb:    db 0, "FCB     DAT"
        times 25 db 0
