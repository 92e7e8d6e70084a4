; Files a program wrote are complete on the host however vdm ends
; (DESIGN.md, "The public contract"). Creates WROTE.TXT (INT 21h/3Ch),
; writes three lines in three calls (INT 21h/40h) without closing it, then
; by the first letter of its command tail: "D" divides by zero (status
; 125), "L" loops forever (--timeout: 124; a signal: 128+n), anything else
; exits with 0 and leaves the close to DOS's termination.
; RBIL INT 21/AH=3Ch, AH=40h, AH=4Ch ("closes all files").
; When create fails it prints "create failed" and "3ch FAIL got XXXX" (AX)
; and exits with 2. No .expect: tests/e2e/crash.sh runs it in every mode
; and compares WROTE.TXT with crash_write.txt.
        org 100h
%include "check.inc"

TAIL     equ 81h
N_LINES  equ 3

        mov     ah, 3Ch
        xor     cx, cx                  ; normal attributes
        mov     dx, fname
        int     21h
        jnc     .created
        PRINT   "create failed"
        CHECK_EQ "3ch", ax, 0           ; prints the error code
        mov     ax, 4C02h
        int     21h
.created:
        mov     bx, ax
        mov     si, N_LINES
.write: mov     ah, 40h
        mov     cx, line_len
        mov     dx, line
        int     21h
        inc     byte [line + 5]         ; "line 1", "line 2", ...
        dec     si
        jnz     .write
        PRINT   "written"
        mov     al, [TAIL + 1]          ; TAIL is " X": skip the space
        cmp     al, 'D'
        je      .divide
        cmp     al, 'L'
        je      .loop
        mov     ax, 4C00h
        int     21h
.divide:
        xor     cx, cx
        div     cx
.loop:  jmp     .loop

fname    db "WROTE.TXT", 0
line     db "line 1 of a file that must survive", 13, 10
line_len equ $ - line
