; INT 21h/46h: force duplicate handle (RBIL INT 21/AH=46h).
; Pins: making handle 1 refer to an open file redirects standard output
; into that file (what COMMAND.COM does for ">"); CX is closed first, and
; a saved duplicate of the old stdout brings it back; the file stays open
; while any handle refers to it; CX = BX changes nothing; BX not open or
; CX outside the JFT gives 6.
        org 100h
%include "check.inc"
        mov     ah, 45h                 ; save stdout
        mov     bx, 1
        int     21h
        mov     [saved], ax
        mov     ah, 3Ch
        xor     cx, cx
        mov     dx, fname
        int     21h
        mov     [h], ax
        mov     ah, 46h                 ; stdout -> the file
        mov     bx, [h]
        mov     cx, 1
        int     21h
        jc      .bad
        mov     ah, 3Eh                 ; the file stays open through 1
        mov     bx, [h]
        int     21h
        mov     ah, 9                   ; 09h writes through handle 1 too
        mov     dx, dollar
        int     21h
        mov     ah, 40h
        mov     bx, 1
        mov     cx, msg_len
        mov     dx, msg
        int     21h
        mov     ah, 46h                 ; back to the real stdout
        mov     bx, [saved]
        mov     cx, 1
        int     21h
.bad:   CHECK_CF "46h-1.1", 0
        mov     ah, 3Eh
        mov     bx, [saved]
        int     21h
        CHECK_CF "46h-1.2", 0
        mov     ah, 3Ch                 ; BX = CX on a file: still open
        xor     cx, cx
        mov     dx, fname2
        int     21h
        mov     [h], ax
        mov     ah, 46h
        mov     bx, [h]
        mov     cx, bx
        int     21h
        CHECK_CF "46h-1.3", 0
        mov     ah, 40h
        mov     bx, [h]
        mov     cx, 2
        mov     dx, msg
        int     21h
        CHECK_CF "46h-1.4", 0
        CHECK_EQ "46h-1.5", ax, 2

        ; 2: errors
        mov     ah, 46h
        mov     bx, 9                   ; not open
        mov     cx, 1
        int     21h
        CHECK_CF "46h-2.1", 1
        CHECK_EQ "46h-2.2", ax, 6
        mov     ah, 46h
        mov     bx, 1
        mov     cx, 20                  ; past the JFT
        int     21h
        CHECK_CF "46h-2.3", 1
        CHECK_EQ "46h-2.4", ax, 6
        CHECK_DONE

fname   db "REDIR.TXT", 0
fname2  db "SAME.TXT", 0
dollar  db "to file, $"
msg     db "redirected"
msg_len equ $ - msg
saved   dw 0
h       dw 0
