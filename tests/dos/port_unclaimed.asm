; Unclaimed I/O ports: with no device decoding the address, a PC's data bus
; floats high, so IN reads all ones (FFh for a byte, FFFFh for a word) and
; OUT goes nowhere (DESIGN.md "IN/OUT", STYLE.md "Unclaimed ports read
; 0xFF, writes vanish, both visible under --trace=port"). Ports E0h and
; E8h: no device vdm emulates claims them (pick others if one ever does;
; tests/e2e/ports.sh checks the exact trace lines for them).
        org 100h
%include "check.inc"

PORT_FREE equ 0E0h
PORT_FREE_DX equ 0E8h

        xor     ax, ax
        in      al, PORT_FREE
        CHECK_EQ "port-1.1", ax, 00FFh  ; byte IN: AL = FFh, AH untouched
        xor     ax, ax
        in      ax, PORT_FREE
        CHECK_EQ "port-1.2", ax, 0FFFFh ; word IN: both bytes float
        mov     dx, PORT_FREE_DX
        mov     ax, 1234h
        in      al, dx
        CHECK_EQ "port-1.3", ax, 12FFh  ; IN AL, DX: only AL changes
        mov     al, 5Ah
        out     PORT_FREE, al           ; a write vanishes...
        in      al, PORT_FREE
        CHECK_EQ "port-2.1", ax, 12FFh  ; ...and is not read back
        mov     ax, 0A55Ah
        out     dx, ax
        in      ax, dx
        CHECK_EQ "port-2.2", ax, 0FFFFh
        CHECK_DONE
