; An invalid opcode (UD2, 0F 0Bh) with INT 06h still at its default: vdm
; ends with status 125 and "vdm: PROG: invalid opcode at CS:IP" naming the
; opcode (RBIL INT 06 "CPU-generated (80286+) - INVALID OPCODE": the
; return address points at the offending instruction).
        org 100h
%include "crash_where.inc"
        CRASH_WHERE fault
fault:  db      0Fh, 0Bh                ; UD2
        mov     ax, 4C00h               ; not reached
        int     21h
