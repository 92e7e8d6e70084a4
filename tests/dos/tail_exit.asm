; TAIL_EXIT: ends the way its command tail says, for the exit-status tests:
;   a decimal number N (0-255)  INT 21h/4Ch with AL = N
;   "i" (for INT 20h)            INT 20h, return code 0
;   nothing                      RET to PSP:0000, whose INT 20h ends it
; RBIL INT 21/AH=4Ch, INT 20 ("terminate program"), INT 21/AH=26h (PSP
; offset 00h holds INT 20h; a .COM starts with a zero word on its stack).
; vdm's exit status must be the return code (DESIGN.md, public contract).
        org 100h

TAIL_LEN equ 80h
TAIL     equ 81h

        mov     si, TAIL
        mov     cl, [TAIL_LEN]
        xor     ch, ch
.skip:  jcxz    .empty
        lodsb
        dec     cx
        cmp     al, ' '
        je      .skip
        cmp     al, 'i'
        je      .int20
        xor     bx, bx                  ; BX = N
.digit: sub     al, '0'
        cmp     al, 9
        ja      .done
        mov     dx, bx                  ; BX = BX * 10 + AL
        shl     bx, 2
        add     bx, dx
        shl     bx, 1
        xor     ah, ah
        add     bx, ax
        jcxz    .done
        lodsb
        dec     cx
        jmp     .digit
.done:  mov     al, bl
        mov     ah, 4Ch
        int     21h
.int20: int     20h
.empty: ret
