; format: exe
; An MZ .EXE whose min and max allocation are both 0: MS-DOS loads it
; "high", at the top of the largest block, with the PSP still at the
; block's start (M. Zbikowski, net.micro 1984; Microsoft KB Q25024;
; header layout: RBIL INT 21/AH=4Bh). Pins: the image ends exactly where
; the PSP says the program's memory ends (PSP:02h), it is not right after
; the PSP, relocations use the high load segment, DS = ES = PSP.
        bits 16
        section header start=0 vstart=0
        db      "MZ"
        dw      file_size % 512
        dw      (file_size + 511) / 512
        dw      1                               ; relocations
        dw      header_size / 16
        dw      0                               ; min alloc: 0 and ...
        dw      0                               ; ... max alloc 0: load high
        dw      0                               ; SS = CS
        dw      stack_top                       ; SP
        dw      0
        dw      start
        dw      0
        dw      reloc_table
        dw      0
reloc_table:
        dw      fix_cs + 1, 0
        align   16, db 0
header_size equ $ - $$

        section code follows=header vstart=0
start:
        mov     [cs:entry_ds], ds
        mov     [cs:entry_es], es
        jmp     main
%include "check.inc"
main:
        mov     ah, 62h
        int     21h
        CHECK_EQ "hi-1.1", word [cs:entry_ds], bx
        CHECK_EQ "hi-1.2", word [cs:entry_es], bx
        ; the image ends at the end of the program's memory
        mov     es, bx
        mov     ax, cs
        add     ax, image_paras
        CHECK_EQ "hi-1.3", ax, word [es:2]
        ; and does not start right after the PSP
        mov     ax, cs
        sub     ax, bx
        xor     cx, cx
        cmp     ax, 10h
        jbe     .low
        inc     cx
.low:   CHECK_EQ "hi-1.4", cx, 1
        ; relocations are applied with the high load segment
fix_cs: mov     ax, 0
        CHECK_EQ "hi-1.5", ax, cs
        CHECK_DONE

entry_ds dw 0
entry_es dw 0
        align   16, db 0
        times   256 db 0                        ; the stack
stack_top equ $ - $$
image_paras equ ($ - $$) / 16
file_size equ header_size + ($ - $$)
