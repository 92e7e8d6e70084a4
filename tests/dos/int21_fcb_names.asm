; FCB searches, delete and rename (RBIL INT 21/AH=11h, 12h, 13h, 17h):
; 11h/12h put the drive byte and the 32-byte directory entry of each match
; in the DTA (behind an FFh/attribute header for an extended FCB), sorted
; by name here; directories show only through an extended FCB asking for
; them; 17h's '?' in the new name keeps the old name's character, and a
; new name that exists stops it with FFh; 13h deletes every match; all
; report FFh when nothing matches.
        org 100h
%include "check.inc"
%include "fcb_name.inc"

%macro FCBCALL 2
        mov     ah, %1
        mov     dx, %2
        int     21h
%endmacro

        mov     ah, 1Ah
        mov     dx, dta
        int     21h

        FCBCALL 11h, alltxt
        CHECK_EQ8 "11h-1.1", al, 0
        CHECK_EQ8 "11h-1.2", [dta], 3
        CHECK_NAME11 "11h-1.3", dta+1, "A       TXT"
        CHECK_EQ8 "11h-1.4", [dta+1+0Bh], 20h
        CHECK_EQ "11h-1.5", word [dta+1+1Ch], 5
        FCBCALL 12h, alltxt
        CHECK_EQ8 "12h-1.1", al, 0
        CHECK_NAME11 "12h-1.2", dta+1, "B       TXT"
        FCBCALL 12h, alltxt
        CHECK_EQ8 "12h-1.3", al, 0FFh
        FCBCALL 11h, nomatch
        CHECK_EQ8 "11h-2.1", al, 0FFh
        mov     ah, 59h
        xor     bx, bx
        int     21h
        CHECK_EQ "11h-2.2", ax, 12h

        ; a directory: invisible to a normal FCB, found by an extended one
        FCBCALL 11h, subdir
        CHECK_EQ8 "11h-3.1", al, 0FFh
        FCBCALL 11h, xsubdir
        CHECK_EQ8 "11h-3.2", al, 0
        CHECK_EQ8 "11h-3.3", [dta], 0FFh
        CHECK_EQ8 "11h-3.4", [dta+6], 10h
        CHECK_EQ8 "11h-3.5", [dta+7], 3
        CHECK_NAME11 "11h-3.6", dta+8, "SUB        "

        ; 17h: *.TXT -> *.BAK
        FCBCALL 17h, ren
        CHECK_EQ8 "17h-1.1", al, 0
        FCBCALL 11h, alltxt
        CHECK_EQ8 "17h-1.2", al, 0FFh
        FCBCALL 11h, allbak
        CHECK_EQ8 "17h-1.3", al, 0
        CHECK_NAME11 "17h-1.4", dta+1, "A       BAK"
        FCBCALL 17h, ren                ; nothing left to rename
        CHECK_EQ8 "17h-2.1", al, 0FFh
        FCBCALL 17h, renclash           ; A.BAK -> B.BAK exists
        CHECK_EQ8 "17h-3.1", al, 0FFh
        ; '?' in the middle: C?.DOC -> C?X.DOC keeps the 2nd character
        FCBCALL 17h, renmid
        CHECK_EQ8 "17h-4.1", al, 0
        FCBCALL 11h, cqx
        CHECK_EQ8 "17h-4.2", al, 0
        CHECK_NAME11 "17h-4.3", dta+1, "C1X     DOC"

        ; 13h: delete *.BAK, then nothing is left to delete
        FCBCALL 13h, allbak
        CHECK_EQ8 "13h-1.1", al, 0
        FCBCALL 11h, allbak
        CHECK_EQ8 "13h-1.2", al, 0FFh
        FCBCALL 13h, allbak
        CHECK_EQ8 "13h-1.3", al, 0FFh

        ; an extended FCB creates a read-only file: it opens again for
        ; reading only (15h gives 01h), 13h leaves it, 11h shows 21h
        FCBCALL 16h, xro
        CHECK_EQ8 "16h-1.1", al, 0
        FCBCALL 15h, xro
        CHECK_EQ8 "16h-1.2", al, 0
        FCBCALL 10h, xro
        FCBCALL 0Fh, xro
        CHECK_EQ8 "0fh-1.1", al, 0
        FCBCALL 15h, xro
        CHECK_EQ8 "0fh-1.2", al, 1
        FCBCALL 10h, xro
        CHECK_EQ8 "0fh-1.3", al, 0
        FCBCALL 16h, ro                 ; nor is it truncated
        CHECK_EQ8 "16h-1.3", al, 0FFh
        FCBCALL 13h, ro
        CHECK_EQ8 "13h-2.1", al, 0FFh
        FCBCALL 11h, ro
        CHECK_EQ8 "13h-2.2", al, 0
        CHECK_EQ8 "13h-2.3", [dta+1+0Bh], 21h
        CHECK_EQ "13h-2.4", word [dta+1+1Ch], 128     ; one record, intact
        FCBCALL 0Fh, subdir             ; a directory does not open
        CHECK_EQ8 "0fh-2.1", al, 0FFh
        FCBCALL 16h, prn                ; devices are refused, no file made
        CHECK_EQ8 "16h-2.1", al, 0FFh
        CHECK_DONE

alltxt:   db 0, "????????TXT"
          times 25 db 0
allbak:   db 0, "????????BAK"
          times 25 db 0
nomatch:  db 0, "????????XYZ"
          times 25 db 0
subdir:   db 0, "SUB        "
          times 25 db 0
xsubdir:  db 0FFh, 0, 0, 0, 0, 0, 10h
          db 0, "SUB        "
          times 25 db 0
ren:      db 0, "????????TXT", 0, 0, 0, 0, 0
          db "????????BAK"
          times 10 db 0
renclash: db 0, "A       BAK", 0, 0, 0, 0, 0
          db "B       BAK"
          times 10 db 0
renmid:   db 0, "C?      DOC", 0, 0, 0, 0, 0
          db "C?X     DOC"
          times 10 db 0
cqx:      db 0, "C??     DOC"
          times 25 db 0
xro:      db 0FFh, 0, 0, 0, 0, 0, 01h
          db 0, "RO      DAT"
          times 25 db 0
ro:       db 0, "RO      DAT"
          times 25 db 0
prn:      db 0, "PRN     TXT"
          times 25 db 0
dta:      times 128 db 0
