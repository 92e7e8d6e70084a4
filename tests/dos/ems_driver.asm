; The EMS 4.0 driver (RBIL INT 67/AH=40h-5Bh; LIM EMS 4.0), with vdm's
; default --ems=4096 (256 pages):
;  - detection both ways: device EMMXXXX0 opens as a character device
;    (IOCTL 4400h bit 7, 4407h ready) and the INT 67h handler's segment
;    holds "EMMXXXX0" at offset 0Ah;
;  - 40h status, 41h frame at E000h, 42h page counts, 46h version 4.0;
;  - 43h allocate and its errors (89h zero, 87h more than exist, 88h more
;    than free); 44h maps pages so data written through the frame comes
;    back when the page is mapped again, in another physical page too,
;    and refuses bad physical (8Bh) and logical (8Ah) pages and handles
;    (83h);
;  - 4Bh/4Ch counts; 47h/48h save and restore the map (8Eh without a
;    save); 51h reallocate; 53h/54h names (A0h for an unknown one);
;    57h move from conventional memory into a page; 58h four mappable
;    pages; 4Fh saves and restores part of the map (8Bh for a segment
;    outside the frame); 45h release (83h twice); 55h is not provided
;    (84h).
        org 100h
%include "check.inc"

        mov     ax, 3D00h
        mov     dx, emm_name
        int     21h
        CHECK_CF "det-1.1", 0
        mov     bx, ax
        mov     ax, 4400h
        int     21h
        and     dx, 80h
        CHECK_EQ "det-1.2", dx, 80h
        mov     ax, 4407h
        int     21h
        CHECK_EQ8 "det-1.3", al, 0FFh
        mov     ah, 3Eh
        int     21h
        mov     ax, 3567h
        int     21h
        mov     di, 0Ah
        mov     si, emm_name
        mov     cx, 8
        repe    cmpsb                   ; ES:DI (handler segment) vs DS:SI
        sete    al
        CHECK_EQ8 "det-1.4", al, 1
        push    cs
        pop     es

        mov     ah, 40h
        int     67h
        CHECK_EQ8 "40h-1.1", ah, 0
        mov     ah, 41h
        int     67h
        CHECK_EQ "41h-1.1", bx, 0E000h
        mov     ah, 42h
        int     67h
        CHECK_EQ "42h-1.1", dx, 256
        CHECK_EQ "42h-1.2", bx, 256
        mov     ah, 46h
        int     67h
        CHECK_EQ "46h-1.1", ax, 0040h

        mov     ah, 43h
        mov     bx, 4
        int     67h
        CHECK_EQ8 "43h-1.1", ah, 0
        mov     [handle], dx
        mov     ah, 43h
        xor     bx, bx
        int     67h
        CHECK_EQ8 "43h-2.1", ah, 89h
        mov     ah, 43h
        mov     bx, 300
        int     67h
        CHECK_EQ8 "43h-2.2", ah, 87h
        mov     ah, 43h
        mov     bx, 253
        int     67h
        CHECK_EQ8 "43h-2.3", ah, 88h

        ; page 0 and 1 through physical page 0
        mov     bx, 0
        mov     al, 0
        call    map
        CHECK_EQ8 "44h-1.1", ah, 0
        push    ds
        mov     ax, 0E000h
        mov     ds, ax
        mov     word [0], "P0"
        pop     ds
        mov     bx, 1
        mov     al, 0
        call    map
        push    ds
        mov     ax, 0E000h
        mov     ds, ax
        mov     word [0], "P1"
        pop     ds
        mov     bx, 0
        mov     al, 0
        call    map
        call    frame0
        CHECK_EQ "44h-1.2", ax, "P0"
        mov     bx, 1                   ; page 1 in physical page 1
        mov     al, 1
        call    map
        push    ds
        mov     ax, 0E400h
        mov     ds, ax
        mov     ax, [0]
        pop     ds
        CHECK_EQ "44h-1.3", ax, "P1"
        mov     bx, 0
        mov     al, 4
        call    map
        CHECK_EQ8 "44h-2.1", ah, 8Bh
        mov     bx, 9
        mov     al, 0
        call    map
        CHECK_EQ8 "44h-2.2", ah, 8Ah
        mov     ax, 4400h
        mov     bx, 0
        mov     dx, 99
        int     67h
        CHECK_EQ8 "44h-2.3", ah, 83h

        mov     ah, 4Bh
        int     67h
        CHECK_EQ "4bh-1.1", bx, 2       ; the OS handle 0 and ours
        mov     ah, 4Ch
        mov     dx, [handle]
        int     67h
        CHECK_EQ "4ch-1.1", bx, 4

        ; save, change, restore
        mov     ah, 47h
        mov     dx, [handle]
        int     67h
        CHECK_EQ8 "47h-1.1", ah, 0
        mov     bx, 3
        mov     al, 0
        call    map
        call    frame0
        CHECK_EQ "47h-1.2", ax, 0       ; a fresh page is zeroed
        mov     ah, 48h
        mov     dx, [handle]
        int     67h
        CHECK_EQ8 "48h-1.1", ah, 0
        call    frame0
        CHECK_EQ "48h-1.2", ax, "P0"
        mov     ah, 48h
        mov     dx, [handle]
        int     67h
        CHECK_EQ8 "48h-2.1", ah, 8Eh

        mov     ah, 51h
        mov     bx, 8
        mov     dx, [handle]
        int     67h
        CHECK_EQ8 "51h-1.1", ah, 0
        CHECK_EQ "51h-1.2", bx, 8
        call    frame0                  ; still mapped, data kept
        CHECK_EQ "51h-1.3", ax, "P0"

        mov     ax, 5301h
        mov     dx, [handle]
        mov     si, hname
        int     67h
        CHECK_EQ8 "53h-1.1", ah, 0
        mov     ax, 5401h
        mov     si, hname
        int     67h
        CHECK_EQ8 "54h-1.1", ah, 0
        CHECK_EQ "54h-1.2", dx, word [handle]
        mov     ax, 5401h
        mov     si, noname
        int     67h
        CHECK_EQ8 "54h-1.3", ah, 0A0h

        ; 57h: 4 bytes of text into page 5, offset 2
        mov     ax, [handle]
        mov     [mv_dst_h], ax
        mov     [mv_src_seg], cs
        mov     ax, 5700h
        mov     si, mv
        int     67h
        CHECK_EQ8 "57h-1.1", ah, 0
        mov     bx, 5
        mov     al, 0
        call    map
        push    ds
        mov     ax, 0E000h
        mov     ds, ax
        mov     ax, [4]
        pop     ds
        CHECK_EQ "57h-1.2", ax, "S!"

        mov     ax, 5801h
        int     67h
        CHECK_EQ "58h-1.1", cx, 4

        ; 4Fh: save physical page 0's mapping (page 5), change, restore
        mov     ax, 4F02h
        mov     bx, 1
        int     67h
        CHECK_EQ "4fh-1.1", ax, 0008h
        mov     ax, 4F00h
        mov     si, partial
        mov     di, pmap
        int     67h
        CHECK_EQ8 "4fh-1.2", ah, 0
        mov     bx, 3
        mov     al, 0
        call    map
        call    frame0
        CHECK_EQ "4fh-1.3", ax, 0
        mov     ax, 4F01h
        mov     si, pmap
        int     67h
        CHECK_EQ8 "4fh-1.4", ah, 0
        push    ds
        mov     ax, 0E000h
        mov     ds, ax
        mov     ax, [4]
        pop     ds
        CHECK_EQ "4fh-1.5", ax, "S!"
        mov     ax, 4F00h
        mov     si, partial_bad
        mov     di, pmap
        int     67h
        CHECK_EQ8 "4fh-2.1", ah, 8Bh

        mov     ah, 45h
        mov     dx, [handle]
        int     67h
        CHECK_EQ8 "45h-1.1", ah, 0
        mov     ah, 45h
        mov     dx, [handle]
        int     67h
        CHECK_EQ8 "45h-1.2", ah, 83h
        mov     ax, 5500h
        int     67h
        CHECK_EQ8 "55h-1.1", ah, 84h
        CHECK_DONE

; 44h: AL = physical page, BX = logical page of our handle.
map:    mov     ah, 44h
        mov     dx, [handle]
        int     67h
        ret

; AX = the first word of the frame.
frame0: push    ds
        mov     ax, 0E000h
        mov     ds, ax
        mov     ax, [0]
        pop     ds
        ret

emm_name db "EMMXXXX0", 0
partial     dw 1, 0E000h
partial_bad dw 1, 0D000h
pmap        times 16 db 0
hname    db "MYHANDLE"
noname   db "NOSUCH!!"
handle   dw 0
text     db "EMS!"
mv:
mv_len     dd 4
mv_src_t   db 0
mv_src_h   dw 0
mv_src_off dw text
mv_src_seg dw 0
mv_dst_t   db 1
mv_dst_h   dw 0
mv_dst_off dw 2
mv_dst_pg  dw 5
