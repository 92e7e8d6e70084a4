; Host names that are not 8.3 names reach DOS as stable aliases
; XXHHHH~N.EXT (README.md, "Host names and aliases"; hostfs/names.h): two
; legal characters of the base, the low 16 bits of the name's FNV-1a hash
; in hex, ~1, the first three legal characters of the extension. The run
; directory's ALIAS\ holds "long.file.name.txt", "kilo+byte.dat" and two
; names equal but for case, "README.txt" (byte-order first: keeps
; README.TXT) and "readme.TXT" (alias). 4Eh/4Fh list the DOS names sorted;
; 3Dh opens each by its alias, and the case twins are told apart by their
; content (the .asm and the .expect were copied in; their first bytes
; differ). With --lowercase, 3Ch "NewFile.Txt" makes "newfile.txt" on the
; host. Sources: RBIL INT 21/AH=4Eh, 4Fh, 3Dh (the names MS-DOS shows
; are 8.3, upper case).
        org 100h
%include "check.inc"
%include "int21_4eh_streq.inc"

        mov     ah, 4Eh
        xor     cx, cx
        mov     dx, all
        int     21h
        CHECK_CF "alias-1.1", 0
        CHECK_STR "alias-1.2", 80h + 1Eh, "KIE8DC~1.DAT"
        mov     ah, 4Fh
        int     21h
        CHECK_STR "alias-1.3", 80h + 1Eh, "LO2990~1.TXT"
        mov     ah, 4Fh
        int     21h
        CHECK_STR "alias-1.4", 80h + 1Eh, "RE1BE1~1.TXT"
        mov     ah, 4Fh
        int     21h
        CHECK_STR "alias-1.5", 80h + 1Eh, "README.TXT"
        mov     ah, 4Fh
        int     21h
        CHECK_CF "alias-1.6", 1
        CHECK_EQ "alias-1.7", ax, 12h

        ; README.TXT is "README.txt" (a copy of the .expect, first byte 'o')
        mov     dx, readme
        call    first_byte
        CHECK_EQ8 "alias-2.1", al, 'o'
        ; its twin is reached through the alias (the .asm: ';')
        mov     dx, twin
        call    first_byte
        CHECK_EQ8 "alias-2.2", al, ';'
        ; lower case and the long name both reach the files
        mov     dx, twin_lower
        call    first_byte
        CHECK_EQ8 "alias-2.3", al, ';'
        mov     dx, longn
        call    first_byte
        CHECK_EQ8 "alias-2.4", al, 'o'
        ; --lowercase: a new file is created in lower case on the host
        mov     ah, 3Ch
        xor     cx, cx
        mov     dx, newfile
        int     21h
        CHECK_CF "alias-3.1", 0
        mov     bx, ax
        mov     ah, 40h
        mov     cx, 2
        mov     dx, newfile
        int     21h
        mov     ah, 3Eh
        int     21h
        CHECK_DONE

; Open DS:DX, read its first byte into AL (0 when the open fails), close.
first_byte:
        mov     ax, 3D00h
        int     21h
        jc      .fail
        mov     bx, ax
        mov     ah, 3Fh
        mov     cx, 1
        mov     dx, byte_buf
        int     21h
        mov     ah, 3Eh
        int     21h
        mov     al, [byte_buf]
        ret
.fail:  xor     al, al
        ret

all         db "ALIAS\*.*", 0
readme      db "ALIAS\README.TXT", 0
twin        db "ALIAS\RE1BE1~1.TXT", 0
twin_lower  db "alias\re1be1~1.txt", 0
longn       db "ALIAS\LO2990~1.TXT", 0
newfile     db "ALIAS\NewFile.Txt", 0
byte_buf    db 0
