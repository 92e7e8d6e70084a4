; INT 21h/4Ch: terminate with return code (RBIL INT 21/AH=4Ch).
; The return code in AL becomes vdm's exit status; output written before
; the exit reaches stdout.
        org 100h
%include "check.inc"
        PRINT "4ch-1 before exit"
        mov ax, 4C2Ah           ; return code 42
        int 21h
        PRINT "4ch-1 FAIL: still running after 4Ch"
        CHECK_DONE
