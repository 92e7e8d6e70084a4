; HLT with interrupts disabled: a real PC stops for good (only NMI or reset
; would wake it), so vdm ends with status 125 and
; "vdm: PROG: HLT with interrupts disabled at CS:IP" naming the HLT.
        org 100h
%include "crash_where.inc"
        CRASH_WHERE fault
        cli
fault:  hlt
        mov     ax, 4C00h               ; not reached
        int     21h
