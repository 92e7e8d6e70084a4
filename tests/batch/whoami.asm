; WHOAMI.COM - print the program's own full path, which EXEC stores after
; the environment strings (RBIL INT 21/AH=4Bh, "Format of environment
; block"), so a test sees which file COMMAND.COM's search picked (.COM,
; .EXE or a PATH directory). Not a test on its own.
        org 100h
        mov     es, [2Ch]
        xor     di, di
.scan:  cmp     byte [es:di], 0
        je      .strings_end
.str:   inc     di
        cmp     byte [es:di], 0
        jne     .str
        inc     di
        jmp     .scan
.strings_end:
        add     di, 3                   ; the empty string, the word count
.print: mov     dl, [es:di]
        or      dl, dl
        jz      .done
        mov     ah, 2
        int     21h
        inc     di
        jmp     .print
.done:  mov     ah, 9
        mov     dx, crlf
        int     21h
        mov     ax, 4C00h
        int     21h
crlf    db 13, 10, "$"
