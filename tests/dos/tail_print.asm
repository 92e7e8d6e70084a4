; TAIL_PRINT: prints its command tail (PSP:80h length, PSP:81h text) between
; brackets on stdout, e.g. "[ a b]", for the end-to-end tests of how vdm
; joins ARGS into a tail (DESIGN.md, "The public contract").
; RBIL INT 21/AH=26h "Format of Program Segment Prefix": offset 80h is the
; tail length, 81h the text, terminated by a CR that the length excludes.
; Exit status 0; 3 when the CR terminator is missing.
        org 100h

TAIL_LEN equ 80h
TAIL     equ 81h
CR       equ 0Dh

        mov     ah, 40h                 ; write "[" to stdout (handle 1)
        mov     bx, 1
        mov     cx, 1
        mov     dx, open_br
        int     21h
        mov     cl, [TAIL_LEN]
        xor     ch, ch
        mov     ah, 40h
        mov     dx, TAIL
        int     21h                     ; the tail itself, CX bytes
        mov     ah, 40h
        mov     cx, close_len
        mov     dx, close_br
        int     21h
        mov     bl, [TAIL_LEN]
        xor     bh, bh
        mov     al, 0
        cmp     byte [TAIL+bx], CR
        je      .out
        mov     al, 3
.out:   mov     ah, 4Ch
        int     21h

open_br   db "["
close_br  db "]", 13, 10
close_len equ $ - close_br
