; The sandbox from inside a DOS program: nothing outside drive C: (the run
; directory) can be reached. Symbolic links set up by the .expect:
; OUTDIR -> /etc and PASSWD.TXT -> /etc/passwd (outside: invisible, as if
; missing: 03h/02h; mkdir over OUTDIR is refused with 05h), NULDEV.TXT ->
; /dev/null (a create over it is refused with 05h; the target is harmless
; should the sandbox ever break, as the tests may run as root),
; NEW.TXT -> a missing file outside (create refused: 05h), INLINK -> IN and
; INFILE.TXT -> IN\FILE.TXT (inside: they work). "IN\..\..\IN\FILE.TXT"
; walks above the root, where MS-DOS clamps "..", and back in: it works.
; MS-DOS limits: a current directory of at most 63 characters (3Bh: 03h
; beyond, RBIL INT 21/AH=47h's 64-byte buffer), a path of at most 128 bytes
; (03h), names with characters DOS forbids (RBIL INT 21/AH=3Ch's list:
; + [ and others) give 03h from 3Ch and 39h.
; Sources: RBIL INT 21/AH=3Bh, 3Ch, 3Dh, 39h, 4Eh, 47h; error codes 02h,
; 03h, 05h (table 01680).
        org 100h
%include "check.inc"

; FAILS tag-cf, tag-err, AX, DX, error: INT 21h must fail with `error`.
%macro FAILS 5
        mov     ax, %3
        mov     dx, %4
        int     21h
        CHECK_CF %1, 1
        CHECK_EQ %2, ax, %5
%endmacro

; OPENS tag, DX: 3Dh read-only must succeed; the handle is closed again.
%macro OPENS 2
        mov     ax, 3D00h
        mov     dx, %2
        int     21h
        CHECK_CF %1, 0
        mov     bx, ax
        mov     ah, 3Eh
        int     21h
%endmacro

        xor     cx, cx
        FAILS "esc-1.1", "esc-1.2", 3D00h, out_passwd, 3
        FAILS "esc-1.3", "esc-1.4", 3D00h, passwd_lnk, 2
        FAILS "esc-1.5", "esc-1.6", 3C00h, nuldev_lnk, 5
        FAILS "esc-1.7", "esc-1.8", 3C00h, new_lnk, 5
        FAILS "esc-1.9", "esc-1.10", 3900h, outdir, 5
        FAILS "esc-1.11", "esc-1.12", 3D00h, root_up, 3
        FAILS "esc-1.13", "esc-1.14", 4E00h, out_all, 3
        OPENS "esc-2.1", inlink_file
        OPENS "esc-2.2", infile
        OPENS "esc-2.3", out_and_in

        ; 64-byte directory paths: 7 levels (62 characters) go, 8 do not
        mov     ah, 3Bh
        mov     dx, deep7
        int     21h
        CHECK_CF "len-1.1", 0
        FAILS "len-1.2", "len-1.3", 3B00h, deep8, 3
        mov     ah, 3Bh
        mov     dx, root
        int     21h
        ; 128-byte paths
        FAILS "len-2.1", "len-2.2", 3D00h, too_long, 3
        FAILS "len-2.3", "len-2.4", 3C00h, too_long, 3
        ; forbidden characters
        FAILS "name-1.1", "name-1.2", 3C00h, plus_name, 3
        FAILS "name-1.3", "name-1.4", 3900h, bracket_name, 3
        CHECK_DONE

out_passwd  db "OUTDIR\PASSWD", 0
passwd_lnk  db "PASSWD.TXT", 0
new_lnk     db "NEW.TXT", 0
nuldev_lnk  db "NULDEV.TXT", 0
outdir      db "OUTDIR", 0
root_up     db "C:\..\ETC\PASSWD", 0
out_all     db "OUTDIR\*.*", 0
inlink_file db "INLINK\FILE.TXT", 0
infile      db "INFILE.TXT", 0
out_and_in  db "IN\..\..\IN\FILE.TXT", 0
deep7       db "\DIRNAME0\DIRNAME1\DIRNAME2\DIRNAME3\DIRNAME4\DIRNAME5\DIRNAME6", 0
deep8       db "DIRNAME7", 0
root        db "\", 0
too_long    db "C:\"
            times 126 db "A"
            db 0
plus_name   db "A+B.TXT", 0
bracket_name db "A[B", 0
