; A division by zero with INT 00h still at its default: the guest crashed
; its CPU, and vdm ends with status 125 and one line
; "vdm: PROG: division by zero at CS:IP" naming the DIV itself (on a 286
; and later the divide error's return address is the faulting instruction;
; RBIL INT 00 "CPU-generated - DIVIDE ERROR").
        org 100h
%include "crash_where.inc"
        CRASH_WHERE fault
        xor     cx, cx
        mov     ax, 1234h
fault:  div     cx
        mov     ax, 4C00h               ; not reached
        int     21h
