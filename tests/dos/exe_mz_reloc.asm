; format: exe
; An MZ .EXE with its header written by hand (RBIL INT 21/AH=4Bh, "Format
; of .EXE file header"): three segments (code, data, stack), relocations
; that the loader must patch, and a separate stack.
; Pins, on entry: CS:IP and SS:SP are the header's values relocated by the
; load segment (= PSP + 10h), SS != CS; DS = ES = PSP (51h/62h agree); a
; segment value loaded through a relocated immediate reaches the data
; segment, and a relocated far pointer in the data segment calls into the
; code segment; words the relocation table does not name are untouched.
        bits 16

; ---- The header: 2 paragraphs, then the relocation table -----------------
        section header start=0 vstart=0
        db      "MZ"
        dw      file_size % 512                 ; bytes in the last page
        dw      (file_size + 511) / 512         ; pages
        dw      reloc_count
        dw      header_size / 16                ; header paragraphs
        dw      stack_paras                     ; min alloc: room for the stack
        dw      0FFFFh                          ; max alloc
        dw      stack_seg                       ; SS (relative)
        dw      stack_top                       ; SP
        dw      0                               ; checksum
        dw      start                           ; IP
        dw      0                               ; CS (relative): code first
        dw      reloc_table                     ; relocation table offset
        dw      0                               ; overlay number
reloc_table:
        dw      fix_data + 1, 0                 ; mov ax, data_seg immediate
        dw      fix_stack + 1, 0                ; mov ax, stack_seg immediate
        dw      far_ptr + 2, data_seg           ; far pointer's segment
reloc_count equ ($ - reloc_table) / 4
        align   16, db 0
header_size equ $ - $$

; ---- Code segment: relative segment 0 -----------------------------------
        section code follows=header vstart=0
start:
        mov     [cs:entry_ds], ds
        mov     [cs:entry_es], es
        mov     [cs:entry_ss], ss
        mov     [cs:entry_sp], sp
        jmp     main

%include "check.inc"

main:
        mov     ah, 62h
        int     21h
        CHECK_EQ "exe-1.1", word [cs:entry_ds], bx     ; DS = PSP
        CHECK_EQ "exe-1.2", word [cs:entry_es], bx     ; ES = PSP
        mov     dx, bx
        mov     ah, 51h
        int     21h
        CHECK_EQ "exe-1.3", bx, dx
        ; load segment = PSP + 10h = CS (code is relative segment 0)
        add     dx, 10h
        CHECK_EQ "exe-1.4", cs, dx

        ; exe-2: the stack.
        mov     ax, [cs:entry_ss]
        sub     ax, dx
        CHECK_EQ "exe-2.1", ax, stack_seg
        CHECK_EQ "exe-2.2", word [cs:entry_sp], stack_top
fix_stack:
        mov     ax, stack_seg                           ; relocated
        CHECK_EQ "exe-2.3", ax, word [cs:entry_ss]
        mov     ax, ss
        mov     bx, cs
        xor     cx, cx
        cmp     ax, bx
        je      .same
        inc     cx
.same:  CHECK_EQ "exe-2.4", cx, 1                       ; SS != CS

        ; exe-3: data through a relocated segment value.
fix_data:
        mov     ax, data_seg                            ; relocated
        mov     ds, ax
        sub     ax, dx
        CHECK_EQ "exe-3.1", ax, data_seg
        CHECK_EQ "exe-3.2", word [marker], 1234h
        CHECK_EQ "exe-3.3", word [plain], data_seg      ; not in the table
        ; a relocated far pointer calls into the code segment
        mov     ax, 0
        call    far [far_ptr]
        CHECK_EQ "exe-3.4", ax, 4321h
        mov     ax, [far_ptr + 2]
        CHECK_EQ "exe-3.5", ax, cs

        CHECK_DONE

far_fn:
        mov     ax, 4321h
        retf

entry_ds dw 0
entry_es dw 0
entry_ss dw 0
entry_sp dw 0
        align   16, db 0
code_size equ $ - $$

; ---- Data segment --------------------------------------------------------
        section data follows=code vstart=0
marker  dw      1234h
plain   dw      data_seg
far_ptr dw      far_fn, 0                       ; segment relocated
        align   16, db 0
data_size equ $ - $$

; ---- Stack segment: in the file only as its first paragraph; the rest is
; the min-alloc room after the image. -------------------------------------
        section stack follows=data vstart=0
        times 16 db 0
stack_size equ $ - $$

data_seg  equ code_size / 16
stack_seg equ data_seg + data_size / 16
stack_paras equ 10h
stack_top equ 100h
file_size equ header_size + code_size + data_size + stack_size
