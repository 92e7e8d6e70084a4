; INT 21h/0Ch: flush the keyboard buffer, then run input function AL (RBIL
; INT 21/AH=0Ch). AL = 01h, 06h, 07h, 08h, 0Ah chain to that function
; with its own inputs and results; any other AL flushes and reads nothing.
; The flush drops type-ahead, not redirected input: a file on stdin is
; data (MS-DOS flushes only the keyboard buffer), so no byte is lost.
; Input: "kq" and a newline (stdin-text).
        org 100h
%include "check.inc"
        mov ax, 0C02h                   ; not an input function
        int 21h
        mov ax, 0C07h                   ; 07h: no echo
        int 21h
        CHECK_EQ8 "0ch-1.1 AL=02h read nothing; 07h reads k", al, 'k'
        mov ax, 0C01h                   ; 01h: echo
        int 21h
        PRINT ""
        CHECK_EQ8 "0ch-1.2 01h reads q, echoed", al, 'q'
        mov ax, 0C06h                   ; 06h with DL = FFh: input
        mov dl, 0FFh
        int 21h
        CHECK_ZF "0ch-1.3 06h got the LF, ZF clear", 0
        CHECK_EQ8 "0ch-1.4 06h AL = LF", al, 0Ah
        mov ax, 0C08h
        int 21h
        CHECK_EQ8 "0ch-2.1 08h at EOF gives 1Ah", al, 1Ah
        mov ax, 0C06h
        mov dl, 0FFh
        int 21h
        CHECK_ZF "0ch-2.2 06h at EOF: ZF set", 1
        mov ax, 0C0Ah                   ; 0Ah at EOF: a lone Ctrl-Z line
        mov dx, line
        int 21h
        CHECK_EQ8 "0ch-2.3 0Ah at EOF: count 1", [line+1], 1
        CHECK_EQ8 "0ch-2.4 0Ah at EOF: 1Ah", [line+2], 1Ah
        CHECK_EQ8 "0ch-2.5 0Ah at EOF: then CR", [line+3], 0Dh
        CHECK_DONE

line    db 8, 0
        times 8 db 0EEh
