; FCB record I/O (RBIL INT 21/AH=0Fh, 10h, 14h, 15h, 16h, 21h-24h, 27h,
; 28h, "Format of File Control Block"): create sets drive (1 = A:),
; record size 80h and size 0; sequential transfers step current
; block/record, random ones set them from the random record; reads report
; 01h at end of file and 03h for a zero-padded partial record; a transfer
; past the DTA's segment gives 02h; 27h/28h return the count in CX and
; advance the random record; 28h with CX = 0 sets the size; 23h rounds the
; size up to records; open/close/size fail with AL = FFh (a missing file,
; a wildcard name, an FCB that runs past the end of memory).
        org 100h
%include "check.inc"

FCB_CUR_BLOCK   equ 0Ch
FCB_REC_SIZE    equ 0Eh
FCB_FILE_SIZE   equ 10h
FCB_CUR_REC     equ 20h
FCB_RAND        equ 21h

%macro FCBCALL 1
        mov     ah, %1
        mov     dx, fcb
        int     21h
%endmacro
%macro SETRS 1
        mov     word [fcb + FCB_REC_SIZE], %1
%endmacro
%macro SETRAND 1
        mov     word [fcb + FCB_RAND], %1
        mov     word [fcb + FCB_RAND + 2], 0
%endmacro

        mov     ah, 1Ah
        mov     dx, dta
        int     21h

        ; 16h create, 15h sequential write of two 4-byte records
        FCBCALL 16h
        CHECK_EQ8 "16h-1.1", al, 0
        CHECK_EQ8 "16h-1.2", [fcb], 3           ; C: filled in
        CHECK_EQ "16h-1.3", word [fcb + FCB_REC_SIZE], 80h
        CHECK_EQ "16h-1.4", word [fcb + FCB_FILE_SIZE], 0
        CHECK_EQ "16h-1.5", word [fcb + FCB_CUR_BLOCK], 0
        SETRS   4
        mov     byte [fcb + FCB_CUR_REC], 0
        mov     word [dta], 'AB'
        mov     word [dta+2], 'CD'
        FCBCALL 15h
        CHECK_EQ8 "15h-1.1", al, 0
        mov     word [dta], 'EF'
        mov     word [dta+2], 'GH'
        FCBCALL 15h
        CHECK_EQ8 "15h-1.2", al, 0
        CHECK_EQ8 "15h-1.3", [fcb + FCB_CUR_REC], 2
        CHECK_EQ "15h-1.4", word [fcb + FCB_FILE_SIZE], 8
        FCBCALL 10h
        CHECK_EQ8 "10h-1.1", al, 0
        FCBCALL 10h                             ; no longer open
        CHECK_EQ8 "10h-1.2", al, 0FFh

        ; 0Fh open, 14h sequential read in 3-byte records
        FCBCALL 0Fh
        CHECK_EQ8 "0fh-1.1", al, 0
        CHECK_EQ "0fh-1.2", word [fcb + FCB_FILE_SIZE], 8
        CHECK_EQ "0fh-1.3", word [fcb + FCB_REC_SIZE], 80h
        SETRS   3
        mov     byte [fcb + FCB_CUR_REC], 0
        FCBCALL 14h
        CHECK_EQ8 "14h-1.1", al, 0
        CHECK_EQ "14h-1.2", word [dta], 'AB'
        FCBCALL 14h
        CHECK_EQ8 "14h-1.3", al, 0
        CHECK_EQ "14h-1.4", word [dta], 'DE'
        mov     byte [dta+2], 'z'
        FCBCALL 14h                             ; "GH" + one zero byte
        CHECK_EQ8 "14h-1.5", al, 3
        CHECK_EQ "14h-1.6", word [dta], 'GH'
        CHECK_EQ8 "14h-1.7", [dta+2], 0
        FCBCALL 14h
        CHECK_EQ8 "14h-1.8", al, 1
        CHECK_EQ8 "14h-1.9", [fcb + FCB_CUR_REC], 3

        ; 21h random read: current record follows the random record
        SETRS   2
        SETRAND 2
        FCBCALL 21h
        CHECK_EQ8 "21h-1.1", al, 0
        CHECK_EQ "21h-1.2", word [dta], 'EF'
        CHECK_EQ8 "21h-1.3", [fcb + FCB_CUR_REC], 2
        CHECK_EQ "21h-1.4", word [fcb + FCB_RAND], 2
        SETRAND 9
        FCBCALL 21h
        CHECK_EQ8 "21h-2.1", al, 1

        ; 22h random write past the end: the gap reads as zeros
        SETRAND 5
        mov     word [dta], 'XY'
        FCBCALL 22h
        CHECK_EQ8 "22h-1.1", al, 0
        CHECK_EQ "22h-1.2", word [fcb + FCB_FILE_SIZE], 12

        ; 24h random record from block 1, record 7
        mov     word [fcb + FCB_CUR_BLOCK], 1
        mov     byte [fcb + FCB_CUR_REC], 7
        FCBCALL 24h
        CHECK_EQ "24h-1.1", word [fcb + FCB_RAND], 135
        CHECK_EQ "24h-1.2", word [fcb + FCB_RAND + 2], 0

        ; 27h block read of 5-byte records: 2 whole + 1 partial
        SETRS   5
        SETRAND 0
        mov     cx, 5
        FCBCALL 27h
        CHECK_EQ8 "27h-1.1", al, 3
        CHECK_EQ "27h-1.2", cx, 3
        CHECK_EQ "27h-1.3", word [fcb + FCB_RAND], 3
        CHECK_EQ "27h-1.4", word [dta+6], 'GH'
        CHECK_EQ "27h-1.5", word [dta+8], 0
        CHECK_EQ "27h-1.6", word [dta+10], 'XY'
        CHECK_EQ "27h-1.7", word [dta+12], 0
        SETRAND 3
        mov     cx, 2
        FCBCALL 27h
        CHECK_EQ8 "27h-2.1", al, 1
        CHECK_EQ "27h-2.2", cx, 0

        ; 28h with CX = 0 cuts the file to random * size; then a write
        SETRS   4
        SETRAND 2
        xor     cx, cx
        FCBCALL 28h
        CHECK_EQ8 "28h-1.1", al, 0
        CHECK_EQ "28h-1.2", word [fcb + FCB_FILE_SIZE], 8
        mov     word [dta], '12'
        mov     word [dta+2], '34'
        mov     word [dta+4], 'ab'
        mov     word [dta+6], 'cd'
        mov     cx, 2
        FCBCALL 28h
        CHECK_EQ8 "28h-2.1", al, 0
        CHECK_EQ "28h-2.2", cx, 2
        CHECK_EQ "28h-2.3", word [fcb + FCB_RAND], 4
        CHECK_EQ "28h-2.4", word [fcb + FCB_FILE_SIZE], 16

        ; a record that would run past the DTA's segment: 02h
        mov     ah, 1Ah
        mov     dx, 0FFFEh
        int     21h
        SETRAND 0
        FCBCALL 21h
        CHECK_EQ8 "21h-3.1", al, 2
        mov     ah, 1Ah
        mov     dx, dta
        int     21h
        FCBCALL 10h
        CHECK_EQ8 "10h-2.1", al, 0

        ; 23h size in records, rounded up (16 bytes / 3 = 6)
        mov     word [fcb2 + FCB_REC_SIZE], 3
        mov     ah, 23h
        mov     dx, fcb2
        int     21h
        CHECK_EQ8 "23h-1.1", al, 0
        CHECK_EQ "23h-1.2", word [fcb2 + FCB_RAND], 6
        mov     ah, 23h
        mov     dx, missing
        int     21h
        CHECK_EQ8 "23h-2.1", al, 0FFh

        ; open of a missing file and of a wildcard name fail
        mov     ah, 0Fh
        mov     dx, missing
        int     21h
        CHECK_EQ8 "0fh-2.1", al, 0FFh
        mov     ah, 0Fh
        mov     dx, wild
        int     21h
        CHECK_EQ8 "0fh-2.2", al, 0FFh
        mov     ah, 59h
        xor     bx, bx
        int     21h
        CHECK_EQ "0fh-2.3", ax, 2

        ; an FCB running off the end of memory names nothing
        push    ds
        mov     ax, 0FFFFh
        mov     ds, ax
        mov     dx, 0FFF8h
        mov     ah, 0Fh
        int     21h
        pop     ds
        CHECK_EQ8 "0fh-2.4", al, 0FFh

        ; an extended FCB opens the same file
        mov     ah, 0Fh
        mov     dx, xfcb
        int     21h
        CHECK_EQ8 "0fh-3.1", al, 0
        CHECK_EQ "0fh-3.2", word [xfcb + 7 + FCB_FILE_SIZE], 16
        mov     ah, 10h
        mov     dx, xfcb
        int     21h
        CHECK_EQ8 "10h-3.1", al, 0
        CHECK_DONE

fcb:     db 0, "FCBTEST DAT"
         times 25 db 0
fcb2:    db 0, "FCBTEST DAT"
         times 25 db 0
missing: db 0, "NOSUCH  DAT"
         times 25 db 0
wild:    db 0, "FCB?????DAT"
         times 25 db 0
xfcb:    db 0FFh, 0, 0, 0, 0, 0, 0
         db 3, "FCBTEST DAT"
         times 25 db 0
dta:     times 256 db 0
