; ARGS.COM - print the command tail as "[tail]" and the first FCB's name
; field as "fcb=[NAME    EXT]", so the tests see exactly what COMMAND.COM
; passed. Not a test on its own.
        org 100h
        mov     ah, 40h
        mov     bx, 1
        mov     cx, 1
        mov     dx, lb
        int     21h
        mov     ah, 40h
        mov     bx, 1
        xor     cx, cx
        mov     cl, [80h]
        mov     dx, 81h
        int     21h
        mov     ah, 40h
        mov     bx, 1
        mov     cx, mid_len
        mov     dx, mid
        int     21h
        mov     ah, 40h
        mov     bx, 1
        mov     cx, 11
        mov     dx, 5Dh
        int     21h
        mov     ah, 40h
        mov     bx, 1
        mov     cx, 3
        mov     dx, rb
        int     21h
        mov     ax, 4C00h
        int     21h
lb      db "["
mid     db "] fcb=["
mid_len equ $ - mid
rb      db "]", 13, 10
