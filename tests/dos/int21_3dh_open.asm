; INT 21h/3Dh: open existing file (RBIL INT 21/AH=3Dh).
; Pins: access modes 0/1/2 and what each allows (reading a write-only
; handle and writing a read-only one fail with 5); sharing bits and the
; no-inherit bit accepted; invalid access mode 0Ch; file not found 2; path
; not found 3; a directory 5; a file with the read-only attribute refuses
; write access with 5; device names (NUL, CON) open devices in any
; existing directory and with any extension, "NODIR\NUL" fails with 3;
; 20 handles per PSP, the 21st open fails with 4.
        org 100h
%include "check.inc"
        ; 1: read-only open, read the content back
        mov     ax, 3D00h
        mov     dx, fname
        int     21h
        CHECK_CF "3dh-1.1", 0
        mov     [h], ax
        mov     bx, ax
        mov     ah, 3Fh
        mov     cx, 20
        mov     dx, buf
        int     21h
        CHECK_CF "3dh-1.2", 0
        CHECK_EQ "3dh-1.3", ax, 9
        CHECK_EQ "3dh-1.4", [buf], 'HE'
        mov     ah, 40h                 ; writing a read-only handle: 5
        mov     bx, [h]
        mov     cx, 1
        mov     dx, buf
        int     21h
        CHECK_CF "3dh-1.5", 1
        CHECK_EQ "3dh-1.6", ax, 5
        mov     ah, 3Eh
        mov     bx, [h]
        int     21h

        ; 2: write-only open (sharing deny-none 40h, no-inherit 80h)
        mov     ax, 3DC1h
        mov     dx, fname
        int     21h
        CHECK_CF "3dh-2.1", 0
        mov     [h], ax
        mov     bx, ax
        mov     ah, 3Fh                 ; reading a write-only handle: 5
        mov     cx, 1
        mov     dx, buf
        int     21h
        CHECK_CF "3dh-2.2", 1
        CHECK_EQ "3dh-2.3", ax, 5
        mov     ah, 40h                 ; writing at position 0 overwrites
        mov     bx, [h]
        mov     cx, 1
        mov     dx, jay
        int     21h
        CHECK_CF "3dh-2.4", 0
        CHECK_EQ "3dh-2.5", ax, 1
        mov     ah, 3Eh
        mov     bx, [h]
        int     21h

        ; 3: read/write open sees the write
        mov     ax, 3D02h
        mov     dx, fname
        int     21h
        CHECK_CF "3dh-3.1", 0
        mov     bx, ax
        mov     ah, 3Fh
        mov     cx, 2
        mov     dx, buf
        int     21h
        CHECK_EQ "3dh-3.2", [buf], 'JE'
        mov     ah, 3Eh
        int     21h

        ; 4: error paths
        mov     ax, 3D03h               ; access mode 3: invalid
        mov     dx, fname
        int     21h
        CHECK_CF "3dh-4.1", 1
        CHECK_EQ "3dh-4.2", ax, 0Ch
        mov     ax, 3D00h
        mov     dx, missing
        int     21h
        CHECK_CF "3dh-4.3", 1
        CHECK_EQ "3dh-4.4", ax, 2
        mov     ax, 3D00h
        mov     dx, nodir
        int     21h
        CHECK_CF "3dh-4.5", 1
        CHECK_EQ "3dh-4.6", ax, 3
        mov     ax, 3D00h
        mov     dx, subdir
        int     21h
        CHECK_CF "3dh-4.7", 1
        CHECK_EQ "3dh-4.8", ax, 5
        mov     ax, 3D00h
        mov     dx, nodirnul            ; device in a missing directory
        int     21h
        CHECK_CF "3dh-4.9", 1
        CHECK_EQ "3dh-4.10", ax, 3

        ; 5: read-only attribute: readable, not writable
        mov     ah, 3Ch
        mov     cx, 1
        mov     dx, rofile
        int     21h
        CHECK_CF "3dh-5.1", 0
        mov     bx, ax
        mov     ah, 3Eh
        int     21h
        mov     ax, 3D01h
        mov     dx, rofile
        int     21h
        CHECK_CF "3dh-5.2", 1
        CHECK_EQ "3dh-5.3", ax, 5
        mov     ax, 3D02h
        mov     dx, rofile
        int     21h
        CHECK_EQ "3dh-5.4", ax, 5
        mov     ax, 3D00h
        mov     dx, rofile
        int     21h
        CHECK_CF "3dh-5.5", 0
        mov     bx, ax
        mov     ah, 3Eh
        int     21h

        ; 6: devices: SUB\NUL.TXT is NUL; CON opens
        mov     ax, 3D02h
        mov     dx, subnul
        int     21h
        CHECK_CF "3dh-6.1", 0
        mov     [h], ax
        mov     bx, ax
        mov     ah, 3Fh                 ; NUL reads end of file
        mov     cx, 4
        mov     dx, buf
        int     21h
        CHECK_CF "3dh-6.2", 0
        CHECK_EQ "3dh-6.3", ax, 0
        mov     ah, 40h                 ; ... and swallows writes
        mov     bx, [h]
        mov     cx, 4
        mov     dx, buf
        int     21h
        CHECK_EQ "3dh-6.4", ax, 4
        mov     ax, 4400h
        mov     bx, [h]
        int     21h
        CHECK_EQ "3dh-6.5", dx, 8084h   ; device, NUL, at EOF
        mov     ah, 3Eh
        mov     bx, [h]
        int     21h
        mov     ax, 3D01h
        mov     dx, con
        int     21h
        CHECK_CF "3dh-6.6", 0
        mov     bx, ax
        mov     ah, 40h                 ; CON writes standard output
        mov     cx, conmsg_len
        mov     dx, conmsg
        int     21h
        CHECK_EQ "3dh-6.7", ax, conmsg_len
        mov     ah, 3Eh
        int     21h

        ; 7: handles 0-4 are taken; 15 more fit in the 20-entry JFT
        xor     si, si
.more:  mov     ax, 3D00h
        mov     dx, nul
        int     21h
        jc      .full
        inc     si
        cmp     si, 30
        jb      .more
.full:  CHECK_EQ "3dh-7.1", si, 15
        CHECK_EQ "3dh-7.2", ax, 4
        mov     ah, 3Eh                 ; one freed: opening works again
        mov     bx, 19
        int     21h
        mov     ax, 3D00h
        mov     dx, nul
        int     21h
        CHECK_CF "3dh-7.3", 0
        CHECK_EQ "3dh-7.4", ax, 19
        CHECK_DONE

fname   db "DATA.TXT", 0
missing db "NOSUCH.TXT", 0
nodir   db "NODIR\DATA.TXT", 0
subdir  db "SUB", 0
nodirnul db "NODIR\NUL", 0
subnul  db "SUB\NUL.TXT", 0
rofile  db "RO.TXT", 0
con     db "CON", 0
nul     db "nul", 0
jay     db "J"
conmsg  db "via CON", 13, 10
conmsg_len equ $ - conmsg
h       dw 0
buf     times 20 db 0
