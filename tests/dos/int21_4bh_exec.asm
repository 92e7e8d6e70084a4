; INT 21h/4Bh EXEC and 4Dh get return code (RBIL INT 21/AH=4Bh, 4Dh), with
; the child int21_4bh_child.asm (copied in as CHILD.COM).
; Pins: a .COM that still holds all memory cannot EXEC (8); after 4Ah
; shrinks it, 4B00h with a parameter block (environment 0 = copy ours, a
; command tail, two FCBs) runs the child, which prints its tail, checks its
; PSP, writes to handle 5 inherited from us and exits with code 7. We get
; control back with CF clear; 4Dh gives AX = 0007h (normal termination,
; code 7) and a second 4Dh gives 0 (DOS clears it when read). The child
; wrote through the same SFT entry, so our file pointer moved; its memory
; (PSP and environment) is free again. Failures: missing file (2), bad
; subfunction AL=02h (1), a truncated MZ header (0Bh), none leaking memory.
; AL=03h loads an MZ overlay into our own block with its relocations.
        org 100h
%include "check.inc"

        ; The file the child inherits: handle 5, the first after 0-4.
        mov     ah, 3Ch
        xor     cx, cx
        mov     dx, out_name
        int     21h
        CHECK_CF "exec-0.1", 0
        CHECK_EQ "exec-0.2", ax, 5

        ; exec-1: we still own all memory: not enough for the child.
        call    do_exec
        CHECK_CF "exec-1.1", 1
        CHECK_EQ "exec-1.2", ax, 0008h

        ; Shrink to 64 KiB (the stack is at the top of it) and note the
        ; largest free block.
        push    cs
        pop     es
        mov     ah, 4Ah
        mov     bx, 1000h
        int     21h
        CHECK_CF "exec-2.1", 0
        call    largest_free
        mov     [free_before], bx

        ; exec-2: run the child.
        call    do_exec
        CHECK_CF "exec-2.2", 0
        mov     ah, 4Dh
        int     21h
        CHECK_EQ "exec-2.3", ax, 0007h
        mov     ah, 4Dh
        int     21h
        CHECK_EQ "exec-2.4", ax, 0000h
        ; the child's 10 bytes moved our file pointer (shared SFT entry)
        mov     ax, 4201h
        mov     bx, 5
        xor     cx, cx
        xor     dx, dx
        int     21h
        CHECK_CF "exec-2.5", 0
        CHECK_EQ "exec-2.6", ax, 10
        ; the child's memory was freed when it ended
        call    largest_free
        CHECK_EQ "exec-2.7", bx, word [free_before]
        mov     ah, 3Eh
        mov     bx, 5
        int     21h
        CHECK_CF "exec-2.8", 0

        ; exec-3: no such file -> 2.
        mov     word [prog], missing_name
        call    do_exec
        CHECK_CF "exec-3.1", 1
        CHECK_EQ "exec-3.2", ax, 0002h

        ; exec-4: AL = 02h is no EXEC subfunction -> 1.
        mov     word [prog], child_name
        mov     byte [subfn], 02h
        call    do_exec
        CHECK_CF "exec-4.1", 1
        CHECK_EQ "exec-4.2", ax, 0001h
        mov     byte [subfn], 00h

        ; exec-5: a file with "MZ" and a truncated header -> 0Bh, and no
        ; memory is lost to the failed load.
        mov     ah, 3Ch
        xor     cx, cx
        mov     dx, bad_name
        int     21h
        mov     bx, ax
        mov     ah, 40h
        mov     cx, bad_len
        mov     dx, bad_data
        int     21h
        mov     ah, 3Eh
        int     21h
        mov     word [prog], bad_name
        call    do_exec
        CHECK_CF "exec-5.1", 1
        CHECK_EQ "exec-5.2", ax, 000Bh
        call    largest_free
        CHECK_EQ "exec-5.3", bx, word [free_before]
        mov     ah, 41h
        mov     dx, bad_name
        int     21h

        ; exec-6: AL = 03h loads an overlay into a block we own: the
        ; image (header stripped) at the given segment, relocated by the
        ; given factor, nothing run, no memory taken.
        mov     ah, 3Ch
        xor     cx, cx
        mov     dx, ovl_name
        int     21h
        mov     bx, ax
        mov     ah, 40h
        mov     cx, ovl_len
        mov     dx, ovl_data
        int     21h
        mov     ah, 3Eh
        int     21h
        mov     ah, 48h
        mov     bx, 1
        int     21h
        CHECK_CF "exec-6.1", 0
        mov     [ovl_pb], ax
        mov     ax, 4B03h
        mov     dx, ovl_name
        mov     bx, ovl_pb
        push    cs
        pop     es
        int     21h
        CHECK_CF "exec-6.2", 0
        mov     es, [ovl_pb]
        CHECK_EQ "exec-6.3", word [es:0], 564Fh   ; "OV"
        CHECK_EQ "exec-6.4", word [es:2], 2234h   ; 1234h + 1000h
        CHECK_EQ "exec-6.5", word [es:4], 0ABCDh  ; not in the table
        mov     ah, 49h
        int     21h
        CHECK_CF "exec-6.6", 0
        call    largest_free
        CHECK_EQ "exec-6.7", bx, word [free_before]
        mov     ah, 41h
        mov     dx, ovl_name
        int     21h

        CHECK_DONE

; EXEC [prog] with subfunction [subfn]; returns CF and AX as DOS left
; them, DS = ES = CS and our own stack.
do_exec:
        mov     [pblock+4], cs
        mov     [pblock+8], cs
        mov     [pblock+12], cs
        mov     [saved_sp], sp
        mov     [saved_ss], ss
        push    cs
        pop     es
        mov     bx, pblock
        mov     dx, [prog]
        mov     ah, 4Bh
        mov     al, [subfn]
        int     21h
        ; DOS 2.x kept nothing but CS:IP; take our stack and segments back
        ; without disturbing CF or AX.
        cli
        mov     ss, [cs:saved_ss]
        mov     sp, [cs:saved_sp]
        sti
        push    cs
        pop     ds
        push    cs
        pop     es
        ret

; BX = the largest free block (48h with BX = FFFFh fails and says).
largest_free:
        mov     ah, 48h
        mov     bx, 0FFFFh
        int     21h
        ret

saved_sp dw 0
saved_ss dw 0
free_before dw 0
subfn   db 0
prog    dw child_name
pblock  dw 0                    ; environment: a copy of ours
        dw tail, 0              ; command tail
        dw fcb, 0               ; FCB 1
        dw fcb, 0               ; FCB 2
tail    db tail_len, " hello child"
tail_len equ $ - tail - 1
        db 13
fcb     db 0, "           ", 0, 0, 0, 0
child_name   db "CHILD.COM", 0
missing_name db "NOFILE.COM", 0
bad_name     db "BAD.EXE", 0
out_name     db "CHILD.TXT", 0
ovl_name     db "OVL.EXE", 0
ovl_pb       dw 0, 1000h        ; load segment, relocation factor
; An MZ overlay: 2-paragraph header, one relocation at image offset 2.
ovl_data     db "MZ"
             dw ovl_len % 512, 1, 1, 2, 0, 0FFFFh
             dw 0, 0, 0, 0, 0, 1Ch, 0
             dw 2, 0            ; relocation: 0000:0002
             db "OV"
             dw 1234h, 0ABCDh
ovl_len equ $ - ovl_data
bad_data     db "MZ", 1, 2, 3, 4, 5, 6, 7, 8
bad_len equ $ - bad_data
