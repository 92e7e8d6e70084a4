; INT 21h/4406h: input status of standard input (RBIL INT 21/AX=4406h).
; Pins: with input waiting (a pipe or file on the host's stdin) AL = FFh;
; after a read returned 0 (end of file) AL = 00h, and 4400h's bit 6
; ("not at end of file") clears.
        org 100h
%include "check.inc"
        mov     ax, 4406h
        xor     bx, bx
        int     21h
        CHECK_CF "4406-1.1", 0
        xor     ah, ah
        CHECK_EQ "4406-1.2", ax, 0FFh
        mov     ah, 3Fh
        xor     bx, bx
        mov     cx, 10
        mov     dx, buf
        int     21h
        CHECK_EQ "4406-1.3", ax, 4
        CHECK_EQ "4406-1.4", [buf], 'ab'
        mov     ax, 4400h               ; not at end yet
        xor     bx, bx
        int     21h
        CHECK_EQ "4406-1.5", dx, 80D3h
        mov     ah, 3Fh
        xor     bx, bx
        mov     cx, 10
        mov     dx, buf
        int     21h
        CHECK_EQ "4406-2.1", ax, 0
        mov     ax, 4406h
        xor     bx, bx
        int     21h
        xor     ah, ah
        CHECK_EQ "4406-2.2", ax, 0
        mov     ax, 4400h
        xor     bx, bx
        int     21h
        CHECK_EQ "4406-2.3", dx, 8093h
        CHECK_DONE

buf     times 10 db 0
