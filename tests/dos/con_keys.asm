; Console input from the keyboard, for tests/e2e/terminal.sh and
; window.sh: the program takes the screen (writes 'X' to B800:0000, moves
; the cursor to row 2), then reads keys through the DOS console functions,
; which must take them from the BIOS keyboard the front end feeds (as
; MS-DOS's CON driver does), waiting without blocking the display. Each
; step prints a prompt, reads, and shows what it got in brackets:
;   R08:[c]        INT 21h/08h, no echo (RBIL INT 21/AH=08h)
;   R08X:[00 3B]   the same for F1: 00h, then the scan code
;   R01:c[c]       INT 21h/01h echoes (RBIL INT 21/AH=01h)
;   R0A:text       INT 21h/0Ah, echoed and edited (RBIL INT 21/AH=0Ah),
;   L5=[hello]     then the count and the text the buffer got
;   R0B:00 FF[c]   INT 21h/0Bh: 00h with no key, FFh once one is typed
;                  (RBIL INT 21/AH=0Bh), then 08h takes it
;   R0A2:x\       0Ah again: Esc cancels the line ('\', new line),
;   jello          F3 copies the rest of the template (the buffer's
;   L5=[jello]     previous line: "j" + "ello")
;   R3F:ab         INT 21h/3Fh on handle 0 (CON, cooked): the line and
;   N4=[ab]        CR LF, AX = 4 (RBIL INT 21/AH=3Fh)
;   RCC:^C         Ctrl-C in 08h calls INT 23h (ours IRETs: the call
;   1[k]           starts over and reads the next key) (RBIL INT 23)
;   DONE           exit status 0
; Not run by ctest (no .expect): it needs someone typing.
        org 100h

        mov     ax, 0B800h
        mov     es, ax
        mov     word [es:0], 0758h      ; 'X', grey on black: takes the screen
        mov     ah, 02h                 ; cursor to row 2, column 0
        xor     bh, bh
        mov     dx, 0200h
        int     10h
        mov     cx, 3                   ; a few timer ticks: the front end
.tick:  sti                             ; sees the drawn screen and takes it,
        hlt                             ; so the prompts below go onto it
        loop    .tick

        mov     dx, p08
        call    puts
        mov     ah, 08h
        int     21h
        call    bracket

        mov     dx, p08x
        call    puts
        mov     ah, 08h
        int     21h
        call    hex_open
        mov     ah, 08h
        int     21h
        call    hex_close

        mov     dx, p01
        call    puts
        mov     ah, 01h
        int     21h
        call    bracket

        mov     dx, p0a
        call    puts
        mov     ah, 0Ah
        mov     dx, line
        int     21h
        call    show_line

        mov     dx, p0b
        call    puts
        mov     ah, 0Bh
        int     21h
        call    hex_al
        mov     dl, ' '
        mov     ah, 02h
        int     21h
.poll:  mov     ah, 0Bh
        int     21h
        or      al, al
        jz      .poll
        call    hex_al
        mov     ah, 08h
        int     21h
        call    bracket

        mov     dx, p0a2                ; the same buffer: its line is
        call    puts                    ; the template
        mov     ah, 0Ah
        mov     dx, line
        int     21h
        call    show_line

        mov     dx, p3f                 ; a cooked CON read: line + CR LF
        call    puts
        mov     ah, 3Fh
        xor     bx, bx
        mov     cx, 20
        mov     dx, line + 2
        int     21h
        jc      .fail
        mov     [line + 1], al
        mov     dl, 'N'
        mov     ah, 02h
        int     21h
        mov     dl, [line + 1]
        add     dl, '0'
        int     21h
        mov     dl, '='
        int     21h
        sub     byte [line + 1], 2      ; the text without the CR LF
        call    show_text

        mov     ax, 2523h               ; Ctrl-C: our INT 23h, which
        mov     dx, on_break            ; returns with IRET: the 08h starts
        int     21h                     ; over and reads the next key
        mov     dx, pcc
        call    puts
        mov     ah, 08h
        int     21h
        push    ax
        mov     dl, [breaks]
        add     dl, '0'
        mov     ah, 02h
        int     21h
        pop     ax
        call    bracket

        mov     dx, done
        call    puts
        mov     ax, 4C00h
        int     21h
.fail:  mov     ax, 4C01h
        int     21h

on_break:
        inc     byte [cs:breaks]
        iret

; The line in `line` after 0Ah: LF (0Ah echoes only the CR), then
; "L" count "=[" text "]" CR LF.
show_line:
        mov     dl, 0Ah
        mov     ah, 02h
        int     21h
        mov     dl, 'L'
        int     21h
        mov     dl, [line + 1]
        add     dl, '0'
        int     21h
        mov     dl, '='
        int     21h
; "[" text "]" CR LF: [line + 1] characters from line + 2
show_text:
        mov     dl, '['
        mov     ah, 02h
        int     21h
        xor     bx, bx
.text:  cmp     bl, [line + 1]
        jae     .texted
        mov     dl, [line + 2 + bx]
        mov     ah, 02h
        int     21h
        inc     bx
        jmp     .text
.texted:
        mov     dx, close_nl
        jmp     puts

; "[" AL "]" CR LF
bracket:
        push    ax
        mov     dl, '['
        mov     ah, 02h
        int     21h
        pop     dx
        int     21h
        mov     dx, close_nl
        jmp     puts

; "[" AL as hex, " "
hex_open:
        push    ax
        mov     dl, '['
        mov     ah, 02h
        int     21h
        pop     ax
        call    hex_al
        mov     dl, ' '
        mov     ah, 02h
        int     21h
        ret

; AL as hex, "]" CR LF
hex_close:
        call    hex_al
        mov     dx, close_nl
        jmp     puts

; AL as two hex digits
hex_al:
        push    ax
        shr     al, 4
        call    hex_digit
        pop     ax
        and     al, 0Fh
hex_digit:
        add     al, '0'
        cmp     al, '9'
        jbe     .out
        add     al, 'A' - '9' - 1
.out:   mov     dl, al
        mov     ah, 02h
        int     21h
        ret

puts:   mov     ah, 09h
        int     21h
        ret

p08     db      'R08:$'
p08x    db      'R08X:$'
p01     db      'R01:$'
p0a     db      'R0A:$'
p0b     db      'R0B:$'
p0a2    db      'R0A2:$'
p3f     db      'R3F:$'
pcc     db      'RCC:$'
breaks  db      0
close_nl db     ']', 13, 10, '$'
done    db      'DONE', 13, 10, '$'
line    db      20, 0
        times   21 db 0
