; INT 21h/33h: Ctrl-Break checking flag and system information (RBIL INT
; 21/AH=33h, AX=3302h, 3305h, 3306h). AL = 00h gets the flag in DL (off
; at start: MS-DOS boots with BREAK=OFF), 01h sets it from DL, 02h sets it
; and returns the old state in DL; 05h returns the boot drive in DL
; (1 = A:; vdm's is C: = 3); 06h the true version: BL = 5, BH = 0,
; DL = revision 0, DH = flags 0 (not in ROM or HMA). Any other AL answers
; AL = FFh (RBIL: MS-DOS's reply to an invalid subfunction).
; Also INT 21h/2Eh and 54h, the verify flag (RBIL INT 21/AH=2Eh, AH=54h):
; off at start, AL = 00h/01h sets it, 54h returns it in AL.
        org 100h
%include "check.inc"
        mov ax, 3300h
        mov dl, 77h
        int 21h
        CHECK_EQ8 "33h-1.1 break flag off at start", dl, 0
        mov ax, 3301h
        mov dl, 1
        int 21h
        mov ax, 3300h
        mov dl, 77h
        int 21h
        CHECK_EQ8 "33h-1.2 set on, reads on", dl, 1
        mov ax, 3302h
        mov dl, 0
        int 21h
        CHECK_EQ8 "33h-2.1 02h returns the old state (on)", dl, 1
        mov ax, 3300h
        int 21h
        CHECK_EQ8 "33h-2.2 ... and set it off", dl, 0
        mov ax, 3305h
        mov dl, 77h
        int 21h
        CHECK_EQ8 "33h-3.1 boot drive C: (3)", dl, 3
        mov ax, 3306h
        mov bx, 5555h
        mov dx, 5555h
        int 21h
        CHECK_EQ "33h-4.1 true version BX = 0005h", bx, 0005h
        CHECK_EQ "33h-4.2 revision 0, flags 0", dx, 0000h
        mov ax, 3307h
        int 21h
        CHECK_EQ8 "33h-5.1 AL=07h invalid: AL = FFh", al, 0FFh
        mov ax, 33FFh
        int 21h
        CHECK_EQ8 "33h-5.2 AL=FFh invalid: AL = FFh", al, 0FFh
        mov ax, 3300h
        int 21h
        CHECK_EQ8 "33h-5.3 flag untouched by invalid calls", dl, 0

        mov ah, 54h
        int 21h
        CHECK_EQ8 "54h-1.1 verify off at start", al, 0
        mov ax, 2E01h
        int 21h
        mov ah, 54h
        int 21h
        CHECK_EQ8 "2eh-1.1 verify on", al, 1
        mov ax, 2E00h
        int 21h
        mov ah, 54h
        int 21h
        CHECK_EQ8 "2eh-1.2 verify off again", al, 0
        CHECK_DONE
