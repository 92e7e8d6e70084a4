; The drive sandbox: no DOS path reaches outside the host directory that
; is drive C:. MS-DOS keeps ".." at the root of a drive ("C:\..\.." is
; "C:\"), and so does vdm, so "..\..\etc\passwd" names C:\ETC\PASSWD, which
; does not exist in the run directory (RBIL INT 21/AH=3Bh, 43h, 4Eh, 41h:
; errors 02h/03h). The run directory is a fresh temporary directory, so a
; host /etc/passwd outside it must stay invisible whatever the path says.
        org 100h
%include "check.inc"
%include "int21_4eh_streq.inc"

        ; chdir far above the root lands on the root
        mov     ah, 3Bh
        mov     dx, up_up
        int     21h
        CHECK_CF "sandbox-1.1", 0
        mov     ah, 47h
        mov     dl, 0
        mov     si, buf
        int     21h
        CHECK_STR "sandbox-1.2", buf, ""
        ; the root's content is what is there: the marker file
        mov     ax, 4300h
        mov     dx, up_marker
        int     21h
        CHECK_CF "sandbox-1.3", 0
        ; /etc/passwd cannot be reached, relative or absolute
        mov     ax, 4300h
        mov     dx, rel_passwd
        int     21h
        CHECK_CF "sandbox-2.1", 1
        CHECK_EQ "sandbox-2.2", ax, 0003h
        mov     ax, 4300h
        mov     dx, abs_passwd
        int     21h
        CHECK_CF "sandbox-2.3", 1
        CHECK_EQ "sandbox-2.4", ax, 0003h
        mov     ah, 4Eh
        xor     cx, cx
        mov     dx, fwd_passwd
        int     21h
        CHECK_CF "sandbox-2.5", 1
        CHECK_EQ "sandbox-2.6", ax, 0003h
        mov     ah, 41h
        mov     dx, rel_passwd
        int     21h
        CHECK_CF "sandbox-2.7", 1
        ; nor can a directory be made above the root: it lands inside
        mov     ah, 39h
        mov     dx, up_newdir
        int     21h
        CHECK_CF "sandbox-3.1", 0
        mov     ax, 4300h
        mov     dx, newdir
        int     21h
        CHECK_CF "sandbox-3.2", 0
        CHECK_EQ "sandbox-3.3", cx, 0010h
        CHECK_DONE

up_up           db "..\..\..\..", 0
up_marker       db "\..\MARKER.TXT", 0
rel_passwd      db "..\..\etc\passwd", 0
abs_passwd      db "C:\..\..\..\etc\passwd", 0
fwd_passwd      db "c:/../../../../etc/pass*", 0
up_newdir       db "..\..\ESCAPED", 0
newdir          db "\escaped", 0
buf             times 64 db 0
