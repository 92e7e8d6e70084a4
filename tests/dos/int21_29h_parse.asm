; INT 21h/29h parse file name into FCB (RBIL INT 21/AH=29h): blanks are
; skipped, and one separator with AL bit 0; a drive letter sets the drive
; byte (1 = A:) and one naming no drive gives AL = FFh; '*' fills with '?'
; and any wildcard gives AL = 01h; names fold to upper case and cut to
; 8.3; bits 1-3 keep the drive, name and extension the string lacks; SI
; ends on the first character after the name.
        org 100h
%include "check.inc"
%include "fcb_name.inc"

; PARSE flags, string: DS:SI -> string, ES:DI -> fcb, AL = flags
%macro PARSE 2
        jmp     %%go
%%s:    db      %2, 0
%%go:   mov     si, %%s
        mov     di, fcb
        mov     ax, 2900h | %1
        int     21h
        sub     si, %%s                 ; SI = characters consumed
%endmacro

        PARSE   0, "  c:file.txt rest"
        CHECK_EQ8 "29h-1.1", al, 0
        CHECK_EQ8 "29h-1.2", [fcb], 3
        CHECK_NAME11 "29h-1.3", fcb+1, "FILE    TXT"
        CHECK_EQ "29h-1.4", si, 12

        PARSE   1, " ;*.b?"
        CHECK_EQ8 "29h-2.1", al, 1
        CHECK_EQ8 "29h-2.2", [fcb], 0
        CHECK_NAME11 "29h-2.3", fcb+1, "????????B? "
        CHECK_EQ "29h-2.4", si, 6

        PARSE   0, ";x"                 ; without bit 0 ';' ends the name
        CHECK_EQ8 "29h-3.1", al, 0
        CHECK_NAME11 "29h-3.2", fcb+1, "           "
        CHECK_EQ "29h-3.3", si, 0

        PARSE   0, "q:x"                 ; Q: is not mounted
        CHECK_EQ8 "29h-4.1", al, 0FFh
        CHECK_EQ8 "29h-4.2", [fcb], 17
        CHECK_NAME11 "29h-4.3", fcb+1, "X          "

        PARSE   0, "longfilename.text/x"
        CHECK_EQ8 "29h-5.1", al, 0
        CHECK_NAME11 "29h-5.2", fcb+1, "LONGFILETEX"
        CHECK_EQ "29h-5.3", si, 17

        ; bits 1-3 keep what the string does not give
        mov     byte [fcb], 5
        mov     si, keep
        mov     di, fcb+1
        mov     cx, 11
        rep     movsb
        PARSE   0Eh, ""
        CHECK_EQ8 "29h-6.1", al, 0
        CHECK_EQ8 "29h-6.2", [fcb], 5
        CHECK_NAME11 "29h-6.3", fcb+1, "KEEPNAMEEXT"
        PARSE   08h, "new"
        CHECK_EQ8 "29h-6.4", [fcb], 0
        CHECK_NAME11 "29h-6.5", fcb+1, "NEW     EXT"
        PARSE   0, ""
        CHECK_NAME11 "29h-6.6", fcb+1, "           "
        CHECK_DONE

keep:   db "KEEPNAMEEXT"
fcb:    times 37 db 0
