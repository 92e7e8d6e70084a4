; The child that int21_4bh_exec.asm EXECs (no .expect: it is not run on
; its own). It prints its command tail as "child tail=[...]", checks its
; PSP (RBIL INT 21/AH=26h layout; 51h and 62h agree and equal CS for a
; .COM; PSP:16h names the parent, whose CS is also the segment of the
; terminate address at PSP:0Ah; the tail ends in CR), writes "from child"
; to handle 5, which it inherited from the parent, and exits with return
; code 7 plus the number of failed checks, so the parent's 4Dh check
; fails if any check here does.
        org 100h
%include "check.inc"

        ; child-1: the tail, verbatim, between brackets.
        mov     ah, 40h
        mov     bx, 1
        mov     cx, pre_len
        mov     dx, pre
        int     21h
        mov     ah, 40h
        mov     bx, 1
        xor     cx, cx
        mov     cl, [80h]
        mov     dx, 81h
        int     21h
        mov     ah, 40h
        mov     bx, 1
        mov     cx, post_len
        mov     dx, post
        int     21h
        xor     bx, bx
        mov     bl, [80h]
        xor     ax, ax
        mov     al, [81h+bx]
        CHECK_EQ "child-1.1", ax, 000Dh

        ; child-2: the PSP.
        mov     ah, 51h
        int     21h
        CHECK_EQ "child-2.1", bx, cs
        mov     dx, bx
        mov     ah, 62h
        int     21h
        CHECK_EQ "child-2.2", bx, dx
        mov     ax, [16h]               ; parent PSP
        CHECK_EQ "child-2.3", ax, word [0Ch] ; = segment of the return address
        xor     cx, cx
        cmp     ax, dx
        je      .same
        inc     cx
.same:  CHECK_EQ "child-2.4", cx, 1     ; not ourselves
        mov     es, [16h]
        CHECK_EQ "child-2.5", [es:0], 20CDh ; a PSP starts with INT 20h
        CHECK_EQ "child-2.6", [0], 20CDh

        ; child-3: write through the inherited handle.
        mov     ah, 40h
        mov     bx, 5
        mov     cx, msg_len
        mov     dx, msg
        int     21h
        CHECK_CF "child-3.1", 0
        CHECK_EQ "child-3.2", ax, msg_len

        mov     ax, [cs:__check_failures]
        add     al, 7
        mov     ah, 4Ch
        int     21h

pre     db "child tail=["
pre_len equ $ - pre
post    db "]", 13, 10
post_len equ $ - post
msg     db "from child"
msg_len equ $ - msg
