; INT 21h/3Eh: close file (RBIL INT 21/AH=3Eh).
; Pins: closing an open handle succeeds and frees it (the next open gets
; the same number); closing it again, a never-opened handle and one past
; the 20-entry JFT fail with 6; closing standard output stops output
; through handle 1 (6) while handle 2 still works.
        org 100h
%include "check.inc"
        mov     ax, 3D00h
        mov     dx, nul
        int     21h
        CHECK_CF "3eh-1.1", 0
        CHECK_EQ "3eh-1.2", ax, 5
        mov     bx, ax
        mov     ah, 3Eh
        int     21h
        CHECK_CF "3eh-1.3", 0
        mov     ah, 3Eh                 ; again: invalid
        int     21h
        CHECK_CF "3eh-1.4", 1
        CHECK_EQ "3eh-1.5", ax, 6
        mov     ax, 3D00h               ; the freed slot comes back
        mov     dx, nul
        int     21h
        CHECK_EQ "3eh-1.6", ax, 5
        mov     ah, 3Eh
        mov     bx, 7                   ; never opened
        int     21h
        CHECK_CF "3eh-2.1", 1
        CHECK_EQ "3eh-2.2", ax, 6
        mov     ah, 3Eh
        mov     bx, 20                  ; past the JFT
        int     21h
        CHECK_EQ "3eh-2.3", ax, 6
        mov     ah, 3Eh
        mov     bx, 0FFFFh
        int     21h
        CHECK_EQ "3eh-2.4", ax, 6
        mov     ah, 3Eh                 ; close stdout ...
        mov     bx, 1
        int     21h
        CHECK_CF "3eh-3.1", 0           ; (this line goes nowhere)
        mov     ah, 40h
        mov     bx, 1
        mov     cx, 1
        mov     dx, nul
        int     21h
        mov     [err], ax
        mov     ah, 40h                 ; ... stderr still writes
        mov     bx, 2
        mov     cx, msg_len
        mov     dx, msg
        int     21h
        mov     ax, [err]               ; report through the exit code
        mov     ah, 4Ch
        int     21h

nul     db "NUL", 0
msg     db "3eh-3 stderr"
msg_len equ $ - msg
err     dw 0
