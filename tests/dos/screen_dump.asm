; --screen-dump=FILE (DESIGN.md, "The public contract"; issue 7, stdio):
; at exit the text screen is written as UTF-8 lines, CP437 translated
; (box drawing C4h/DAh/BFh/C0h/D9h/B3h, 82h e-acute, 01h smiley), trailing
; blanks trimmed, every row written. The program writes video memory at
; B800:0000 directly (which a pipe never shows) and prints "drawn" on
; standard output, which is all stdout gets.
        org 100h

VIDEO   equ 0B800h
COLS    equ 80
ATTR    equ 07h

        mov     ax, VIDEO
        mov     es, ax
        mov     di, 0                   ; row 0
        mov     si, line0
        call    put
        mov     di, 2 * COLS * 2 + 4    ; row 2, column 2
        mov     si, line2
        call    put
        mov     di, 3 * COLS * 2 + 4
        mov     si, line3
        call    put
        mov     di, 4 * COLS * 2 + 4
        mov     si, line4
        call    put
        mov     di, (24 * COLS + 79) * 2 ; bottom right corner
        mov     si, corner
        call    put
        mov     ah, 09h
        mov     dx, drawn
        int     21h
        mov     ax, 4C00h
        int     21h

; Copy the NUL-terminated string at DS:SI to ES:DI as cells.
put:    mov     ah, ATTR
.next:  lodsb
        or      al, al
        jz      .done
        stosw
        jmp     .next
.done:  ret

line0   db "Screen dump: caf", 82h, " ", 01h, "   ", 0   ; trailing blanks go
line2   db 0DAh, 0C4h, 0C4h, 0C4h, 0BFh, 0
line3   db 0B3h, "ok ", 0B3h, 0
line4   db 0C0h, 0C4h, 0C4h, 0C4h, 0D9h, 0
corner  db "Z", 0
drawn   db "drawn", 13, 10, "$"
