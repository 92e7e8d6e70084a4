; INT 21h/50h set PSP, 51h and 62h get PSP, 4Dh with no child
; (RBIL INT 21/AH=50h, 51h, 62h, 4Dh).
; Pins: for a .COM, 51h and 62h both return CS (the PSP); 50h makes
; another segment current and both getters report it until it is set
; back; the PSP itself is untouched. 4Dh before any child has run gives
; AX = 0 (nothing has terminated).
        org 100h
%include "check.inc"

        mov     ah, 51h
        int     21h
        CHECK_EQ "51h-1.1", bx, cs
        mov     ah, 62h
        int     21h
        CHECK_EQ "62h-1.1", bx, cs

        ; 50h-1: make 1234h current and read it back both ways. The checks
        ; wait until our PSP is back: handle 1 is looked up in the current
        ; PSP's JFT, and 1234h:18h holds no JFT of ours.
        mov     ah, 50h
        mov     bx, 1234h
        int     21h
        xor     bx, bx
        mov     ah, 51h
        int     21h
        mov     si, bx
        xor     bx, bx
        mov     ah, 62h
        int     21h
        mov     di, bx
        mov     ah, 50h
        mov     bx, cs
        int     21h
        CHECK_EQ "50h-1.1", si, 1234h
        CHECK_EQ "50h-1.2", di, 1234h
        mov     ah, 62h
        int     21h
        CHECK_EQ "50h-1.3", bx, cs
        CHECK_EQ "50h-1.4", word [0], 20CDh   ; still our PSP

        ; 4dh-1: no child has ended.
        mov     ax, 0FFFFh
        mov     ah, 4Dh
        int     21h
        CHECK_EQ "4dh-1.1", ax, 0000h
        CHECK_DONE
