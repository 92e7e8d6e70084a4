; Benchmark workload 3: 2^28 iterations of DEC ECX / JNZ (32-bit registers
; in real mode, operand-size prefixes on every instruction).
        org 100h
%ifdef QUICK
        mov ecx, 1 << 18
%else
        mov ecx, 1 << 28
%endif
.loop:  dec ecx
        jnz .loop
        mov ax, 4C00h
        int 21h
