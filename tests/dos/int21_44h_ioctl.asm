; INT 21h/44h: IOCTL (RBIL INT 21/AX=4400h, 4401h, 4406h, 4407h).
; Pins: 4400h device information: standard input and output are the
; console (80D3h: character device, device, not at EOF, INT 29h, stdout,
; stdin), bit 6 clears once standard input hit end of file (stdin is empty
; here); a disk file on C: is 0042h (drive 2, not written) until written
; (0002h). 4401h sets raw mode (bit 5) and refuses DH <> 0 with 0Dh.
; 4406h: a file is ready until its position reaches the end; standard
; input at end of file is not ready. 4407h: ready. Unsupported
; subfunction 1; invalid handle 6.
        org 100h
%include "check.inc"
        ; 1: console handles
        mov     ax, 4400h
        xor     bx, bx
        int     21h
        CHECK_CF "44h-1.1", 0
        CHECK_EQ "44h-1.2", dx, 80D3h
        mov     ax, 4400h
        mov     bx, 1
        int     21h
        CHECK_EQ "44h-1.3", dx, 80D3h
        mov     ax, 4401h               ; raw mode on stdout
        mov     bx, 1
        xor     dh, dh
        or      dl, 20h
        int     21h
        CHECK_CF "44h-1.4", 0
        mov     ax, 4400h
        mov     bx, 1
        int     21h
        CHECK_EQ "44h-1.5", dx, 80F3h
        mov     ax, 4401h               ; DH must be 0
        mov     bx, 1
        mov     dx, 01F3h
        int     21h
        CHECK_CF "44h-1.6", 1
        CHECK_EQ "44h-1.7", ax, 0Dh

        ; 2: stdin at end of file
        mov     ah, 3Fh
        xor     bx, bx
        mov     cx, 1
        mov     dx, buf
        int     21h
        CHECK_EQ "44h-2.1", ax, 0
        mov     ax, 4400h
        xor     bx, bx
        int     21h
        CHECK_EQ "44h-2.2", dx, 8093h
        mov     ax, 4406h
        xor     bx, bx
        int     21h
        CHECK_CF "44h-2.3", 0
        xor     ah, ah
        CHECK_EQ "44h-2.4", ax, 0

        ; 3: a disk file
        mov     ah, 3Ch
        xor     cx, cx
        mov     dx, fname
        int     21h
        mov     [h], ax
        mov     ax, 4400h
        mov     bx, [h]
        int     21h
        CHECK_EQ "44h-3.1", dx, 0042h
        mov     ax, 4406h               ; empty: at end of file
        mov     bx, [h]
        int     21h
        xor     ah, ah
        CHECK_EQ "44h-3.2", ax, 0
        mov     ah, 40h
        mov     bx, [h]
        mov     cx, 2
        mov     dx, fname
        int     21h
        mov     ax, 4400h
        mov     bx, [h]
        int     21h
        CHECK_EQ "44h-3.3", dx, 0002h
        mov     ax, 4200h
        mov     bx, [h]
        xor     cx, cx
        xor     dx, dx
        int     21h
        mov     ax, 4406h               ; two bytes ahead: ready
        mov     bx, [h]
        int     21h
        xor     ah, ah
        CHECK_EQ "44h-3.4", ax, 0FFh
        mov     ah, 3Fh
        mov     bx, [h]
        mov     cx, 10
        mov     dx, buf
        int     21h
        mov     ax, 4406h               ; read them: end of file
        mov     bx, [h]
        int     21h
        xor     ah, ah
        CHECK_EQ "44h-3.5", ax, 0
        mov     ax, 4407h
        mov     bx, [h]
        int     21h
        xor     ah, ah
        CHECK_EQ "44h-3.6", ax, 0FFh

        ; 4: errors
        mov     ax, 4402h
        mov     bx, 1
        int     21h
        CHECK_CF "44h-4.1", 1
        CHECK_EQ "44h-4.2", ax, 1
        mov     ax, 4400h
        mov     bx, 8
        int     21h
        CHECK_CF "44h-4.3", 1
        CHECK_EQ "44h-4.4", ax, 6
        CHECK_DONE

fname   db "IOCTL.TXT", 0
h       dw 0
buf     times 10 db 0
