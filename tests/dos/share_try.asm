; The other half of tests/e2e/locks.sh (no .expect: the script judges).
; Tries what share_hold.asm's open and lock should refuse, printing one
; line per try with CF and AX (RBIL INT 21/AH=3Dh, 3Fh, 5Ch):
;   open-rw  CF AX   3D42h (read/write, deny none): 20h while held
;   open-r   CF AX   3D40h (read, deny none): a handle either way
;   read0    CF AX   4 bytes at offset 0: 21h while locked
;   read10   CF AX   4 bytes at offset 10: always 4
;   lock     CF AX   5Ch on bytes 5-14: 21h while locked
        org 100h
        mov     ax, 3D42h
        mov     dx, data
        int     21h
        mov     si, t_open_rw
        call    report
        jc      .r
        mov     bx, ax
        mov     ah, 3Eh
        int     21h
.r:     mov     ax, 3D40h
        mov     dx, data
        int     21h
        mov     si, t_open_r
        call    report
        mov     [h], ax
        mov     ah, 3Fh
        mov     bx, [h]
        mov     cx, 4
        mov     dx, buf
        int     21h
        mov     si, t_read0
        call    report
        mov     ax, 4200h
        mov     bx, [h]
        xor     cx, cx
        mov     dx, 10
        int     21h
        mov     ah, 3Fh
        mov     cx, 4
        mov     dx, buf
        int     21h
        mov     si, t_read10
        call    report
        mov     ax, 5C00h
        mov     bx, [h]
        xor     cx, cx
        mov     dx, 5
        xor     si, si
        mov     di, 10
        int     21h
        mov     si, t_lock
        call    report
        mov     ax, 4C00h
        int     21h

; Print "<text at SI> <CF> <AX in hex>" and CRLF; flags and AX preserved.
report: pushf
        push    ax
        push    ax
        mov     al, '0'
        adc     al, 0                   ; CF from the caller's call
        mov     [line_cf], al
        pop     ax
        mov     di, line_ax
        mov     cx, 4
.hex:   rol     ax, 4
        mov     bx, ax
        and     bx, 0Fh
        mov     dl, [digits+bx]
        mov     [di], dl
        inc     di
        loop    .hex
        mov     dx, si
        mov     ah, 09h
        int     21h
        mov     dx, line
        mov     ah, 09h
        int     21h
        pop     ax
        popf
        ret

data      db "DATA.TXT", 0
h         dw 0
buf       times 8 db 0
digits    db "0123456789ABCDEF"
t_open_rw db "open-rw$"
t_open_r  db "open-r$"
t_read0   db "read0$"
t_read10  db "read10$"
t_lock    db "lock$"
line      db " "
line_cf   db "0 "
line_ax   db "0000", 13, 10, "$"
