; Non-ASCII names go through the DOS code page (437): the host's UTF-8
; "café.txt" is CAF(82h).TXT to DOS (e-acute is 82h), found by 4Eh and opened
; by 3Dh in either case; a name a DOS program creates with 84h (a-umlaut)
; is "NAäVE.TXT" in UTF-8 on the host. A host name CP437 cannot spell
; (the euro sign) gets an alias instead. Sources: RBIL INT 21/AH=4Eh,
; 3Ch, 3Dh; code page 437 (the IBM PC character set).
        org 100h
%include "check.inc"
%include "int21_4eh_streq.inc"

        mov     ah, 4Eh
        xor     cx, cx
        mov     dx, caf_all
        int     21h
        CHECK_CF "cp-1.1", 0
        CHECK_STR "cp-1.2", 80h + 1Eh, `CAF\x82.TXT`
        mov     ax, 3D00h
        mov     dx, cafe_lower
        int     21h
        CHECK_CF "cp-1.3", 0
        mov     bx, ax
        mov     ah, 3Eh
        int     21h
        ; the euro name is an alias: no 8.3 name starting EUR
        mov     ah, 4Eh
        xor     cx, cx
        mov     dx, eur_all
        int     21h
        CHECK_CF "cp-1.4", 0
        CHECK_EQ8 "cp-1.5", [80h + 1Eh + 6], '~'
        ; create with a CP437 character
        mov     ah, 3Ch
        xor     cx, cx
        mov     dx, naive
        int     21h
        CHECK_CF "cp-2.1", 0
        mov     bx, ax
        mov     ah, 40h
        mov     cx, 2
        mov     dx, naive
        int     21h
        mov     ah, 3Eh
        int     21h
        CHECK_DONE

caf_all    db "CAF*.*", 0
cafe_lower db `caf\x82.txt`, 0
eur_all    db "EU*.*", 0
naive      db `NA\x84VE.TXT`, 0
