; Files a program opened by FCB and never closed are closed when it ends
; (MS-DOS closes them with the program's other files): the child
; int21_fcb_leak_child.asm (CHILD.COM) opens FCB.DAT 90 times through FCBs
; and exits; run twice, it gets all 90 opens both times, so the first
; run's SFT entries came back (there are 100 in all).
        org 100h
%include "check.inc"

        mov     ah, 4Ah
        mov     bx, 1000h
        int     21h
        call    run
        CHECK_EQ "fcb-1.1", ax, 90
        call    run
        CHECK_EQ "fcb-1.2", ax, 90
        CHECK_DONE

run:    mov     ax, 4B00h
        mov     dx, child
        mov     bx, epb
        mov     [epb+4], cs
        mov     [epb+8], cs
        mov     [epb+0Ch], cs
        int     21h
        mov     ah, 4Dh
        int     21h
        ret

epb:    dw 0, tail, 0, fcb, 0, fcb, 0
tail:   db 0, 13
fcb:    times 16 db 0
child:  db "CHILD.COM", 0
