; A jump into memory that holds no code: bytes FFh, which is what a PC
; reads where nothing is mapped. FF FF is opcode group 5 with reg field 7,
; undefined on a 286 and later, so the CPU raises INT 06h (invalid opcode)
; at the first such byte (RBIL INT 06; Intel SDM opcode map, group 5).
; vdm ends with status 125 and "invalid opcode at CS:IP" naming it.
        org 100h
%include "crash_where.inc"
        CRASH_WHERE nowhere
        jmp     nowhere
        times 16 db 90h
nowhere: times 16 db 0FFh
