; INT 21h/40h: write to file or device (RBIL INT 21/AH=40h).
; Pins: writes land at the position and move it; CX = 0 cuts the file at
; the position (and extends it when the position is past the end); a
; CX = 0 write through a read-only handle changes nothing (5); invalid
; handle 6; NUL accepts everything; the 1Ah byte is written like any other
; (handles are binary); standard output and standard error are the host's.
        org 100h
%include "check.inc"
        mov     ah, 3Ch
        xor     cx, cx
        mov     dx, fname
        int     21h
        mov     [h], ax
        mov     ah, 40h
        mov     bx, [h]
        mov     cx, 10
        mov     dx, text
        int     21h
        CHECK_CF "40h-1.1", 0
        CHECK_EQ "40h-1.2", ax, 10

        ; 2: seek to 4, write 0 bytes: the file ends at 4
        mov     ax, 4200h
        mov     bx, [h]
        xor     cx, cx
        mov     dx, 4
        int     21h
        mov     ah, 40h
        mov     bx, [h]
        xor     cx, cx
        mov     dx, text
        int     21h
        CHECK_CF "40h-2.1", 0
        CHECK_EQ "40h-2.2", ax, 0
        mov     ax, 4202h
        mov     bx, [h]
        xor     cx, cx
        xor     dx, dx
        int     21h
        CHECK_EQ "40h-2.3", ax, 4
        mov     ah, 40h                 ; append "Z", 1Ah, "Z"
        mov     bx, [h]
        mov     cx, 3
        mov     dx, tail
        int     21h
        CHECK_EQ "40h-2.4", ax, 3
        mov     ah, 3Eh
        mov     bx, [h]
        int     21h

        ; 3: CX = 0 through a read-only handle: 5, size unchanged
        mov     ax, 3D00h
        mov     dx, fname
        int     21h
        mov     [h], ax
        mov     ah, 40h
        mov     bx, [h]
        xor     cx, cx
        mov     dx, text
        int     21h
        CHECK_CF "40h-3.1", 1
        CHECK_EQ "40h-3.2", ax, 5
        mov     ax, 4202h
        mov     bx, [h]
        xor     cx, cx
        xor     dx, dx
        int     21h
        CHECK_EQ "40h-3.3", ax, 7
        mov     ah, 3Eh
        mov     bx, [h]
        int     21h

        ; 4: CX = 0 past the end extends
        mov     ah, 3Ch
        xor     cx, cx
        mov     dx, grow
        int     21h
        mov     [h], ax
        mov     ax, 4200h
        mov     bx, [h]
        xor     cx, cx
        mov     dx, 300
        int     21h
        mov     ah, 40h
        mov     bx, [h]
        xor     cx, cx
        int     21h
        mov     ax, 4202h
        mov     bx, [h]
        xor     cx, cx
        xor     dx, dx
        int     21h
        CHECK_EQ "40h-4.1", ax, 300
        mov     ah, 3Eh
        mov     bx, [h]
        int     21h

        ; 5: errors, NUL, stderr
        mov     ah, 40h
        mov     bx, 9
        mov     cx, 1
        mov     dx, text
        int     21h
        CHECK_CF "40h-5.1", 1
        CHECK_EQ "40h-5.2", ax, 6
        mov     ax, 3D01h
        mov     dx, nul
        int     21h
        mov     bx, ax
        mov     ah, 40h
        mov     cx, 1234
        mov     dx, text
        int     21h
        CHECK_EQ "40h-5.3", ax, 1234
        mov     ah, 40h
        mov     bx, 2
        mov     cx, errmsg_len
        mov     dx, errmsg
        int     21h
        CHECK_EQ "40h-5.4", ax, errmsg_len
        CHECK_DONE

fname   db "OUT.TXT", 0
grow    db "GROW.TXT", 0
nul     db "NUL", 0
text    db "abcdefghij"
tail    db "Z", 1Ah, "Z"
errmsg  db "40h-5 to stderr"
errmsg_len equ $ - errmsg
h       dw 0
