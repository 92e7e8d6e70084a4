; An interactive full-screen program for the front-end tests
; (tests/e2e/terminal.sh, window.sh): it takes the screen by writing video
; memory at B800:0000 directly, then shows every key it receives as the
; BIOS key word (scancode << 8 | character, RBIL INT 16/AH=00h) and the
; character itself, one line per key, until it gets "q".
; Keys are taken straight from the BIOS keyboard buffer (RBIL MEMORY.LST
; 40:1Ah head, 40:1Ch tail, 40:80h/82h buffer start/end), which is where
; INT 09h puts them, so the program needs no INT 16h.
; Line 0: "KEYS: type, q quits" in yellow on blue; line 1: a colour bar
; (full blocks DBh in the 16 foreground colours, two cells each) for the
; window test's colour checks.
; Exit status 0 after "q".
        org 100h

BDA_SEG  equ 40h
KB_HEAD  equ 1Ah
KB_TAIL  equ 1Ch
KB_START equ 80h
KB_END   equ 82h
CUR_POS  equ 50h
VIDEO    equ 0B800h
COLS     equ 80
ROWS     equ 25
ATTR_BG  equ 1Fh                        ; white on blue
ATTR_TTL equ 1Eh                        ; yellow on blue
FIRST    equ 3                          ; first key line
LAST     equ 23

        mov     ax, VIDEO
        mov     es, ax
        xor     di, di                  ; clear the screen
        mov     ax, ATTR_BG << 8 | ' '
        mov     cx, COLS * ROWS
        rep     stosw
        xor     di, di                  ; title
        mov     si, title
        mov     ah, ATTR_TTL
.title: lodsb
        or      al, al
        jz      .bar
        stosw
        jmp     .title
.bar:   mov     di, COLS * 2            ; line 1: 16 background colours
        xor     bx, bx
.bar1:  mov     ah, bl                  ; foreground k on black
        mov     al, 0DBh                ; the full block: all foreground
        stosw
        stosw
        inc     bl
        cmp     bl, 16
        jb      .bar1
        mov     byte [line], FIRST
        call    show.cur                ; cursor to the first key line

wait_key:
        push    ds
        mov     ax, BDA_SEG
        mov     ds, ax
        mov     bx, [KB_HEAD]
        cmp     bx, [KB_TAIL]
        jne     .got
        pop     ds
        sti
        hlt
        jmp     wait_key
.got:   mov     dx, [bx]                ; the key word
        add     bx, 2
        cmp     bx, [KB_END]
        jb      .nowrap
        mov     bx, [KB_START]
.nowrap:
        mov     [KB_HEAD], bx
        pop     ds
        cmp     dl, 'q'
        je      quit
        call    show
        jmp     wait_key

quit:   mov     ax, 4C00h
        int     21h

; Show key word DX on line [line] as "KEY xx: SSCC c".
show:   mov     al, [line]
        mov     bl, COLS * 2
        mul     bl
        mov     di, ax
        mov     ah, ATTR_BG
        mov     si, keymsg
.msg:   lodsb
        or      al, al
        jz      .num
        stosw
        jmp     .msg
.num:   mov     al, [count]
        call    hex8
        mov     al, ':'
        stosw
        mov     al, ' '
        stosw
        mov     al, dh
        call    hex8
        mov     al, dl
        call    hex8
        mov     al, ' '
        stosw
        mov     al, dl                  ; the character as the screen shows it
        stosw
        inc     byte [count]
        inc     byte [line]
        cmp     byte [line], LAST
        jbe     .cur
        mov     byte [line], FIRST
.cur:   push    ds                      ; cursor to the next line's start
        mov     bx, BDA_SEG
        mov     ds, bx
        mov     byte [CUR_POS], 0
        pop     ds
        mov     al, [line]
        push    ds
        mov     ds, bx
        mov     [CUR_POS + 1], al
        pop     ds
        ret

; Store AL as two hex digits at ES:DI (attribute in AH).
hex8:   push    ax
        shr     al, 4
        call    .dig
        pop     ax
        and     al, 0Fh
.dig:   and     al, 0Fh
        add     al, '0'
        cmp     al, '9'
        jbe     .st
        add     al, 'A' - '9' - 1
.st:    stosw
        ret

title   db "KEYS: type, q quits", 0
keymsg  db "KEY ", 0
line    db FIRST
count   db 0
