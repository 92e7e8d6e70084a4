; RETCODE.COM n - exit with return code n (decimal, from the command tail),
; for the batch tests' ERRORLEVEL checks. Not a test on its own.
        org 100h
        mov     si, 81h
        xor     ax, ax
.skip:  mov     bl, [si]
        cmp     bl, ' '
        jne     .digit
        inc     si
        jmp     .skip
.digit: mov     bl, [si]
        sub     bl, '0'
        cmp     bl, 9
        ja      .done
        mov     cl, 10
        mul     cl
        add     al, bl
        inc     si
        jmp     .digit
.done:  mov     ah, 4Ch
        int     21h
