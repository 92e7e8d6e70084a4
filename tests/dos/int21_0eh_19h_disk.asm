; INT 21h/0Eh select default drive and 19h get current drive (RBIL INT
; 21/AH=0Eh, AH=19h). 0Eh returns AL = number of potentially valid drive
; letters: under DOS 3+ the greatest of 5 (LASTDRIVE defaults to E:) and
; the drives present; vdm's run has C: (its current directory) and Z:
; (the built-in COMMAND.COM, dos/cmd.h), so 26.
; A drive that does not exist leaves the current drive as it was (no error
; is reported: programs check with 19h), and AL is still the count.
        org 100h
%include "check.inc"
        mov ah, 19h
        int 21h
        CHECK_EQ8 "19h-1.1 starts on C:", al, 2
        mov ah, 0Eh
        mov dl, 2
        int 21h
        CHECK_EQ8 "0eh-1.1 select C: -> 26 drives", al, 26
        mov ah, 19h
        int 21h
        CHECK_EQ8 "19h-1.2 still C:", al, 2
        mov ah, 0Eh
        mov dl, 0                       ; A: is not there
        int 21h
        CHECK_EQ8 "0eh-2.1 select A: -> 26 drives", al, 26
        mov ah, 19h
        int 21h
        CHECK_EQ8 "19h-2.1 A: refused, still C:", al, 2
        mov ah, 0Eh
        mov dl, 24                      ; Y: (not mounted)
        int 21h
        CHECK_EQ8 "0eh-2.2 select Y: -> 26 drives", al, 26
        mov ah, 19h
        int 21h
        CHECK_EQ8 "19h-2.2 Y: refused, still C:", al, 2
        mov ah, 0Eh
        mov dl, 0FFh                    ; no such drive number
        int 21h
        CHECK_EQ8 "0eh-2.3 select FFh -> 26 drives", al, 26
        mov ah, 19h
        int 21h
        CHECK_EQ8 "19h-2.3 FFh refused, still C:", al, 2
        CHECK_DONE
