; The BIOS keyboard (RBIL INT 16/AH=00h, 01h, 02h, 05h, 10h; INT 09; the
; 8042's command D2h "write keyboard output buffer", RBIL PORTS.LST 0064h):
; - INT 16h/05h stores keys that 01h peeks at and 00h takes, in order; the
;   16-word buffer holds 15 and the 16th store answers AL = 1 (full);
; - a grey arrow key (48E0h) reads as 4800h through 00h, as is through 10h;
; - scancodes that reach the 8042 (D2h) raise IRQ1: a program's INT 09h
;   hook runs and chains to the BIOS, which turns make codes into keys with
;   the shift state (2Ah + 1Eh = 'A') and tracks it in INT 16h/02h;
; - INT 16h/00h on an empty buffer waits (the guest halts) until a key
;   arrives, here typed from an INT 1Ch hook two ticks later;
; - INT 09h offers each scancode to INT 15h/4Fh first (RBIL INT 15/AH=4Fh):
;   a hook that clears CF swallows it, one that changes AL remaps it.
        org 100h
%include "check.inc"

        mov     ah, 05h
        mov     cx, 1E61h               ; 'a'
        int     16h
        CHECK_EQ8 "16h-1.1 store a key", al, 0
        mov     ah, 01h
        int     16h
        CHECK_ZF "16h-1.2 01h sees it", 0
        CHECK_EQ "16h-1.3 01h peeks at AX", ax, 1E61h
        mov     ah, 00h
        int     16h
        CHECK_EQ "16h-1.4 00h takes it", ax, 1E61h
        mov     ah, 01h
        int     16h
        CHECK_ZF "16h-1.5 then the buffer is empty", 1

        mov     bx, 0                   ; fill: 15 fit
.fill:  mov     ah, 05h
        mov     cx, bx
        add     cx, 0230h               ; keys 0230h, 0231h, ...
        int     16h
        or      al, al
        jnz     .full
        inc     bx
        jmp     .fill
.full:  CHECK_EQ "16h-2.1 15 keys fit, the 16th is refused", bx, 15
        CHECK_EQ8 "16h-2.2 AL = 1 when full", al, 1
        mov     bx, 0
.drain: mov     ah, 00h
        int     16h
        mov     cx, bx
        add     cx, 0230h
        cmp     ax, cx
        jne     .order
        inc     bx
        cmp     bx, 15
        jb      .drain
.order: CHECK_EQ "16h-2.3 they come back in order", bx, 15

        mov     ah, 05h
        mov     cx, 48E0h               ; grey Up
        int     16h
        mov     ah, 01h
        int     16h
        CHECK_EQ "16h-3.1 01h shows grey Up as 4800h", ax, 4800h
        mov     ah, 11h
        int     16h
        CHECK_EQ "16h-3.2 11h shows it as 48E0h", ax, 48E0h
        mov     ah, 10h
        int     16h
        CHECK_EQ "16h-3.3 10h takes 48E0h", ax, 48E0h

        ; Hook INT 09h, chain to the BIOS.
        xor     ax, ax
        mov     es, ax
        cli
        mov     ax, [es:9*4]
        mov     [old9], ax
        mov     ax, [es:9*4+2]
        mov     [old9+2], ax
        mov     word [es:9*4], hook9
        mov     [es:9*4+2], cs
        sti
        mov     al, 1Eh                 ; 'a' make
        call    type
        mov     al, 9Eh                 ; 'a' break
        call    type
        mov     al, 2Ah                 ; left shift make
        call    type
        mov     ah, 02h
        int     16h
        and     al, 03h
        CHECK_EQ8 "16h-4.1 shift state: left shift down", al, 02h
        mov     al, 1Eh
        call    type
        mov     al, 0AAh                ; left shift break
        call    type
        mov     ah, 02h
        int     16h
        and     al, 03h
        CHECK_EQ8 "16h-4.2 shift state: released", al, 0
        CHECK_EQ "16h-4.3 the hook saw each of the 5 bytes", [hits], 5
        CHECK_EQ8 "16h-4.4 the hook read the scancode from port 60h", [last], 0AAh
        mov     ah, 00h
        int     16h
        CHECK_EQ "16h-4.5 first key: a", ax, 1E61h
        mov     ah, 00h
        int     16h
        CHECK_EQ "16h-4.6 second key: shift+a = A", ax, 1E41h
        cli
        mov     ax, [old9]
        mov     [es:9*4], ax
        mov     ax, [old9+2]
        mov     [es:9*4+2], ax
        sti

        ; INT 15h/4Fh sees each scancode first: it may swallow one (CF
        ; clear) or change it (AL) and pass it on (CF set).
        cli
        mov     ax, [es:15h*4]
        mov     [old15], ax
        mov     ax, [es:15h*4+2]
        mov     [old15+2], ax
        mov     word [es:15h*4], hook15
        mov     [es:15h*4+2], cs
        sti
        mov     al, 2Ch                 ; 'z': swallowed by the hook
        call    type_idle
        mov     al, 10h                 ; 'q': turned into 'w' (11h)
        call    type_idle
        cli
        mov     ax, [old15]
        mov     [es:15h*4], ax
        mov     ax, [old15+2]
        mov     [es:15h*4+2], ax
        sti
        CHECK_EQ "16h-5.1 the intercept saw both", [seen15], 2
        mov     ah, 00h
        int     16h
        CHECK_EQ "16h-5.2 z swallowed, q arrives as w", ax, 1177h
        mov     ah, 01h
        int     16h
        CHECK_ZF "16h-5.3 nothing else", 1

        ; A key typed later: 00h must wait for it.
        cli
        mov     ax, [es:1Ch*4]
        mov     [old1c], ax
        mov     ax, [es:1Ch*4+2]
        mov     [old1c+2], ax
        mov     word [es:1Ch*4], hook1c
        mov     [es:1Ch*4+2], cs
        sti
        mov     ah, 00h
        int     16h
        CHECK_EQ "16h-6.1 00h waited for the key typed by the timer", ax, 1F73h
        mov     ax, [ticks]             ; catch-up ticks may follow the 2nd
        cmp     ax, 2
        jb      .few
        mov     ax, 2
.few:   CHECK_EQ "16h-6.2 it came after two ticks", ax, 2
        cli
        mov     ax, [old1c]
        mov     [es:1Ch*4], ax
        mov     ax, [old1c+2]
        mov     [es:1Ch*4+2], ax
        sti
        CHECK_DONE

; Send scancode AL as if typed (8042 D2h) and halt until INT 09h ran.
type:   mov     bx, [hits]
        mov     ah, al
.ibf:   in      al, 64h                 ; wait for an empty input buffer
        test    al, 02h
        jnz     .ibf
        mov     al, 0D2h
        out     64h, al
        mov     al, ah
        out     60h, al
.wait:  hlt
        cmp     [hits], bx
        je      .wait
        ret

; Send scancode AL (8042 D2h) and let a few ticks pass (the byte may be
; swallowed, so there is nothing else to wait for).
type_idle:
        mov     ah, al
.ibf:   in      al, 64h
        test    al, 02h
        jnz     .ibf
        mov     al, 0D2h
        out     64h, al
        mov     al, ah
        out     60h, al
        hlt
        hlt
        ret

hook15: cmp     ah, 4Fh
        jne     .chain
        inc     word [cs:seen15]
        cmp     al, 2Ch
        jne     .map
        clc                             ; swallow: return with CF clear
        retf    2
.map:   cmp     al, 10h
        jne     .chain
        mov     al, 11h
.chain: jmp     far [cs:old15]

hook9:  push    ax
        in      al, 60h
        mov     [cs:last], al
        inc     word [cs:hits]
        pop     ax
        jmp     far [cs:old9]

hook1c: inc     word [cs:ticks]
        cmp     word [cs:ticks], 2
        jne     .chain
        push    ax
        mov     al, 0D2h
        out     64h, al
        mov     al, 1Fh                 ; 's' make
        out     60h, al
        pop     ax
.chain: jmp     far [cs:old1c]

old9    dd      0
old1c   dd      0
old15   dd      0
seen15  dw      0
hits    dw      0
ticks   dw      0
last    db      0
