; INT 21h/59h: get extended error information (RBIL INT 21/AH=59h, BX =
; 0000h; codes Table 01680, classes 01682, actions 01683, loci 01684).
; AX = the last failed call's error code (0 before any error), BH = class,
; BL = suggested action, CH = locus.
; The failures used: 49h freeing a segment that is no memory block (error
; 09h, invalid memory block address: RBIL INT 21/AH=49h) and an INT 21h
; function that does not exist (error 01h, invalid function). The class,
; action and locus expected are those of vdm's table in dos/dos.c (memory
; error: out of resource 01h, abort 04h, memory 05h; invalid function:
; application error 07h, abort 04h, unknown 01h): RBIL names the values
; but does not list which code MS-DOS pairs with which.
        org 100h
%include "check.inc"
        mov ah, 59h
        xor bx, bx
        int 21h
        CHECK_EQ "59h-1.1 no error yet: AX = 0", ax, 0

        mov ax, 0001h                   ; no block lives at 0001h
        mov es, ax
        mov ah, 49h
        int 21h
        CHECK_CF "59h-2.1 49h on a bogus segment fails", 1
        CHECK_EQ "59h-2.2 49h: AX = 9", ax, 9
        mov ah, 59h
        xor bx, bx
        mov cx, 5555h
        int 21h
        CHECK_EQ "59h-2.3 code 9", ax, 9
        CHECK_EQ "59h-2.4 class 01h, action 04h", bx, 0104h
        CHECK_EQ8 "59h-2.5 locus 05h (memory)", ch, 05h

        mov ah, 0FFh                    ; no such function
        int 21h
        CHECK_CF "59h-3.1 unknown function fails", 1
        mov ah, 59h
        xor bx, bx
        mov cx, 5555h
        int 21h
        CHECK_EQ "59h-3.2 code 1 (invalid function)", ax, 1
        CHECK_EQ "59h-3.3 class 07h, action 04h", bx, 0704h
        CHECK_EQ8 "59h-3.4 locus 01h (unknown)", ch, 01h
        CHECK_DONE
