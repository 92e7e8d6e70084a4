; INT 21h/3Fh: read from file or device (RBIL INT 21/AH=3Fh).
; Pins: a read returns what is there and moves the position; a short read
; at the end; AX = 0 at end of file (no error); CX = 0 reads nothing;
; invalid handle 6; a buffer that runs past the end of memory is refused
; (5) without consuming input; standard input at end (stdin is empty here)
; reads 0.
        org 100h
%include "check.inc"
        mov     ax, 3D00h
        mov     dx, fname
        int     21h
        mov     [h], ax
        mov     ah, 3Fh
        mov     bx, [h]
        mov     cx, 4
        mov     dx, buf
        int     21h
        CHECK_CF "3fh-1.1", 0
        CHECK_EQ "3fh-1.2", ax, 4
        CHECK_EQ "3fh-1.3", [buf], '01'
        CHECK_EQ "3fh-1.4", [buf+2], '23'
        mov     ah, 3Fh                 ; CX = 0: nothing
        mov     bx, [h]
        xor     cx, cx
        mov     dx, buf
        int     21h
        CHECK_CF "3fh-1.5", 0
        CHECK_EQ "3fh-1.6", ax, 0
        mov     ah, 3Fh                 ; short read: 6 of 100
        mov     bx, [h]
        mov     cx, 100
        mov     dx, buf
        int     21h
        CHECK_EQ "3fh-1.7", ax, 6
        CHECK_EQ "3fh-1.8", [buf], '45'
        mov     ah, 3Fh                 ; end of file
        mov     bx, [h]
        mov     cx, 100
        mov     dx, buf
        int     21h
        CHECK_CF "3fh-1.9", 0
        CHECK_EQ "3fh-1.10", ax, 0

        ; 2: a buffer past the end of memory: refused, input kept
        mov     ax, 4200h
        mov     bx, [h]
        xor     cx, cx
        xor     dx, dx
        int     21h
        push    ds
        mov     ax, 0FFFFh
        mov     ds, ax
        mov     ah, 3Fh
        mov     bx, [cs:h]
        mov     cx, 100h
        mov     dx, 0FFF0h              ; FFFF:FFF0 + 100h > 1 MiB + 64 KiB
        int     21h
        pop     ds
        CHECK_CF "3fh-2.1", 1
        CHECK_EQ "3fh-2.2", ax, 5
        mov     ah, 3Fh
        mov     bx, [h]
        mov     cx, 2
        mov     dx, buf
        int     21h
        CHECK_EQ "3fh-2.3", [buf], '01'

        ; 3: errors and stdin
        mov     ah, 3Fh
        mov     bx, 12
        mov     cx, 1
        mov     dx, buf
        int     21h
        CHECK_CF "3fh-3.1", 1
        CHECK_EQ "3fh-3.2", ax, 6
        mov     ah, 3Fh
        xor     bx, bx
        mov     cx, 10
        mov     dx, buf
        int     21h
        CHECK_CF "3fh-3.3", 0
        CHECK_EQ "3fh-3.4", ax, 0
        CHECK_DONE

fname   db "DIGITS.TXT", 0
h       dw 0
buf     times 100 db 0
