; INT 21h/39h mkdir, 3Ah rmdir, 3Bh chdir and 47h get current directory,
; success and error paths (RBIL INT 21/AH=39h, 3Ah, 3Bh, 47h):
;  - 39h on an existing name fails with 05h, under a missing parent with 03h;
;  - 3Bh is case-insensitive, takes '/' and '..', and fails with 03h for a
;    missing directory or a file;
;  - 47h gives the path without drive and leading backslash, upper case,
;    AX = 0100h; DL = 0 is the default drive, an unknown drive gives 0Fh;
;  - 3Ah refuses the current directory (10h), a non-empty one (05h), a file
;    or a missing name (03h).
; The run directory holds FULL\F.TXT and DATA.TXT (see the .expect).
        org 100h
%include "check.inc"
%include "int21_4eh_streq.inc"

        ; 39h: create, then again (exists), then under a missing parent
        mov     ah, 39h
        mov     dx, newdir
        int     21h
        CHECK_CF "39h-1.1", 0
        mov     ah, 39h
        mov     dx, newdir_uc
        int     21h
        CHECK_CF "39h-2.1", 1
        CHECK_EQ "39h-2.2", ax, 0005h
        mov     ah, 39h
        mov     dx, nested_missing
        int     21h
        CHECK_CF "39h-3.1", 1
        CHECK_EQ "39h-3.2", ax, 0003h
        mov     ah, 39h
        mov     dx, newdir_sub
        int     21h
        CHECK_CF "39h-4.1", 0

        ; 3Bh + 47h: into NEWDIR\SUB with forward slashes and lower case
        mov     ah, 3Bh
        mov     dx, newdir_sub_fwd
        int     21h
        CHECK_CF "3bh-1.1", 0
        mov     ah, 47h
        mov     dl, 0
        mov     si, buf
        int     21h
        CHECK_CF "47h-1.1", 0
        CHECK_EQ "47h-1.2", ax, 0100h
        CHECK_STR "47h-1.3", buf, "NEWDIR\SUB"
        mov     ah, 47h
        mov     dl, 3                   ; C: by letter
        mov     si, buf
        int     21h
        CHECK_CF "47h-2.1", 0
        CHECK_STR "47h-2.2", buf, "NEWDIR\SUB"
        mov     ah, 47h
        mov     dl, 25                  ; Y: is not mounted (Z: holds COMMAND.COM)
        mov     si, buf
        int     21h
        CHECK_CF "47h-3.1", 1
        CHECK_EQ "47h-3.2", ax, 000Fh

        ; 3Ah: the current directory cannot go
        mov     ah, 3Ah
        mov     dx, abs_newdir_sub
        int     21h
        CHECK_CF "3ah-1.1", 1
        CHECK_EQ "3ah-1.2", ax, 0010h

        ; 3Bh "..": one up, then relative errors
        mov     ah, 3Bh
        mov     dx, dotdot
        int     21h
        CHECK_CF "3bh-2.1", 0
        mov     ah, 47h
        mov     dl, 0
        mov     si, buf
        int     21h
        CHECK_STR "3bh-2.2", buf, "NEWDIR"
        mov     ah, 3Bh
        mov     dx, missing
        int     21h
        CHECK_CF "3bh-3.1", 1
        CHECK_EQ "3bh-3.2", ax, 0003h
        mov     ah, 3Bh
        mov     dx, abs_data
        int     21h
        CHECK_CF "3bh-4.1", 1
        CHECK_EQ "3bh-4.2", ax, 0003h

        ; 3Ah from the parent: SUB goes; a second time it is missing
        mov     ah, 3Ah
        mov     dx, subdir
        int     21h
        CHECK_CF "3ah-2.1", 0
        mov     ah, 3Ah
        mov     dx, subdir
        int     21h
        CHECK_CF "3ah-3.1", 1
        CHECK_EQ "3ah-3.2", ax, 0003h
        ; back to the root with "\"
        mov     ah, 3Bh
        mov     dx, root
        int     21h
        CHECK_CF "3bh-5.1", 0
        mov     ah, 47h
        mov     dl, 0
        mov     si, buf
        int     21h
        CHECK_STR "3bh-5.2", buf, ""
        ; 3Ah: not empty, a file, the root
        mov     ah, 3Ah
        mov     dx, full
        int     21h
        CHECK_CF "3ah-4.1", 1
        CHECK_EQ "3ah-4.2", ax, 0005h
        mov     ah, 3Ah
        mov     dx, abs_data
        int     21h
        CHECK_CF "3ah-5.1", 1
        CHECK_EQ "3ah-5.2", ax, 0003h
        mov     ah, 3Ah
        mov     dx, newdir
        int     21h
        CHECK_CF "3ah-6.1", 0
        CHECK_DONE

newdir          db "newdir", 0
newdir_uc       db "NEWDIR", 0
nested_missing  db "nosuch\x", 0
newdir_sub      db "NEWDIR\SUB", 0
newdir_sub_fwd  db "c:/newdir/sub", 0
abs_newdir_sub  db "C:\NEWDIR\SUB", 0
dotdot          db "..", 0
missing         db "missing", 0
abs_data        db "\data.txt", 0
subdir          db "sub", 0
root            db "\", 0
full            db "FULL", 0
buf             times 64 db 0
