; UPCASE.COM - copy standard input to standard output in upper case, a
; filter for the pipe tests. Not a test on its own.
        org 100h
.loop:  mov     ah, 3Fh
        xor     bx, bx
        mov     cx, 1
        mov     dx, buf
        int     21h
        jc      .end
        or      ax, ax
        jz      .end
        mov     al, [buf]
        cmp     al, 'a'
        jb      .put
        cmp     al, 'z'
        ja      .put
        sub     al, 20h
        mov     [buf], al
.put:   mov     ah, 40h
        mov     bx, 1
        mov     cx, 1
        mov     dx, buf
        int     21h
        jmp     .loop
.end:   mov     ax, 4C00h
        int     21h
buf     db 0
