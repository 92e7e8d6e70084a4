; Benchmark workload 4b: 10^6 OUTs to an unclaimed port (E0h, see
; tests/dos/port_unclaimed.asm): the bare exit round trip of a backend, the
; yardstick for workload 4's INT 21h trap (on KVM one I/O exit each).
        org 100h
PORT_FREE equ 0E0h
%ifdef QUICK
        mov si, 10
%else
        mov si, 1000
%endif
.outer: mov di, 1000
.inner: out PORT_FREE, al
        dec di
        jnz .inner
        dec si
        jnz .outer
        mov ax, 4C00h
        int 21h
