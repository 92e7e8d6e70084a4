; HELLO.COM - vdm's demo program: greets, shows its command tail, and
; returns exit status 0. Written for vdm; assembled with nasm -f bin.
        org 100h

        mov ah, 09h             ; print the greeting
        mov dx, greeting
        int 21h

        mov cl, [80h]           ; length of the command tail
        xor ch, ch
        jcxz .done
        mov ah, 09h
        mov dx, args_label
        int 21h
        mov ah, 40h             ; write the tail to stdout (handle 1)
        mov bx, 1
        mov dx, 81h
        int 21h
        mov ah, 09h
        mov dx, crlf
        int 21h
.done:
        mov ax, 4C00h           ; exit with status 0
        int 21h

greeting   db "Hello from DOS, running under vdm!", 13, 10, "$"
args_label db "Arguments:$"
crlf       db 13, 10, "$"
