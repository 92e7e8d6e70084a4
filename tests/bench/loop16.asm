; Benchmark workload 2a: 10^8 iterations of LOOP (16-bit CPU work).
; 10,000 outer passes of a 10,000-iteration LOOP; exits 0.
        org 100h
%ifdef QUICK
        mov si, 10
%else
        mov si, 10000
%endif
.outer: mov cx, 10000
.inner: loop .inner
        dec si
        jnz .outer
        mov ax, 4C00h
        int 21h
