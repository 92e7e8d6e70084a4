; INT 21h/3Ch: create or truncate file (RBIL INT 21/AH=3Ch).
; Pins: a new file is created and opened read/write; an existing file is
; cut to length 0; CX bit 0 (read-only) makes later opens for writing fail
; with 5 while the creating handle still writes; creating over a read-only
; file and over a directory fail with 5; a missing directory gives 3; a
; device name ("NUL.DAT") opens the device and creates no file; a full
; handle table gives 4 and creates nothing.
        org 100h
%include "check.inc"
        ; 1: new file, read/write handle
        mov     ah, 3Ch
        xor     cx, cx
        mov     dx, newf
        int     21h
        CHECK_CF "3ch-1.1", 0
        mov     [h], ax
        mov     bx, ax
        mov     ah, 40h
        mov     cx, 5
        mov     dx, hello
        int     21h
        CHECK_EQ "3ch-1.2", ax, 5
        mov     ax, 4200h               ; back to the start and read it
        mov     bx, [h]
        xor     cx, cx
        xor     dx, dx
        int     21h
        mov     ah, 3Fh
        mov     bx, [h]
        mov     cx, 10
        mov     dx, buf
        int     21h
        CHECK_EQ "3ch-1.3", ax, 5
        mov     ah, 3Eh
        mov     bx, [h]
        int     21h

        ; 2: existing file truncated
        mov     ah, 3Ch
        xor     cx, cx
        mov     dx, oldf
        int     21h
        CHECK_CF "3ch-2.1", 0
        mov     [h], ax
        mov     ax, 4202h               ; size = end position = 0
        mov     bx, [h]
        xor     cx, cx
        xor     dx, dx
        int     21h
        CHECK_EQ "3ch-2.2", ax, 0
        mov     ah, 40h
        mov     bx, [h]
        mov     cx, 3
        mov     dx, hello
        int     21h
        mov     ah, 3Eh
        mov     bx, [h]
        int     21h

        ; 3: read-only attribute
        mov     ah, 3Ch
        mov     cx, 1
        mov     dx, rof
        int     21h
        CHECK_CF "3ch-3.1", 0
        mov     [h], ax
        mov     bx, ax
        mov     ah, 40h                 ; this handle is read/write
        mov     cx, 2
        mov     dx, hello
        int     21h
        CHECK_CF "3ch-3.2", 0
        CHECK_EQ "3ch-3.3", ax, 2
        mov     ah, 3Eh
        mov     bx, [h]
        int     21h
        mov     ax, 3D01h
        mov     dx, rof
        int     21h
        CHECK_CF "3ch-3.4", 1
        CHECK_EQ "3ch-3.5", ax, 5
        mov     ah, 3Ch                 ; no truncating a read-only file
        xor     cx, cx
        mov     dx, rof
        int     21h
        CHECK_CF "3ch-3.6", 1
        CHECK_EQ "3ch-3.7", ax, 5

        ; 4: errors
        mov     ah, 3Ch
        xor     cx, cx
        mov     dx, subdir
        int     21h
        CHECK_CF "3ch-4.1", 1
        CHECK_EQ "3ch-4.2", ax, 5
        mov     ah, 3Ch
        xor     cx, cx
        mov     dx, nodir
        int     21h
        CHECK_CF "3ch-4.3", 1
        CHECK_EQ "3ch-4.4", ax, 3

        ; 5: a device name opens the device
        mov     ah, 3Ch
        xor     cx, cx
        mov     dx, nulf
        int     21h
        CHECK_CF "3ch-5.1", 0
        mov     bx, ax
        mov     ax, 4400h
        int     21h
        CHECK_EQ "3ch-5.2", dx, 8084h
        mov     ah, 3Eh
        int     21h

        ; 6: handle table full: 4, and no file appears
        xor     si, si
.more:  mov     ax, 3D00h
        mov     dx, nulf
        int     21h
        jc      .full
        inc     si
        cmp     si, 30
        jb      .more
.full:  mov     ah, 3Ch
        xor     cx, cx
        mov     dx, notmade
        int     21h
        CHECK_CF "3ch-6.1", 1
        CHECK_EQ "3ch-6.2", ax, 4
        CHECK_DONE

newf    db "NEW.TXT", 0
oldf    db "OLD.TXT", 0
rof     db "RO.TXT", 0
subdir  db "SUB", 0
nodir   db "NODIR\X.TXT", 0
nulf    db "NUL.DAT", 0
notmade db "NOTMADE.TXT", 0
hello   db "hello"
h       dw 0
buf     times 10 db 0
