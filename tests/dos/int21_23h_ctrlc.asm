; Ctrl-C and the program's INT 23h handler (RBIL INT 23, INT 21/AH=01h,
; 07h, 08h, 0Ah, 4Dh). A ^C read by 01h, 08h or 0Ah echoes "^C" CR LF and
; calls INT 23h; a handler ending in IRET, or in RETF with CF clear (the
; FLAGS word left on its stack is dropped by DOS), gets the call started
; over, which then reads the next byte; 07h hands the ^C over as data.
; A handler ending in RETF with CF set aborts the program: the child
; int21_23h_ctrlc_child.asm (CHILD.COM) does so, and our 4Dh then reads
; AX = 0100h (type 1, Ctrl-C). Our handler is back after the child ends.
        org 100h
%include "check.inc"

        mov     ah, 4Ah
        mov     bx, 1000h
        int     21h
        mov     ax, 2523h
        mov     dx, h_iret
        int     21h

        mov     ah, 08h                 ; 'a'
        int     21h
        CHECK_EQ8 "23h-1.1", al, 'a'
        mov     bp, sp
        mov     ah, 08h                 ; ^C -> handler -> again: 'b'
        int     21h
        CHECK_EQ8 "23h-1.2", al, 'b'
        CHECK_EQ "23h-1.3", word [count], 1
        mov     ax, sp
        CHECK_EQ "23h-1.4", ax, bp

        mov     ax, 2523h               ; RETF, CF clear
        mov     dx, h_retf
        int     21h
        mov     ah, 01h                 ; ^C -> handler -> again: 'c' (echoed)
        int     21h
        PRINT   ""
        CHECK_EQ8 "23h-2.1", al, 'c'
        CHECK_EQ "23h-2.2", word [count], 2
        mov     ax, sp
        CHECK_EQ "23h-2.3", ax, bp

        mov     ah, 07h                 ; 07h: ^C is data
        int     21h
        CHECK_EQ8 "23h-3.1", al, 03h
        CHECK_EQ "23h-3.2", word [count], 2

        mov     ax, 2523h
        mov     dx, h_iret
        int     21h
        mov     ah, 0Ah                 ; "xy" ^C dropped, then "z" CR
        mov     dx, line
        int     21h
        CHECK_EQ8 "23h-4.1", [line+1], 1
        CHECK_EQ8 "23h-4.2", [line+2], 'z'
        CHECK_EQ "23h-4.3", word [count], 3

        ; the child's handler aborts it
        mov     ax, 4B00h
        mov     dx, child
        mov     bx, epb
        mov     [epb+4], cs
        mov     [epb+8], cs
        mov     [epb+0Ch], cs
        int     21h
        CHECK_CF "23h-5.1", 0
        mov     ah, 4Dh
        int     21h
        CHECK_EQ "23h-5.2", ax, 0100h
        mov     ax, 3523h
        int     21h
        CHECK_EQ "23h-5.3", bx, h_iret
        CHECK_DONE

h_iret: inc     word [cs:count]
        iret
h_retf: inc     word [cs:count]
        clc
        retf

count:  dw 0
line:   db 10, 0
        times 10 db 0
epb:    dw 0, tail, 0, fcb, 0, fcb, 0
tail:   db 0, 13
fcb:    times 16 db 0
child:  db "CHILD.COM", 0
