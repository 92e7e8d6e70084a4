; Display benchmark (tests/bench/display_cpu.sh): rewrites every cell of
; the 80x25 text screen at B800:0000, changing each cell's character and
; colours on every pass, for 5 seconds of timer ticks (QUICK: 2 ticks),
; then exits 0. With "T" in the command tail it redraws once per timer tick
; and idles in HLT between (a program that animates); without it, it
; redraws as fast as the CPU allows (the worst case for a front end).
        org 100h

BDA_SEG equ 40h
TICKS   equ 6Ch
VIDEO   equ 0B800h
CELLS   equ 80 * 25
%ifdef QUICK
RUN_TICKS equ 2
%else
RUN_TICKS equ 91                        ; 5 s at 18.2 Hz
%endif

        mov     cl, [80h]               ; tail: "T" = once per tick
        xor     ch, ch
        mov     di, 81h
        mov     al, 'T'
        jcxz    .start                  ; no tail: full speed
        repne   scasb
        sete    [per_tick]
.start:
        mov     ax, BDA_SEG
        mov     fs, ax
        mov     ax, [fs:TICKS]
        add     ax, RUN_TICKS
        mov     [end_tick], ax
        mov     ax, VIDEO
        mov     es, ax
        xor     bx, bx                  ; pass counter
pass:   xor     di, di
        mov     cx, CELLS
        mov     ax, bx
        and     ah, 7Fh                 ; no blink
        or      al, 20h                 ; a printable character
.cell:  stosw
        inc     al
        or      al, 20h
        loop    .cell
        inc     bx
        cmp     byte [per_tick], 0
        je      .check
        sti
        hlt                             ; the next tick ends it
.check: mov     ax, [fs:TICKS]
        cmp     ax, [end_tick]
        js      pass
        mov     ax, 4C00h
        int     21h

per_tick db 0
end_tick dw 0
