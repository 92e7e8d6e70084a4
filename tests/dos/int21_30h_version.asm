; INT 21h/30h: get DOS version (RBIL INT 21/AH=30h). vdm is MS-DOS 5.0:
; AL = 05h major, AH = 00h minor, BL:CX = 24-bit user serial number (0).
; DOS 5+: AL = 00h on entry asks BH for the OEM number (FFh = Microsoft),
; AL = 01h for the version flags (bit 3 = DOS in ROM: 0 here).
        org 100h
%include "check.inc"
        mov ax, 3000h
        mov bx, 5555h
        mov cx, 5555h
        int 21h
        CHECK_EQ "30h-1.1 AX = 0005h (5.0)", ax, 0005h
        CHECK_EQ "30h-1.2 BX = FF00h (OEM Microsoft, serial 0)", bx, 0FF00h
        CHECK_EQ "30h-1.3 CX = 0 (serial low word)", cx, 0
        mov ax, 3001h
        mov bx, 5555h
        int 21h
        CHECK_EQ "30h-2.1 AL=01h: AX = 0005h", ax, 0005h
        CHECK_EQ "30h-2.2 AL=01h: BH = flags 00h, BL = 0", bx, 0000h
        CHECK_DONE
