; A drive mounted read-only (--drive=D=SUB,ro) refuses every change with
; 05h (access denied) and still reads: 3Ch create (new and existing name),
; 3Dh open for writing or read/write, 41h delete, 56h rename, 43h set
; attributes, 39h mkdir, 3Ah rmdir, 57h set time on a handle. 3Dh read,
; 4Eh find and 43h get work, the current drive stays C: (19h), and 36h
; reports D:'s free space while an unmounted drive gives AX = FFFFh.
; Sources: RBIL INT 21/AH=3Ch, 3Dh, 39h, 3Ah, 41h, 43h, 56h, 57h (error
; 05h "access denied"), AH=19h, AH=36h.
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

        ; reads work
        mov     ax, 3D00h
        mov     dx, d_file
        int     21h
        CHECK_CF "ro-1.1", 0
        mov     [handle], ax
        mov     bx, ax
        mov     ah, 3Fh
        mov     cx, 4
        mov     dx, buf
        int     21h
        CHECK_CF "ro-1.2", 0
        CHECK_EQ "ro-1.3", ax, 4
        ; 57h set on the read handle: a change of the drive
        mov     ax, 5701h
        mov     bx, [handle]
        xor     cx, cx
        mov     dx, 0021h
        int     21h
        CHECK_CF "ro-1.4", 1
        CHECK_EQ "ro-1.5", ax, 5
        mov     ah, 3Eh
        mov     bx, [handle]
        int     21h
        CHECK_CF "ro-1.6", 0
        mov     ax, 4300h
        mov     dx, d_file
        int     21h
        CHECK_CF "ro-1.7", 0
        mov     ah, 4Eh
        xor     cx, cx
        mov     dx, d_all
        int     21h
        CHECK_CF "ro-1.8", 0

        ; every change is refused
        mov     cx, 0
        FAILS "ro-2.1", "ro-2.2", 3C00h, d_new, 5
        FAILS "ro-2.3", "ro-2.4", 3C00h, d_file, 5
        FAILS "ro-2.5", "ro-2.6", 3D01h, d_file, 5
        FAILS "ro-2.7", "ro-2.8", 3D02h, d_file, 5
        FAILS "ro-2.9", "ro-2.10", 4100h, d_file, 5
        mov     di, d_new
        FAILS "ro-2.11", "ro-2.12", 5600h, d_file, 5
        mov     cx, 0001h
        FAILS "ro-2.13", "ro-2.14", 4301h, d_file, 5
        FAILS "ro-2.15", "ro-2.16", 3900h, d_newdir, 5
        FAILS "ro-2.17", "ro-2.18", 3A00h, d_inner, 5

        ; the same on C: works (the drive, not the call, refuses)
        mov     ah, 3Ch
        xor     cx, cx
        mov     dx, c_new
        int     21h
        CHECK_CF "ro-3.1", 0
        mov     bx, ax
        mov     ah, 3Eh
        int     21h

        ; the current drive is C:, and 36h reports on D: and on nothing
        mov     ah, 19h
        int     21h
        CHECK_EQ8 "ro-4.1", al, 2
        mov     ah, 36h
        mov     dl, 4
        int     21h
        CHECK_EQ "ro-4.2", ax, 64
        CHECK_EQ "ro-4.3", cx, 512
        mov     ah, 36h
        mov     dl, 25                  ; Y: (Z: holds the built-in COMMAND.COM)
        int     21h
        CHECK_EQ "ro-4.4", ax, 0FFFFh
        CHECK_DONE

d_file  db "D:\FILE.TXT", 0
d_new   db "D:\NEW.TXT", 0
d_newdir db "D:\NEWDIR", 0
d_inner db "D:\INNER", 0
d_all   db "D:\*.*", 0
c_new   db "C:\NEW.TXT", 0
handle  dw 0
buf     times 8 db 0
