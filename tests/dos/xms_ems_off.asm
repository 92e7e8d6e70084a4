; --xms=0 --ems=0 take both drivers away (see the .expect): INT 2Fh/4300h
; leaves AL = 0 (RBIL INT 2F/AX=4300h: 80h only when installed), device
; EMMXXXX0 does not exist (3Dh: 02h) and INT 67h is a bare IRET, so AH
; comes back as it went in.
        org 100h
%include "check.inc"

        mov     ax, 4300h
        int     2Fh
        CHECK_EQ8 "off-1.1", al, 0
        mov     ax, 3D00h
        mov     dx, emm_name
        int     21h
        CHECK_CF "off-1.2", 1
        CHECK_EQ "off-1.3", ax, 0002h
        mov     ah, 40h
        int     67h
        CHECK_EQ8 "off-1.4", ah, 40h
        CHECK_DONE

emm_name db "EMMXXXX0", 0
