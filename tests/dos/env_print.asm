; ENV_PRINT: prints its environment block for the end-to-end tests: each
; NAME=VALUE string on a line of its own, then, after the empty string that
; ends them, a line "<XXXX> PATH": the word that follows (the count of
; extra strings, 0001h) in hex and the program's full DOS path; last a
; line "drive X:" with the current drive ("?:" when INT 21h/19h fails).
; RBIL INT 21/AH=4Bh "Format of environment block" (DOS 3.0+); the block's
; segment is in the PSP at offset 2Ch (RBIL INT 21/AH=26h).
; Exit status 0; 2 when no string ends within 32 KiB.
        org 100h

PSP_ENV_SEG equ 2Ch
ENV_MAX     equ 8000h

        mov     ax, [PSP_ENV_SEG]
        mov     es, ax
        xor     si, si                  ; ES:SI walks the block
.var:   cmp     byte [es:si], 0
        je      .strings_end            ; the empty string ends the list
        call    print_asciz
        call    print_crlf
        jmp     .var
.strings_end:
        inc     si
        mov     dl, '<'
        call    putc
        mov     ax, [es:si]             ; the string count word
        call    print_hex
        mov     dl, '>'
        call    putc
        mov     dl, ' '
        call    putc
        add     si, 2
        call    print_asciz             ; the program's path
        call    print_crlf
        mov     ah, 09h                 ; "drive X:" - the current drive
        mov     dx, drive_text
        int     21h
        mov     ah, 19h                 ; RBIL INT 21/AH=19h: AL = drive
        int     21h                     ; (0 = A:); it never sets CF...
        jc      .no_drive               ; ...unless vdm lacks it
        add     al, 'A'
        mov     [drive_letter], al
.no_drive:
        mov     ah, 09h
        mov     dx, drive_letter
        int     21h
        mov     ax, 4C00h
        int     21h

; Print the ASCIZ string at ES:SI, leaving SI past its NUL.
print_asciz:
.next:  cmp     si, ENV_MAX
        jae     .bad
        mov     dl, [es:si]
        inc     si
        test    dl, dl
        jz      .done
        call    putc
        jmp     .next
.done:  ret
.bad:   mov     ax, 4C02h
        int     21h

print_crlf:
        mov     dl, 13
        call    putc
        mov     dl, 10
        jmp     putc

; Print AX as four hex digits.
print_hex:
        mov     cx, 4
.digit: rol     ax, 4
        mov     bx, ax
        and     bx, 0Fh
        mov     dl, [digits+bx]
        push    ax
        push    cx
        call    putc
        pop     cx
        pop     ax
        loop    .digit
        ret

; Write DL to stdout (INT 21h/02h).
putc:   mov     ah, 02h
        int     21h
        ret

digits  db "0123456789ABCDEF"
drive_text   db "drive $"
drive_letter db "?:", 13, 10, "$"
