; INT 21h/02h and 09h: write to standard output (RBIL INT 21/AH=02h,
; AH=09h). 02h writes DL and returns it in AL; 09h writes up to the '$'
; (not included) and returns AL = 24h (RBIL: both despite the official
; docs). Bytes pass unchanged: CR and LF are written as the program gives
; them, a lone LF stays a lone LF, so the expected stdout is an exact byte
; file (int21_02h_09h_output.out), not lines.
        org 100h
%include "check.inc"
        mov ah, 02h
        mov dl, 'X'
        int 21h
        mov [r_ax], ax
        mov ah, 02h
        mov dl, 0Dh
        int 21h
        mov ah, 02h
        mov dl, 0Ah
        int 21h
        CHECK_EQ8 "02h-1.1 AL is the character", [r_ax], 'X'

        mov ah, 09h
        mov dx, msg
        int 21h
        CHECK_EQ8 "09h-1.1 AL is 24h", al, '$'
        mov ah, 09h
        mov dx, empty                   ; nothing before the '$'
        mov al, 0
        int 21h
        CHECK_EQ8 "09h-1.2 empty string, AL 24h", al, '$'
        mov ah, 09h
        mov dx, lone_lf                 ; "LF" 0Ah "line" CR LF
        int 21h
        CHECK_DONE

r_ax    dw 0
msg     db "hello", 13, 10, "$", "not this", 13, 10, "$"
empty   db "$"
lone_lf db "lf", 10, "next", 13, 10, "$"
