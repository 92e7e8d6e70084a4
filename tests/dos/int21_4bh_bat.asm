; INT 21h/4B00h on a batch file (the DOS kernel issue: "4Bh with a .BAT
; runs through the COMMAND.COM of the COMMAND.COM issue"). MS-DOS's EXEC
; itself only loads program images; vdm hands a .BAT to %COMSPEC% /C with
; the caller's tail, as COMMAND.COM would run it. Pins: EXEC of JOB.BAT
; with tail " a b" returns CF clear, the batch saw %1=a %2=b (it writes
; OUT.TXT, checked by the .expect), and its EXIT 7 is 4Dh's return code.
; A missing .BAT fails with 2 like any missing program.
        org 100h
%include "check.inc"

        mov     sp, 0FFFEh
        mov     ah, 4Ah                 ; keep 64 KiB, free the rest
        mov     bx, 1000h
        int     21h
        CHECK_CF "bat-0.1", 0

        mov     [pb_tail + 2], cs
        mov     ax, 4B00h
        mov     dx, bat_name
        mov     bx, pb
        int     21h
        CHECK_CF "bat-1.1", 0
        mov     ah, 4Dh
        int     21h
        CHECK_EQ "bat-1.2", ax, 0007h

        mov     ax, 4B00h
        mov     dx, missing_name
        mov     bx, pb
        int     21h
        CHECK_CF "bat-2.1", 1
        CHECK_EQ "bat-2.2", ax, 0002h
        CHECK_DONE

bat_name     db "JOB.BAT", 0
missing_name db "NOPE.BAT", 0
pb           dw 0                      ; environment: a copy of ours
pb_tail      dw tail, 0
             dd 0, 0                   ; FCBs (unused)
tail         db 4, " a b", 13
