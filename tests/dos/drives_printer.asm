; --printer=FILE: PRN and LPT1-LPT3 write to FILE (RBIL INT 21/AH=05h
; printer output; AH=3Dh: device names open the device in any directory
; and with any extension). 05h, handle 4 (standard printer), "LPT1" and
; "SUB\PRN.TXT" opened by name all reach PRN.OUT, in order: "ABCD".
        org 100h
%include "check.inc"
        mov     ah, 05h
        mov     dl, 'A'
        int     21h
        mov     ah, 40h
        mov     bx, 4
        mov     cx, 1
        mov     dx, b
        int     21h
        CHECK_EQ "prn-1.1", ax, 1
        mov     dx, lpt1
        call    write_to
        CHECK_EQ "prn-1.2", ax, 1
        mov     dx, sub_prn
        call    write_to
        CHECK_EQ "prn-1.3", ax, 1
        CHECK_DONE

; Open DS:DX for writing, write the byte at `c` plus one per call, close.
; Out: AX = bytes written (0 when the open failed).
write_to:
        mov     ax, 3D01h
        int     21h
        jc      .fail
        mov     bx, ax
        mov     ah, 40h
        mov     cx, 1
        mov     dx, [next]
        int     21h
        inc     word [next]
        push    ax
        mov     ah, 3Eh
        int     21h
        pop     ax
        ret
.fail:  xor     ax, ax
        ret

b       db "B"
c       db "CD"
next    dw c
lpt1    db "LPT1", 0
sub_prn db "SUB\PRN.TXT", 0
