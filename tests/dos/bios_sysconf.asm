; System configuration services and the A20 gate (RBIL INT 11, INT 12,
; INT 13, INT 15/AH=24h, 86h, 88h, C0h, INT 17/AH=02h; PORTS.LST 0021h,
; 0060h/0064h (8042 commands D0h, D1h, AAh), 0061h):
; - INT 11h says 80x25 colour, INT 12h 640 KiB, INT 15h/88h 64 KiB;
; - INT 15h/C0h points at a table whose model byte is FCh (AT);
; - INT 13h is refused cleanly: CF set, AH = 80h;
; - INT 15h/2402h reports A20 off at start; 2401h turns it on, so
;   FFFF:0010 stops aliasing 0000:0000; 2400h wraps again; the 8042's
;   output port (D1h with DFh) turns it on too, D0h reads the bit back;
; - the 8042 self-test answers 55h;
; - INT 15h/86h waits host time (the RTC's seconds move in 1.1 s);
; - INT 17h/02h: LPT1 ready (90h);
; - the master PIC's mask leaves IRQ0, 1 and 2 open; port 61h's refresh
;   bit toggles.
        org 100h
%include "check.inc"

        int     11h
        and     ax, 0030h
        CHECK_EQ "sys-1.1 INT 11h: 80x25 colour", ax, 0020h
        int     12h
        CHECK_EQ "sys-1.2 INT 12h: 640 KiB", ax, 640
        mov     ah, 88h
        int     15h
        CHECK_EQ "sys-1.3 INT 15h/88h: 64 KiB above 1 MiB", ax, 64
        mov     ah, 0C0h
        int     15h
        CHECK_CF "sys-1.4 INT 15h/C0h supported", 0
        mov     al, [es:bx+2]
        CHECK_EQ8 "sys-1.5 model byte FCh", al, 0FCh
        push    cs
        pop     es
        mov     ah, 02h                 ; read sectors: no disks
        mov     dl, 80h
        int     13h
        CHECK_CF "sys-1.6 INT 13h refused", 1
        CHECK_EQ8 "sys-1.7 INT 13h AH = 80h", ah, 80h

        mov     ax, 2402h
        int     15h
        CHECK_EQ8 "sys-2.1 A20 off at start", al, 0
        call    a20_probe
        CHECK_EQ8 "sys-2.2 FFFF:0010 aliases 0:0", al, 1
        mov     ax, 2401h
        int     15h
        CHECK_CF "sys-2.3 2401h enables A20", 0
        call    a20_probe
        CHECK_EQ8 "sys-2.4 then the HMA is its own memory", al, 0
        mov     ax, 2400h
        int     15h
        call    a20_probe
        CHECK_EQ8 "sys-2.5 2400h wraps again", al, 1
        call    kbc_wait
        mov     al, 0D1h                ; 8042: write output port
        out     64h, al
        call    kbc_wait
        mov     al, 0DFh                ; A20 on, no reset
        out     60h, al
        call    a20_probe
        CHECK_EQ8 "sys-2.6 8042 D1h DFh enables A20", al, 0
        mov     al, 0D0h                ; read output port
        call    kbc_cmd_read
        and     al, 02h
        CHECK_EQ8 "sys-2.7 D0h reads A20 on", al, 02h
        mov     ax, 2400h
        int     15h
        mov     al, 0AAh                ; self-test
        call    kbc_cmd_read
        CHECK_EQ8 "sys-2.8 8042 self-test 55h", al, 55h

        mov     al, 00h                 ; RTC seconds before
        out     70h, al
        in      al, 71h
        mov     [t0], al
        mov     ah, 86h
        mov     cx, 10h                 ; 10:C8E0h = 1100000 us
        mov     dx, 0C8E0h
        int     15h
        CHECK_CF "sys-3.1 INT 15h/86h waits", 0
        mov     al, 00h
        out     70h, al
        in      al, 71h
        sub     al, [t0]
        jz      .same_s
        mov     al, 1
.same_s:
        CHECK_EQ8 "sys-3.2 a 1.1 s wait sees the RTC second change", al, 1

        mov     ah, 02h
        mov     dx, 0
        int     17h
        CHECK_EQ8 "sys-4.1 INT 17h LPT1 ready", ah, 90h
        in      al, 21h
        and     al, 07h
        CHECK_EQ8 "sys-4.2 PIC mask: IRQ0-2 open", al, 0
        in      al, 61h
        and     al, 10h
        mov     bl, al
        mov     cx, 1000
.tog:   in      al, 61h
        and     al, 10h
        cmp     al, bl
        loope   .tog
        CHECK_ZF "sys-4.3 port 61h refresh bit toggles", 0
        CHECK_DONE

; AL = 1 when FFFF:0010 and 0000:0000 are the same byte.
a20_probe:
        push    ds
        push    es
        xor     ax, ax
        mov     ds, ax
        mov     ax, 0FFFFh
        mov     es, ax
        mov     bl, [0]
        mov     byte [0], 11h
        mov     byte [es:10h], 22h
        mov     al, [0]
        mov     [0], bl
        cmp     al, 22h
        mov     al, 1
        je      .same
        mov     al, 0
.same:  pop     es
        pop     ds
        ret

kbc_wait:
        push    ax
.w:     in      al, 64h
        test    al, 02h
        jnz     .w
        pop     ax
        ret

; Send 8042 command AL, return its answer in AL (IRQ1 masked meanwhile so
; the BIOS INT 09h does not take the byte).
kbc_cmd_read:
        push    bx
        mov     bl, al
        cli
        in      al, 21h
        or      al, 02h
        out     21h, al
        call    kbc_wait
        mov     al, bl
        out     64h, al
.obf:   in      al, 64h
        test    al, 01h
        jz      .obf
        in      al, 60h
        mov     bl, al
        in      al, 21h
        and     al, 0FDh
        out     21h, al
        sti
        mov     al, bl
        pop     bx
        ret

t0      db      0
