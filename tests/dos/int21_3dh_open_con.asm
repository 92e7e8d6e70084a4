; INT 21h/3Dh on "CON": the console device (RBIL INT 21/AH=3Dh; MS-DOS
; device names). Pins: a handle opened on CON (any extension) reads the
; host's standard input and writes its standard output, and IOCTL 4400h
; reports it as the console (80D3h).
        org 100h
%include "check.inc"
        mov     ax, 3D02h
        mov     dx, con
        int     21h
        CHECK_CF "con-1.1", 0
        mov     [h], ax
        mov     ax, 4400h
        mov     bx, [h]
        int     21h
        CHECK_EQ "con-1.2", dx, 80D3h
        mov     ah, 3Fh
        mov     bx, [h]
        mov     cx, 20
        mov     dx, buf
        int     21h
        CHECK_CF "con-1.3", 0
        CHECK_EQ "con-1.4", ax, 6
        mov     ah, 40h                 ; echo what was read through CON
        mov     bx, [h]
        mov     cx, 5
        mov     dx, buf
        int     21h
        mov     di, ax
        mov     ah, 40h
        mov     bx, [h]
        mov     cx, 2
        mov     dx, crlf
        int     21h
        CHECK_EQ "con-1.5", di, 5
        CHECK_DONE

con     db "con.txt", 0
crlf    db 13, 10
h       dw 0
buf     times 20 db 0
