; Benchmark workload 4: 10^6 INT 21h service calls (AH=19h, get current
; drive): the cost of one trap into the host and back.
        org 100h
%ifdef QUICK
        mov si, 10
%else
        mov si, 1000
%endif
.outer: mov di, 1000
.inner: mov ah, 19h
        int 21h
        dec di
        jnz .inner
        dec si
        jnz .outer
        mov ax, 4C00h
        int 21h
