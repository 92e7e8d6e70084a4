; CTRLC.COM - end through INT 23h, the way a program stopped by Ctrl-C
; ends (RBIL INT 23: the default handler terminates, and INT 21h/4Dh then
; reports type 1). Not a test on its own.
        org 100h
        mov     ah, 9
        mov     dx, msg
        int     21h
        int     23h
        mov     ax, 4C05h       ; not reached
        int     21h
msg     db "stopping", 13, 10, "$"
