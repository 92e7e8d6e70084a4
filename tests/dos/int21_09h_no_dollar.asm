; INT 21h/09h with no '$' anywhere in the string's segment (RBIL INT
; 21/AH=09h). The string is scanned within its 64 KiB segment, the offset
; wrapping as on an 8086; MS-DOS would go round that segment for ever,
; vdm writes it once and returns AL = 24h. Without the bound this program
; never ends (the test's --timeout fails it). stdout (64 KiB of 'x') is
; not compared; the exit status carries the checks.
        org 100h
%include "check.inc"
        mov ax, cs
        add ax, 1000h                   ; a segment inside our own block
        mov es, ax
        xor di, di
        mov ax, 'xx'
        mov cx, 8000h                   ; 64 KiB of 'x', no '$'
        cld
        rep stosw
        push ds
        push es
        pop ds
        mov dx, 1234h                   ; start mid-segment: must wrap
        mov ah, 09h
        int 21h
        pop ds
        CHECK_EQ8 "09h-2.1 returns, AL 24h", al, '$'
        CHECK_DONE
