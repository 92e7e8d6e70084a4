; Benchmark workload 2b: the classic 8190-flag sieve of Eratosthenes
; (realistic 8086 code: byte arrays, indexed addressing, nested loops),
; repeated 1000 times. Prints the prime count of the last pass ("1899")
; and exits 0, so a broken CPU backend shows as a wrong answer.
        org 100h
SIZE    equ 8190
%ifdef QUICK
PASSES  equ 1
%else
PASSES  equ 1000
%endif

        mov bp, PASSES
.pass:  mov di, flags           ; all flags true
        mov cx, SIZE + 1
        mov al, 1
        rep stosb
        xor dx, dx              ; count
        xor bx, bx              ; i
.scan:  cmp byte [flags + bx], 0
        je .next
        mov ax, bx              ; prime = i + i + 3
        add ax, ax
        add ax, 3
        mov si, bx
        add si, ax              ; k = i + prime
.strike:
        cmp si, SIZE
        ja .counted
        mov byte [flags + si], 0
        add si, ax
        jmp .strike
.counted:
        inc dx
.next:  inc bx
        cmp bx, SIZE
        jbe .scan
        dec bp
        jnz .pass

        mov ax, dx              ; print the count in decimal
        mov di, digits + 5
        mov cx, 10
.dec:   xor dx, dx
        div cx
        add dl, '0'
        dec di
        mov [di], dl
        test ax, ax
        jnz .dec
        mov ah, 09h
        mov dx, di
        int 21h
        mov ax, 4C00h
        int 21h

digits  db "00000", 13, 10, "$"
flags   times SIZE + 2 db 0
