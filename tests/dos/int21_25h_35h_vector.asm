; INT 21h/25h set and 35h get an interrupt vector (RBIL INT 21/AH=25h,
; AH=35h). 25h writes DS:DX into the IVT entry AL*4 (offset, then segment:
; an INT through it reaches the new handler); 35h reads it back in ES:BX,
; whatever wrote it (here: the IVT directly, as some programs do).
        org 100h
%include "check.inc"
        mov ax, 3560h                   ; save INT 60h
        int 21h
        mov [old_off], bx
        mov [old_seg], es
        mov ax, 2560h                   ; point it at our handler
        mov dx, handler
        int 21h
        mov ax, 3560h
        int 21h
        mov ax, es
        mov cx, cs
        CHECK_EQ "35h-1.1 segment is ours", ax, cx
        CHECK_EQ "35h-1.2 offset is the handler", bx, handler
        xor ax, ax
        mov es, ax
        CHECK_EQ "25h-1.1 IVT offset word", [es:60h*4], handler
        CHECK_EQ "25h-1.2 IVT segment word", [es:60h*4+2], cx
        mov word [hits], 0
        int 60h
        CHECK_EQ "25h-1.3 INT 60h runs the handler", [hits], 1
        ; Written straight into the IVT: 35h sees it too.
        cli
        mov word [es:61h*4], 0BEEFh
        mov word [es:61h*4+2], 0CAFEh
        sti
        mov ax, 3561h
        int 21h
        mov ax, es
        CHECK_EQ "35h-2.1 direct IVT write: segment", ax, 0CAFEh
        CHECK_EQ "35h-2.2 direct IVT write: offset", bx, 0BEEFh
        ; Put INT 60h back.
        push ds
        mov dx, [old_off]
        mov ds, [old_seg]
        mov ax, 2560h
        int 21h
        pop ds
        mov ax, 3560h
        int 21h
        CHECK_EQ "25h-2.1 restored offset", bx, word [old_off]
        CHECK_DONE

handler:
        inc word [cs:hits]
        iret

old_off dw 0
old_seg dw 0
hits    dw 0
