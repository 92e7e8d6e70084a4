; Benchmark workload 6: a pipeline filter copying standard input to
; standard output in 32 KiB blocks until end of file.
        org 100h
BUF     equ 8000h
.copy:  mov ah, 3Fh
        xor bx, bx
        mov cx, BUF
        mov dx, buffer
        int 21h
        jc .fail
        test ax, ax
        jz .done
        mov cx, ax
        mov ah, 40h
        mov bx, 1
        mov dx, buffer
        int 21h
        jc .fail
        jmp .copy
.done:  mov ax, 4C00h
        int 21h
.fail:  mov ax, 4C01h
        int 21h
buffer:
