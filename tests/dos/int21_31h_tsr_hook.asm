; Helper for int21_31h_tsr (no .expect of its own): a TSR that hooks INT
; 21h. Function F0h answers AX = 1234h, BX = the TSR's PSP; everything
; else chains to the previous handler. With "27" as its command tail it
; stays resident through INT 27h (DX = bytes), else through 31h with
; return code 7 (DX = paragraphs). It leaves handle 5 (a file it
; created) open: a resident program's files stay open.
        org 100h
start:  jmp     install

old21:  dd      0

hook:   cmp     ah, 0F0h
        jne     .chain
        mov     ax, 1234h
        mov     bx, cs
        iret
.chain: jmp     far [cs:old21]

RESIDENT_BYTES  equ install - start + 100h

install:
        mov     ax, 3521h
        int     21h
        mov     [old21], bx
        mov     [old21+2], es
        mov     ax, 2521h
        mov     dx, hook
        int     21h
        mov     ah, 3Ch
        xor     cx, cx
        mov     dx, fname
        int     21h
        cmp     byte [80h], 3           ; tail " 27"
        jne     .by31
        mov     dx, RESIDENT_BYTES
        int     27h
.by31:  mov     dx, (RESIDENT_BYTES + 15) / 16
        mov     ax, 3107h
        int     21h

fname:  db      "TSR.TMP", 0
