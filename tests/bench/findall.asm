; Benchmark for bench_bigdir.sh: list the directory named on the command
; line (or the current one) with INT 21h/4Eh "*.*" and 4Fh until 12h (no
; more files), and print how many entries were found, in decimal. The
; count is 32-bit: a 100,000-entry directory is the point.
; Sources: RBIL INT 21/AH=4Eh, 4Fh.
        org 100h
        ; pattern: the command tail (PSP 81h, length at 80h) + "\*.*", or "*.*"
        mov     si, 81h
        mov     di, pattern
        mov     cl, [80h]
        xor     ch, ch
.skip:  jcxz    .tail
        cmp     byte [si], ' '
        jne     .copy
        inc     si
        dec     cx
        jmp     .skip
.copy:  lodsb
        cmp     al, ' '
        jbe     .sep
        stosb
        loop    .copy
.sep:   mov     al, '\'
        stosb
.tail:  mov     ax, '*.'
        stosw
        mov     ax, '*'
        stosw
        mov     ah, 4Eh
        mov     cx, 16h            ; hidden, system, directories too
        mov     dx, pattern
        int     21h
        jc      .done
.next:  add     word [count], 1
        adc     word [count + 2], 0
        mov     ah, 4Fh
        int     21h
        jnc     .next
.done:  ; print count (DX:AX) in decimal
        mov     ax, [count]
        mov     dx, [count + 2]
        mov     di, digits_end
        mov     bx, 10
.div:   ; DX:AX / 10 -> DX:AX, remainder in CX
        push    ax
        mov     ax, dx
        xor     dx, dx
        div     bx
        mov     cx, ax             ; high quotient
        pop     ax
        div     bx                 ; DX = remainder, AX = low quotient
        dec     di
        add     dl, '0'
        mov     [di], dl
        mov     dx, cx
        mov     cx, ax
        or      cx, dx
        jnz     .div
        mov     dx, di
        mov     ah, 09h
        int     21h
        mov     ax, 4C00h
        int     21h

count       dd 0
digits      times 10 db 0
digits_end  db 13, 10, '$'
pattern     times 80 db 0
