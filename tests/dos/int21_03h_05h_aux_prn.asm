; INT 21h/03h, 04h, 05h: AUX and PRN character I/O (RBIL INT 21/AH=03h,
; AH=04h, AH=05h). vdm's AUX (handle 3) and PRN (handle 4) are null
; devices for now: 03h finds AUX at its end and returns 1Ah at once
; (never waits), 04h and 05h discard their byte. None of them touches
; standard input or output: the stdin line is still there for 07h, and
; stdout holds only the check lines.
        org 100h
%include "check.inc"
        mov ah, 03h
        int 21h
        CHECK_EQ8 "03h-1.1 AUX at EOF gives 1Ah", al, 1Ah
        mov ah, 04h
        mov dl, 'A'
        int 21h
        mov ah, 05h
        mov dl, 'P'
        int 21h
        PRINT "04h-1.1 05h-1.1 nothing on stdout"
        mov ah, 07h
        int 21h
        CHECK_EQ8 "03h-1.2 stdin untouched", al, 's'
        CHECK_DONE
