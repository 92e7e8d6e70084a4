; What every CPU backend (x86emu, kvm, unicorn) must get right beyond plain
; instructions; this test runs on each (tests/CMakeLists.txt):
; - code the host rewrites (INT 21h/AH=3Fh reading into it, RBIL INT 21/
;   AH=3Fh) runs with its new bytes: a JIT must drop stale translations;
; - with A20 off (the DOS default), FFFF:0500 is linear 0004F0h: the wrap
;   at 1 MiB that CALL 5 in the PSP relies on;
; - a hardware interrupt (IRQ0, INT 08h, RBIL INT 08) reaches a guest
;   handler installed in the IVT and ends a HLT with interrupts on;
; - an invalid opcode (UD2) enters the guest's own INT 06h handler with the
;   faulting instruction's address on the stack (RBIL INT 06, 80286+);
;   backends whose engine stops there instead (Unicorn, KVM's real-mode
;   emulator) must raise it themselves.
        org 100h
%include "check.inc"
        call    code_buf                ; mov al, '1' / ret
        xor     ah, ah
        CHECK_EQ "cpu-1.1 code runs", ax, '1'
        mov     ah, 3Fh                 ; read the new code from stdin
        xor     bx, bx
        mov     cx, 3
        mov     dx, code_buf
        int     21h
        CHECK_EQ "cpu-1.2 read count", ax, 3
        call    code_buf                ; now mov al, '2' / ret
        xor     ah, ah
        CHECK_EQ "cpu-1.3 host-written code runs", ax, '2'

        mov     al, 5Ah                 ; A20 off: FFFF:0500 = 0000:04F0
        call    wrap_roundtrip
        CHECK_EQ "cpu-2.1 ffff:0500 wraps to 0:04f0", ax, 5Ah
        mov     al, 0A5h
        call    wrap_roundtrip
        CHECK_EQ "cpu-2.2 the wrap sees a new value", ax, 0A5h

        xor     ax, ax                  ; hook INT 08h, chain to the old one
        mov     es, ax
        cli
        mov     ax, [es:8*4]
        mov     [old8], ax
        mov     ax, [es:8*4+2]
        mov     [old8+2], ax
        mov     word [es:8*4], tick
        mov     [es:8*4+2], cs
        sti
        mov     cx, 3                   ; at most 3 HLTs (a tick ends each)
wait_tick:
        hlt
        cmp     word [ticks], 0
        jne     ticked
        loop    wait_tick
ticked:
        cli
        mov     ax, [old8]
        mov     [es:8*4], ax
        mov     ax, [old8+2]
        mov     [es:8*4+2], ax
        sti
        mov     ax, [ticks]
        cmp     ax, 0
        je      no_tick
        mov     ax, 1
no_tick:
        CHECK_EQ "cpu-3.1 timer tick reached the guest handler", ax, 1

        xor     ax, ax                  ; hook INT 06h
        mov     es, ax
        mov     ax, [es:6*4]
        mov     [old6], ax
        mov     ax, [es:6*4+2]
        mov     [old6+2], ax
        mov     word [es:6*4], on_ud
        mov     [es:6*4+2], cs
ud_at:  ud2
        mov     ax, [old6]              ; the handler resumes here
        mov     [es:6*4], ax
        mov     ax, [old6+2]
        mov     [es:6*4+2], ax
        mov     ax, [ud_ip]
        CHECK_EQ "cpu-4.1 INT 06h frame points at the UD2", ax, ud_at
        CHECK_DONE

; AL -> 0000:04F0, then AX = the byte at FFFF:0500 (ES is clobbered).
wrap_roundtrip:
        xor     bx, bx
        mov     es, bx
        mov     [es:04F0h], al
        dec     bx
        mov     es, bx
        mov     al, [es:0500h]
        xor     ah, ah
        ret

tick:   inc     word [cs:ticks]
        jmp     far [cs:old8]

; INT 06h: note the faulting IP, resume after the 2-byte UD2.
on_ud:  push    bp
        mov     bp, sp
        mov     ax, [bp+2]
        mov     [cs:ud_ip], ax
        add     word [bp+2], 2
        pop     bp
        iret

old6    dd      0
ud_ip   dw      0
old8    dd      0
ticks   dw      0
code_buf:
        mov     al, '1'
        ret
