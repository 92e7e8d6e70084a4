; Benchmark workload 5: copy IN.DAT to OUT.DAT through 32 KiB INT 21h
; reads and writes. Exits 0 on success, 1 when a call fails.
        org 100h
BUF     equ 8000h
        mov ax, 3D00h           ; open IN.DAT for reading
        mov dx, in_name
        int 21h
        jc .fail
        mov [in_h], ax
        mov ah, 3Ch             ; create OUT.DAT
        xor cx, cx
        mov dx, out_name
        int 21h
        jc .fail
        mov [out_h], ax
.copy:  mov ah, 3Fh
        mov bx, [in_h]
        mov cx, BUF
        mov dx, buffer
        int 21h
        jc .fail
        test ax, ax
        jz .done
        mov cx, ax
        mov ah, 40h
        mov bx, [out_h]
        mov dx, buffer
        int 21h
        jc .fail
        jmp .copy
.done:  mov ah, 3Eh
        mov bx, [out_h]
        int 21h
        mov ax, 4C00h
        int 21h
.fail:  mov ax, 4C01h
        int 21h

in_name  db "IN.DAT", 0
out_name db "OUT.DAT", 0
in_h     dw 0
out_h    dw 0
buffer:
