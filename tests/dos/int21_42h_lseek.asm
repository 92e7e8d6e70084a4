; INT 21h/42h: set current file position (RBIL INT 21/AH=42h).
; Pins: origins 0 (start), 1 (current), 2 (end) with CX:DX signed for 1
; and 2, result in DX:AX; seeking past the end is allowed and a write
; there extends the file (the gap reads as zeros); RBIL: for origins 1 and
; 2 the position may go before the start with no error (DOS's 32-bit
; pointer wraps: -1 from the start is FFFF:FFFF), reads there find
; nothing; origin 3 gives 1; invalid handle 6; standard output (a device
; or pipe) reports position 0 without error.
        org 100h
%include "check.inc"
        mov     ah, 3Ch
        xor     cx, cx
        mov     dx, fname
        int     21h
        mov     [h], ax
        mov     ah, 40h
        mov     bx, [h]
        mov     cx, 10
        mov     dx, text
        int     21h

        ; 1: from the end, from the start, from the current position
        mov     ax, 4202h
        mov     bx, [h]
        mov     cx, 0FFFFh              ; -3
        mov     dx, 0FFFDh
        int     21h
        CHECK_CF "42h-1.1", 0
        CHECK_EQ "42h-1.2", ax, 7
        CHECK_EQ "42h-1.3", dx, 0
        mov     ah, 3Fh
        mov     bx, [h]
        mov     cx, 1
        mov     dx, buf
        int     21h
        CHECK_EQ "42h-1.4", [buf], 'h'
        mov     ax, 4201h               ; current (8) - 6 = 2
        mov     bx, [h]
        mov     cx, 0FFFFh
        mov     dx, 0FFFAh
        int     21h
        CHECK_EQ "42h-1.5", ax, 2
        mov     ax, 4201h               ; current + 0 tells the position
        mov     bx, [h]
        xor     cx, cx
        xor     dx, dx
        int     21h
        CHECK_EQ "42h-1.6", ax, 2
        mov     ax, 4200h
        mov     bx, [h]
        mov     cx, 1                   ; 1:0005 = 65541, past the end
        mov     dx, 5
        int     21h
        CHECK_EQ "42h-1.7", ax, 5
        CHECK_EQ "42h-1.8", dx, 1

        ; 2: past the end: reads nothing, a write extends with zeros
        mov     ax, 4200h
        mov     bx, [h]
        xor     cx, cx
        mov     dx, 14
        int     21h
        mov     ah, 3Fh
        mov     bx, [h]
        mov     cx, 4
        mov     dx, buf
        int     21h
        CHECK_EQ "42h-2.1", ax, 0
        mov     ah, 40h
        mov     bx, [h]
        mov     cx, 1
        mov     dx, text
        int     21h
        mov     ax, 4202h
        mov     bx, [h]
        xor     cx, cx
        xor     dx, dx
        int     21h
        CHECK_EQ "42h-2.2", ax, 15
        mov     ax, 4200h
        mov     bx, [h]
        xor     cx, cx
        mov     dx, 10
        int     21h
        mov     word [buf], 0FFFFh
        mov     ah, 3Fh
        mov     bx, [h]
        mov     cx, 2
        mov     dx, buf
        int     21h
        CHECK_EQ "42h-2.3", [buf], 0

        ; 3: before the start: no error, position wraps
        mov     ax, 4200h
        mov     bx, [h]
        xor     cx, cx
        xor     dx, dx
        int     21h
        mov     ax, 4201h
        mov     bx, [h]
        mov     cx, 0FFFFh
        mov     dx, 0FFFFh              ; -1
        int     21h
        CHECK_CF "42h-3.1", 0
        CHECK_EQ "42h-3.2", ax, 0FFFFh
        CHECK_EQ "42h-3.3", dx, 0FFFFh
        mov     ah, 3Fh
        mov     bx, [h]
        mov     cx, 4
        mov     dx, buf
        int     21h
        CHECK_EQ "42h-3.4", ax, 0
        mov     ax, 4202h               ; end - 20 = -5
        mov     bx, [h]
        mov     cx, 0FFFFh
        mov     dx, -20
        int     21h
        CHECK_CF "42h-3.5", 0
        CHECK_EQ "42h-3.6", ax, -5
        mov     ah, 40h                 ; writing there stores nothing
        mov     bx, [h]
        mov     cx, 3
        mov     dx, text
        int     21h
        CHECK_EQ "42h-3.7", ax, 0
        mov     ax, 4201h               ; and back into the file: +7 = 2
        mov     bx, [h]
        xor     cx, cx
        mov     dx, 7
        int     21h
        CHECK_EQ "42h-3.8", ax, 2
        CHECK_EQ "42h-3.9", dx, 0

        ; 4: errors, devices
        mov     ax, 4203h
        mov     bx, [h]
        xor     cx, cx
        xor     dx, dx
        int     21h
        CHECK_CF "42h-4.1", 1
        CHECK_EQ "42h-4.2", ax, 1
        mov     ax, 4200h
        mov     bx, 15
        int     21h
        CHECK_CF "42h-4.3", 1
        CHECK_EQ "42h-4.4", ax, 6
        mov     ax, 4202h
        mov     bx, 1
        mov     cx, 0
        mov     dx, 100
        int     21h
        CHECK_CF "42h-4.5", 0
        CHECK_EQ "42h-4.6", ax, 0
        CHECK_EQ "42h-4.7", dx, 0
        CHECK_DONE

fname   db "SEEK.TXT", 0
text    db "abcdefghij"
h       dw 0
buf     times 4 db 0
