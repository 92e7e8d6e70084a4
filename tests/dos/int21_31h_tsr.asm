; Terminate and stay resident (RBIL INT 21/AH=31h, INT 27h, 4Dh) and load
; without executing (RBIL INT 21/AX=4B01h), with the helpers
; int21_31h_tsr_hook.asm (HOOK.COM) and int21_31h_tsr_user.asm (USER.COM).
; Pins: before any TSR, function F0h is unknown (AL = 0). HOOK stays
; resident with 31h: 4Dh gives AX = 0307h (type 3, code 7); its hook now
; answers our own F0h calls; its block stays allocated with the size it
; asked for, owned by it; its file handle stays open (the SFT entry is not
; freed: a new file we create still works). USER, run after it, sees the
; hook too (exit code 0). A second HOOK through INT 27h: 4Dh = 0300h and
; the newest hook answers. 4B01h loads USER without running it: the block
; gets SS:SP and CS:IP (CS = the new PSP, now current, IP = 100h) with AX
; pushed; jumping there runs it, and its end brings us back from 4B01h.
        org 100h
%include "check.inc"

        mov     ah, 4Ah
        mov     bx, 1000h
        int     21h
        mov     ah, 62h
        int     21h
        mov     [mypsp], bx

        mov     ah, 0F0h                ; nobody answers yet
        mov     al, 55h
        int     21h
        CHECK_EQ8 "tsr-1.1", al, 0

        ; 31h
        mov     dx, hook_name
        mov     si, tail_none
        call    exec
        CHECK_CF "31h-1.1", 0
        mov     ah, 4Dh
        int     21h
        CHECK_EQ "31h-1.2", ax, 0307h
        mov     ah, 0F0h
        int     21h
        CHECK_EQ "31h-1.3", ax, 1234h
        mov     [tsr_psp], bx
        dec     bx
        mov     es, bx                  ; its MCB
        mov     ax, [es:1]
        CHECK_EQ "31h-1.4", ax, word [tsr_psp]
        CHECK_EQ "31h-1.5", word [es:3], HOOK_PARAS
        push    cs
        pop     es

        ; a later program's calls pass through the hook
        mov     dx, user_name
        mov     si, tail_none
        call    exec
        CHECK_CF "31h-2.1", 0
        mov     ah, 4Dh
        int     21h
        CHECK_EQ "31h-2.2", ax, 0000h

        ; INT 27h
        mov     dx, hook_name
        mov     si, tail_27
        call    exec
        CHECK_CF "27h-1.1", 0
        mov     ah, 4Dh
        int     21h
        CHECK_EQ "27h-1.2", ax, 0300h
        mov     ah, 0F0h
        int     21h
        CHECK_EQ "27h-1.3", ax, 1234h
        mov     ax, bx
        sub     ax, [tsr_psp]
        mov     ax, 1
        jnz     .new
        dec     ax
.new:   CHECK_EQ "27h-1.4", ax, 1

        ; 4B01h: load USER, don't run it
        mov     ax, 4B01h
        mov     dx, user_name
        mov     bx, epb
        mov     word [epb+2], tail_none
        int     21h
        pushf
        cmp     byte [ran], 1
        je      after_child
        popf
        CHECK_CF "4b01h-1.1", 0
        mov     ah, 62h
        int     21h
        mov     [child], bx
        mov     ax, [epb+14h]
        CHECK_EQ "4b01h-1.2", ax, bx
        CHECK_EQ "4b01h-1.3", word [epb+12h], 100h
        CHECK_EQ "4b01h-1.4", word [epb+10h], bx
        CHECK_EQ "4b01h-1.5", word [epb+0Eh], 0FFFCh
        mov     es, bx
        CHECK_EQ "4b01h-1.6", word [es:0FFFCh], 0
        mov     ax, [mypsp]
        CHECK_EQ "4b01h-1.7", word [es:16h], ax
        push    cs
        pop     es
        mov     byte [ran], 1
        cli
        mov     ss, [epb+10h]
        mov     sp, [epb+0Eh]
        sti
        pop     ax
        jmp     far [cs:epb+12h]
after_child:
        popf
        mov     ah, 62h
        int     21h
        CHECK_EQ "4b01h-2.1", bx, word [mypsp]
        mov     ah, 4Dh
        int     21h
        CHECK_EQ "4b01h-2.2", ax, 0000h
        mov     ax, 4B01h               ; missing program
        mov     dx, missing
        mov     bx, epb
        int     21h
        CHECK_CF "4b01h-3.1", 1
        CHECK_EQ "4b01h-3.2", ax, 2
        CHECK_DONE

; exec: run the program named at DX with the tail at SI.
exec:   mov     [epb+2], si
        mov     [epb+4], cs
        mov     [epb+8], cs
        mov     [epb+0Ch], cs
        mov     ax, 4B00h
        mov     bx, epb
        int     21h
        ret

HOOK_PARAS      equ 12h ; (install - start + 100h + 15) / 16 in the helper

mypsp:  dw 0
tsr_psp: dw 0
child:  dw 0
ran:    db 0
epb:    dw 0, tail_none, 0, fcb, 0, fcb, 0, 0, 0, 0, 0
tail_none: db 0, 13
tail_27: db 3, " 27", 13
fcb:    times 16 db 0
hook_name: db "HOOK.COM", 0
user_name: db "USER.COM", 0
missing:   db "NOSUCH.COM", 0
