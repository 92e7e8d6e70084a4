; The RTC and the BIOS time services (RBIL INT 1A/AH=00h-05h, CMOS.LST,
; INT 70; DOS INT 21/AH=2Ah, 2Ch for the host clock):
; - INT 1Ah/02h and 04h agree with DOS's time and date, which come from
;   the host clock (read twice around, so a minute turning over between
;   the calls cannot fail the check);
; - CMOS registers 00h/02h/04h read through ports 70h/71h agree with 02h;
;   register B says 24-hour BCD, D says the battery is good, 15h/16h say
;   640 KiB;
; - the BIOS tick count (INT 1Ah/00h) is the time of day in ticks, within
;   2 seconds; 01h sets it and 00h reads it back;
; - 03h sets the RTC's time: 02h then reads it back;
; - with the periodic interrupt enabled (register B bit 6, 1024 Hz), IRQ8
;   reaches a program's INT 70h hook through the slave PIC, chained to the
;   BIOS, which acknowledges register C and sends the EOIs.
        org 100h
%include "check.inc"

        mov     ah, 02h
        int     1Ah
        mov     [rtc1], cx
        mov     ah, 2Ch                 ; DOS: CH hours, CL minutes (binary)
        int     21h
        mov     [dos_t], cx
        mov     ah, 02h
        int     1Ah
        mov     [rtc2], cx
        mov     ax, [dos_t]
        call    bin_to_bcd_hm
        cmp     ax, [rtc1]
        je      .time_ok
        cmp     ax, [rtc2]
        je      .time_ok
        mov     ax, 0FFFFh
.time_ok:
        CHECK_EQ "1ah-1.1 RTC hours:minutes = the host's (DOS 2Ch)", ax, word [rtc2]

        mov     ah, 04h
        int     1Ah
        mov     [rtc1], dx
        mov     ah, 2Ah                 ; DOS: DH month, DL day
        int     21h
        mov     ax, dx
        call    bin_to_bcd_hm
        CHECK_EQ "1ah-1.2 RTC month/day = the host's (DOS 2Ah)", ax, word [rtc1]
        mov     ah, 04h
        int     1Ah
        cmp     ch, 20h
        jae     .century
        mov     ch, 0
.century:
        CHECK_EQ8 "1ah-1.3 century 20 or later", ch, 20h

        mov     ah, 02h
        int     1Ah
        mov     al, 04h
        out     70h, al
        in      al, 71h
        sub     al, ch
        CHECK_EQ8 "1ah-2.1 CMOS hours = 02h", al, 0
        mov     al, 02h
        out     70h, al
        in      al, 71h
        sub     al, cl
        CHECK_EQ8 "1ah-2.2 CMOS minutes = 02h", al, 0
        mov     al, 0Bh
        out     70h, al
        in      al, 71h
        CHECK_EQ8 "1ah-2.3 register B: 24-hour BCD", al, 02h
        mov     al, 0Dh
        out     70h, al
        in      al, 71h
        CHECK_EQ8 "1ah-2.4 register D: battery good", al, 80h
        mov     al, 16h
        out     70h, al
        in      al, 71h
        mov     ah, al
        mov     al, 15h
        out     70h, al
        in      al, 71h
        CHECK_EQ "1ah-2.5 CMOS base memory 640 KiB", ax, 640

        ; Ticks versus RTC seconds since midnight.
        mov     ah, 02h
        int     1Ah
        mov     [rtc1], cx
        mov     [rtc2], dx
        mov     al, ch
        call    bcd_to_bin
        mov     bx, 3600
        mul     bx                      ; DX:AX = hours * 3600
        mov     [secs], ax
        mov     [secs+2], dx
        mov     al, [rtc1]
        call    bcd_to_bin
        mov     bx, 60
        mul     bx
        add     [secs], ax
        adc     [secs+2], dx
        mov     al, [rtc2+1]
        call    bcd_to_bin
        add     [secs], ax
        adc     word [secs+2], 0
        mov     ah, 00h
        int     1Ah                     ; CX:DX ticks
        mov     ax, dx
        mov     dx, cx
        mov     bx, 5400                ; ticks * 86400 / 1573040
        call    mul32                   ; EAX = seconds since midnight
        sub     eax, [secs]
        jns     .pos
        neg     eax
.pos:   cmp     eax, 2
        jbe     .near
        mov     ax, 0FFFFh
        jmp     .far
.near:  xor     ax, ax
.far:   CHECK_EQ "1ah-3.1 tick count = time of day within 2 s", ax, 0

        mov     ah, 01h
        mov     cx, 0001h
        mov     dx, 2345h
        int     1Ah
        mov     ah, 00h
        int     1Ah
        CHECK_EQ "1ah-3.2 01h sets the count (high)", cx, 0001h
        cmp     dx, 2345h + 3
        jbe     .set_ok
        mov     dx, 0
.set_ok:
        cmp     dx, 2345h
        jae     .set_ok2
        mov     dx, 0
.set_ok2:
        mov     ax, dx
        cmp     ax, 0
        je      .set_bad
        mov     ax, 2345h
.set_bad:
        CHECK_EQ "1ah-3.3 01h sets the count (low, a tick may pass)", ax, 2345h

        mov     ah, 03h
        mov     cx, 1020h               ; 10:20:30
        mov     dx, 3000h
        int     1Ah
        mov     ah, 02h
        int     1Ah
        CHECK_EQ "1ah-4.1 03h set the RTC time", cx, 1020h

        ; Periodic interrupt through the slave PIC.
        xor     ax, ax
        mov     es, ax
        cli
        mov     ax, [es:70h*4]
        mov     [old70], ax
        mov     ax, [es:70h*4+2]
        mov     [old70+2], ax
        mov     word [es:70h*4], hook70
        mov     [es:70h*4+2], cs
        mov     al, 0Bh
        out     70h, al
        mov     al, 42h                 ; PIE, 24-hour
        out     71h, al
        sti
.wait:  hlt
        cmp     word [irq8], 5
        jb      .wait
        cli
        mov     al, 0Bh
        out     70h, al
        mov     al, 02h
        out     71h, al
        mov     ax, [old70]
        mov     [es:70h*4], ax
        mov     ax, [old70+2]
        mov     [es:70h*4+2], ax
        sti
        CHECK_EQ "1ah-5.1 IRQ8 reached the INT 70h hook 5 times", [irq8], 5
        in      al, 0A1h
        CHECK_EQ8 "1ah-5.2 slave mask: IRQ8 open", al, 0FEh
        mov     al, 0Bh                 ; OCW3: read ISR
        out     0A0h, al
        in      al, 0A0h
        CHECK_EQ8 "1ah-5.3 slave ISR clear after the BIOS EOI", al, 0
        CHECK_DONE

; EAX = DX:AX * BX / 98315 (the tick to second conversion, 386 code).
mul32:  push    edx
        shl     edx, 16
        mov     dx, ax
        mov     eax, edx
        movzx   ebx, bx
        mul     ebx
        mov     ebx, 98315
        div     ebx
        pop     edx
        ret

; AX = AH, AL (binary 0-99 each) as BCD bytes.
bin_to_bcd_hm:
        push    bx
        mov     bx, ax
        mov     al, bh
        aam
        shl     ah, 4
        or      ah, al
        mov     bh, ah
        mov     al, bl
        aam
        shl     ah, 4
        or      ah, al
        mov     bl, ah
        mov     ax, bx
        pop     bx
        ret

; AX = BCD AL in binary.
bcd_to_bin:
        push    cx
        mov     ah, al
        shr     ah, 4
        and     al, 0Fh
        mov     cl, al
        mov     al, ah
        mov     ah, 10
        mul     ah
        add     al, cl
        xor     ah, ah
        pop     cx
        ret

hook70: inc     word [cs:irq8]
        jmp     far [cs:old70]

old70   dd      0
irq8    dw      0
rtc1    dw      0
rtc2    dw      0
dos_t   dw      0
secs    dd      0
