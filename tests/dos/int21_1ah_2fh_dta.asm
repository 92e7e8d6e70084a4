; INT 21h/1Ah set and 2Fh get the disk transfer area address (RBIL INT
; 21/AH=1Ah, AH=2Fh). A program starts with its DTA at PSP:0080h (RBIL
; INT 21/AH=1Ah notes: "the DTA is set to PSP:0080h when a program is
; started"); 2Fh returns whatever 1Ah set last, unchecked.
        org 100h
%include "check.inc"
        mov ah, 2Fh
        int 21h
        mov ax, es
        mov cx, cs
        CHECK_EQ "2fh-1.1 start: ES = PSP", ax, cx
        CHECK_EQ "2fh-1.2 start: BX = 0080h", bx, 0080h
        push ds
        mov ax, 1234h
        mov ds, ax
        mov dx, 5678h
        mov ah, 1Ah
        int 21h
        pop ds
        mov ah, 2Fh
        int 21h
        mov ax, es
        CHECK_EQ "1ah-1.1 set then get: ES", ax, 1234h
        CHECK_EQ "1ah-1.2 set then get: BX", bx, 5678h
        mov dx, 0FFFFh                  ; wraps past the segment: still kept
        mov ah, 1Ah
        int 21h
        mov ah, 2Fh
        int 21h
        mov ax, es
        mov cx, ds
        CHECK_EQ "1ah-2.1 DS:FFFFh kept: ES", ax, cx
        CHECK_EQ "1ah-2.2 DS:FFFFh kept: BX", bx, 0FFFFh
        CHECK_DONE
