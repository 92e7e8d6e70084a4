; INT 21h/45h: duplicate handle (RBIL INT 21/AH=45h).
; Pins: the new handle is the lowest free one and refers to the same open
; file: reading through one moves the position of the other; closing the
; original leaves the duplicate working; duplicating a closed handle gives
; 6; with the handle table full, 4.
        org 100h
%include "check.inc"
        mov     ax, 3D00h
        mov     dx, fname
        int     21h
        mov     [h1], ax
        mov     ah, 45h
        mov     bx, [h1]
        int     21h
        CHECK_CF "45h-1.1", 0
        CHECK_EQ "45h-1.2", ax, 6
        mov     [h2], ax
        mov     ah, 3Fh                 ; 3 bytes through the original
        mov     bx, [h1]
        mov     cx, 3
        mov     dx, buf
        int     21h
        mov     ah, 3Fh                 ; the duplicate continues at 3
        mov     bx, [h2]
        mov     cx, 2
        mov     dx, buf
        int     21h
        CHECK_EQ "45h-1.3", [buf], '34'
        mov     ax, 4201h               ; and the original sees 5
        mov     bx, [h1]
        xor     cx, cx
        xor     dx, dx
        int     21h
        CHECK_EQ "45h-1.4", ax, 5
        mov     ah, 3Eh                 ; close the original
        mov     bx, [h1]
        int     21h
        mov     ah, 3Fh
        mov     bx, [h2]
        mov     cx, 1
        mov     dx, buf
        int     21h
        CHECK_CF "45h-1.5", 0
        CHECK_EQ "45h-1.6", ax, 1
        CHECK_EQ "45h-1.7", [buf], '54'

        ; 2: errors
        mov     ah, 45h
        mov     bx, [h1]                ; closed
        int     21h
        CHECK_CF "45h-2.1", 1
        CHECK_EQ "45h-2.2", ax, 6
        mov     ah, 45h
        mov     bx, 300
        int     21h
        CHECK_EQ "45h-2.3", ax, 6
        xor     si, si                  ; fill the JFT with duplicates
.more:  mov     ah, 45h
        mov     bx, 1
        int     21h
        jc      .full
        inc     si
        cmp     si, 30
        jb      .more
.full:  CHECK_EQ "45h-2.4", si, 14
        CHECK_EQ "45h-2.5", ax, 4
        CHECK_DONE

fname   db "DIGITS.TXT", 0
h1      dw 0
h2      dw 0
buf     times 4 db 0
