; The PIT and the IRQ0 path (Intel 8254 datasheet; RBIL PORTS.LST 0040h-
; 0043h, INT 08, INT 1A/AH=00h):
; - hook INT 08h and chain to the BIOS: the hook runs, the BIOS tick count
;   advances with it, and ticks keep coming (the BIOS ROM tail sends the
;   EOI after INT 1Ch, so a chained handler needs none of its own);
; - reprogram channel 0 to 1 kHz (mode 2, count 1193) and take INT 08h over
;   with a handler that sends its own EOI: over one second of host time,
;   measured by the guest on the RTC's seconds register (CMOS 00h), close
;   to 1000 IRQ0s arrive (within 5%);
; - the counter latch and the read-back status show the programmed mode;
; - restoring mode 3 with count 0 brings back the 18.2 Hz BIOS tick.
; The 1-second window is host time (the RTC follows the host clock), and
; late ticks are delivered as catch-up (up to 64), so a loaded host does
; not make the count fall short.
        org 100h
%include "check.inc"

        xor     ax, ax
        mov     es, ax
        cli
        mov     ax, [es:8*4]
        mov     [old8], ax
        mov     ax, [es:8*4+2]
        mov     [old8+2], ax
        mov     word [es:8*4], chain8
        mov     [es:8*4+2], cs
        sti
        mov     ah, 00h                 ; BIOS ticks before
        int     1Ah
        mov     [t0], dx
.wait5: hlt
        cmp     word [hooked], 5
        jb      .wait5
        mov     ah, 00h
        int     1Ah
        sub     dx, [t0]
        cmp     dx, 5                   ; the BIOS counted at least as many
        jae     .bios_ok
        jmp     .bios_bad
.bios_ok:
        mov     dx, 5
.bios_bad:
        CHECK_EQ "pit-1.1 chained hook ran 5 times, BIOS counted them", dx, 5

        ; Take INT 08h over at 1 kHz.
        cli
        mov     word [es:8*4], own8
        mov     al, 34h                 ; channel 0, word access, mode 2
        out     43h, al
        mov     ax, 1193                ; 1193182 / 1193 = 1000.15 Hz
        out     40h, al
        mov     al, ah
        out     40h, al
        sti

        mov     al, 0C2h                ; read-back: status of channel 0 only
        out     43h, al
        in      al, 40h
        and     al, 3Fh                 ; OUT and null count vary with time
        CHECK_EQ8 "pit-2.1 read-back status: word, mode 2, binary", al, 34h
        mov     al, 00h                 ; latch channel 0
        out     43h, al
        in      al, 40h
        mov     ah, al
        in      al, 40h
        xchg    al, ah
        cmp     ax, 1193
        jbe     .latch_ok
        mov     ax, 0FFFFh
.latch_ok:
        or      ax, ax
        jnz     .latch_nz
        mov     ax, 0FFFFh
.latch_nz:
        cmp     ax, 0FFFFh
        je      .latch_bad
        mov     ax, 1
.latch_bad:
        CHECK_EQ "pit-2.2 latched count within 1..1193", ax, 1

        call    next_second             ; align on an RTC second edge
        mov     word [count], 0
        call    next_second             ; one second of host time
        mov     ax, [count]
        cmp     ax, 950
        jb      .rate_bad
        cmp     ax, 1050
        ja      .rate_bad
        mov     ax, 1000
.rate_bad:
        CHECK_EQ "pit-2.3 IRQ0s in one RTC second at 1 kHz (950-1050)", ax, 1000

        ; Back to the BIOS rate and handler.
        cli
        mov     al, 36h                 ; channel 0, word, mode 3
        out     43h, al
        xor     al, al
        out     40h, al
        out     40h, al
        mov     ax, [old8]
        mov     [es:8*4], ax
        mov     ax, [old8+2]
        mov     [es:8*4+2], ax
        sti
        mov     ah, 00h
        int     1Ah
        mov     [t0], dx
        mov     cx, 3
.idle:  hlt
        loop    .idle
        mov     ah, 00h
        int     1Ah
        sub     dx, [t0]
        cmp     dx, 4                   ; an edge latched before the switch
        jne     .three                  ; may end the first HLT
        dec     dx
.three: CHECK_EQ "pit-3.1 three HLTs at 18.2 Hz: three BIOS ticks", dx, 3
        CHECK_DONE

; Wait (halting) until the RTC seconds register changes.
next_second:
        mov     al, 00h
        out     70h, al
        in      al, 71h
        mov     bl, al
.again: hlt
        mov     al, 00h
        out     70h, al
        in      al, 71h
        cmp     al, bl
        je      .again
        ret

chain8:
        inc     word [cs:hooked]
        jmp     far [cs:old8]

own8:
        push    ax
        inc     word [cs:count]
        mov     al, 20h                 ; non-specific EOI: we own IRQ0 now
        out     20h, al
        pop     ax
        iret

old8    dd      0
hooked  dw      0
count   dw      0
t0      dw      0
