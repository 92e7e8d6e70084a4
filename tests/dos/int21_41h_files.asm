; INT 21h/41h delete, 43h get/set attributes, 56h rename and 57h file time
; error paths (RBIL INT 21/AH=41h, AX=4300h/4301h, AH=56h, AX=5700h/5701h):
;  - 41h takes no wildcards (02h), refuses directories and read-only files
;    (05h), reports a missing directory as 03h;
;  - 43h reports archive (20h) for a plain file and 10h for a directory,
;    maps read-only to the host's write permission, refuses the directory
;    and volume bits (05h) and unknown subfunctions (01h);
;  - 56h moves a file between directories, refuses an existing target (05h),
;    and reports a missing source as 02h;
;  - 57h rejects an unknown handle (06h) and subfunction (01h).
; The run directory holds A.TXT, B.TXT, C.TXT and SUB\ (see the .expect).
        org 100h
%include "check.inc"

        ; 43h get
        mov     ax, 4300h
        mov     dx, a_txt
        int     21h
        CHECK_CF "43h-1.1", 0
        CHECK_EQ "43h-1.2", cx, 0020h
        mov     ax, 4300h
        mov     dx, sub_dir
        int     21h
        CHECK_EQ "43h-1.3", cx, 0010h
        mov     ax, 4300h
        mov     dx, missing
        int     21h
        CHECK_CF "43h-2.1", 1
        CHECK_EQ "43h-2.2", ax, 0002h
        mov     ax, 4300h
        mov     dx, missing_dir
        int     21h
        CHECK_EQ "43h-2.3", ax, 0003h
        ; 43h set read-only, see it, then 41h must refuse
        mov     ax, 4301h
        mov     cx, 0021h
        mov     dx, a_txt
        int     21h
        CHECK_CF "43h-3.1", 0
        mov     ax, 4300h
        mov     dx, a_txt
        int     21h
        CHECK_EQ "43h-3.2", cx, 0021h
        mov     ah, 41h
        mov     dx, a_txt
        int     21h
        CHECK_CF "41h-1.1", 1
        CHECK_EQ "41h-1.2", ax, 0005h
        mov     ax, 4301h
        mov     cx, 0020h
        mov     dx, a_txt
        int     21h
        CHECK_CF "43h-3.3", 0
        mov     ax, 4301h
        mov     cx, 0010h
        mov     dx, a_txt
        int     21h
        CHECK_CF "43h-4.1", 1
        CHECK_EQ "43h-4.2", ax, 0005h
        mov     ax, 4302h
        mov     dx, a_txt
        int     21h
        CHECK_CF "43h-5.1", 1
        CHECK_EQ "43h-5.2", ax, 0001h

        ; 41h: works now, then errors
        mov     ah, 41h
        mov     dx, a_txt
        int     21h
        CHECK_CF "41h-2.1", 0
        mov     ah, 41h
        mov     dx, a_txt
        int     21h
        CHECK_CF "41h-3.1", 1
        CHECK_EQ "41h-3.2", ax, 0002h
        mov     ah, 41h
        mov     dx, wild
        int     21h
        CHECK_CF "41h-4.1", 1
        CHECK_EQ "41h-4.2", ax, 0002h
        mov     ah, 41h
        mov     dx, sub_dir
        int     21h
        CHECK_CF "41h-5.1", 1
        CHECK_EQ "41h-5.2", ax, 0005h
        mov     ah, 41h
        mov     dx, missing_dir
        int     21h
        CHECK_CF "41h-6.1", 1
        CHECK_EQ "41h-6.2", ax, 0003h

        ; 56h: move B.TXT into SUB as D.TXT; target exists; source missing
        mov     ah, 56h
        mov     dx, b_txt
        mov     di, sub_d_txt
        int     21h
        CHECK_CF "56h-1.1", 0
        mov     ax, 4300h
        mov     dx, sub_d_txt
        int     21h
        CHECK_CF "56h-1.2", 0
        mov     ah, 56h
        mov     dx, c_txt
        mov     di, sub_d_txt
        int     21h
        CHECK_CF "56h-2.1", 1
        CHECK_EQ "56h-2.2", ax, 0005h
        mov     ah, 56h
        mov     dx, b_txt
        mov     di, e_txt
        int     21h
        CHECK_CF "56h-3.1", 1
        CHECK_EQ "56h-3.2", ax, 0002h
        mov     ah, 56h
        mov     dx, c_txt
        mov     di, missing_dir
        int     21h
        CHECK_CF "56h-4.1", 1
        CHECK_EQ "56h-4.2", ax, 0003h
        mov     ah, 56h
        mov     dx, c_txt
        mov     di, wild
        int     21h
        CHECK_CF "56h-5.1", 1

        ; 57h: bad handle, bad subfunction, a device handle
        mov     ax, 5700h
        mov     bx, 99
        int     21h
        CHECK_CF "57h-1.1", 1
        CHECK_EQ "57h-1.2", ax, 0006h
        mov     ax, 5702h
        mov     bx, 1
        int     21h
        CHECK_CF "57h-2.1", 1
        CHECK_EQ "57h-2.2", ax, 0001h
        mov     ax, 5700h
        mov     bx, 1
        int     21h
        CHECK_CF "57h-3.1", 0
        CHECK_DONE

a_txt           db "a.txt", 0
b_txt           db "B.TXT", 0
c_txt           db "c.txt", 0
e_txt           db "e.txt", 0
sub_dir         db "sub", 0
sub_d_txt       db "SUB\d.txt", 0
missing         db "missing.txt", 0
missing_dir     db "nodir\a.txt", 0
wild            db "*.TXT", 0
